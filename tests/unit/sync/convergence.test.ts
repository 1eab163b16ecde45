/** The convergence property on the in-memory repository; tests/server/sync-convergence.test.ts runs it on the databases. */
import { describeConvergence } from "@/tests/fixtures/sync/convergence-cases";
import { memoryRepositoryFactory } from "@/tests/fixtures/sync/repository-under-test";

vi.mock("server-only", () => ({}));

describeConvergence(memoryRepositoryFactory);
