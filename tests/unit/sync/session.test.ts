import { probeSession } from "@/lib/sync/session";

const answer = (status: number, body: unknown) => () => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe("probeSession", () => {
  it("asks the server who is signed in", async () => {
    expect(await probeSession(answer(200, { user: { id: "ann" } }))()).toEqual({ kind: "signed-in", account: "ann" });
    expect(await probeSession(answer(200, { user: null }))()).toEqual({ kind: "signed-out" });
    expect(await probeSession(answer(401, { type: "about:blank" }))()).toEqual({ kind: "signed-out" });
    // A server without the endpoint (no accounts) means nobody can be signed in.
    expect(await probeSession(answer(404, {}))()).toEqual({ kind: "signed-out" });
  });

  it("says it does not know when the server cannot answer", async () => {
    expect(await probeSession(() => Promise.reject(new TypeError("offline")))()).toEqual({ kind: "unknown" });
    expect(await probeSession(answer(503, {}))()).toEqual({ kind: "unknown" });
    expect(await probeSession(answer(200, { user: { id: 5 } }))()).toEqual({ kind: "unknown" });
  });
});
