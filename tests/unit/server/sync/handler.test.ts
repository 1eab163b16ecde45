/** The handler's tests on the in-memory repository; tests/server/sync-handler.test.ts runs them on the databases. */
import { describeHandleSync } from "@/tests/fixtures/sync/handler-cases";
import { memoryRepositoryFactory } from "@/tests/fixtures/sync/repository-under-test";

vi.mock("server-only", () => ({}));

describeHandleSync(memoryRepositoryFactory);
