/**
 * The one PostgreSQL schema, for PGlite and PostgreSQL alike. Add a domain's tables in a file
 * of their own here, export them below, then run `npm run db:generate` to write the migration.
 */
export * from "./auth";
export * from "./instance";
export * from "./sync";
export * from "./tracks";
export * from "./certificates";
export * from "./lesson-progress";
