import { createProgressStore } from "@/lib/progress/store";
import { buildExport } from "@/lib/progress/transfer";
import { emptyFacts } from "@/lib/progress/types";
import { MapStorage } from "@/tests/fixtures/storage";

// The network went away after the page loaded: the checks (zod) cannot be fetched.
vi.mock("@/lib/progress/checks", () => {
  throw new Error("Failed to load chunk");
});

it("refuses an import it cannot check, saying so, and changes nothing", async () => {
  const store = createProgressStore({ storage: () => new MapStorage(), now: () => 1_000, newId: () => "device-a" });
  store.getState().setItem("fault-tolerance", "a", true);
  const before = store.getState().facts;
  const file = JSON.stringify(buildExport({ ...emptyFacts(), skipped: { messaging: { value: true, at: { wall: 5, counter: 0, device: "b" } } } }, new Date(0)));
  expect(await store.getState().importFile(file)).toEqual({ ok: false, message: expect.stringMatching(/could not be checked.*Nothing was changed\.$/) });
  expect(store.getState().facts).toBe(before);
});
