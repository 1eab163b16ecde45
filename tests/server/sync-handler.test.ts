/** The sync handler's tests (tests/fixtures/sync/handler-cases.ts) on the database repository: PGlite and PostgreSQL. */
import { describeHandleSync } from "@/tests/fixtures/sync/handler-cases";
import { databaseRepositoryFactory } from "./support/sync-repository";

describeHandleSync(databaseRepositoryFactory(0.25));
