/** The convergence property (tests/fixtures/sync/convergence-cases.ts) on the database repository: PGlite and PostgreSQL. */
import { describeConvergence } from "@/tests/fixtures/sync/convergence-cases";
import { databaseRepositoryFactory } from "./support/sync-repository";

describeConvergence(databaseRepositoryFactory(0.15));
