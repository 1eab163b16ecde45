import { defineConfig } from "drizzle-kit";

/** `npm run db:generate` compares lib/server/db/schema with the last snapshot and writes the next migration. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/server/db/schema/index.ts",
  out: "./lib/server/db/migrations",
  strict: true,
  verbose: true,
});
