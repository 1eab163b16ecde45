import { readBytesWithin } from "@/lib/server/http/body";

vi.mock("server-only", () => ({}));

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined || cancelled) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
    cancel() {
      cancelled = true;
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBytesWithin", () => {
  it("reads a body within the limit, multi-byte characters included", async () => {
    const bytes = await readBytesWithin(post("héllo"), 6);
    expect(bytes && new TextDecoder().decode(bytes)).toBe("héllo");
    expect(await readBytesWithin(new Request("http://localhost/"), 6)).toEqual(new Uint8Array());
  });

  it("refuses a declared length over the limit without reading", async () => {
    expect(await readBytesWithin(post("tiny", { "content-length": "1000000" }), 100)).toBeNull();
  });

  it("stops reading a stream that runs past the limit, whatever it declared", async () => {
    const request = post(streamOf(["a".repeat(60), "b".repeat(60), "c".repeat(60)]));
    expect(await readBytesWithin(request, 100)).toBeNull();
  });
});
