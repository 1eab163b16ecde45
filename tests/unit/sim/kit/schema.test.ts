import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decode, encode, type Schema } from "@/lib/sim/kit/schema";

const v1: Schema = {
  version: 1,
  fields: [
    { name: "id", number: 1, type: "int", required: true },
    { name: "quantity", number: 3, type: "int", required: true },
  ],
};

describe("schema encode/decode", () => {
  it("round-trips a record through either format with the same schema", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.constantFrom("json" as const, "binary" as const), (id, quantity, format) => {
        const read = decode(v1, encode(v1, { id, quantity }, format), format);
        expect(read).toEqual({ ok: true, record: { id, quantity }, defaulted: [] });
      }),
    );
  });

  it("a tolerant reader ignores unknown fields and defaults a missing optional one", () => {
    const v2: Schema = { version: 2, fields: [...v1.fields, { name: "currency", number: 5, type: "string", required: false, default: "EUR" }] };
    expect(decode(v1, encode(v2, { id: 1, quantity: 2, currency: "USD" }, "binary"), "binary")).toEqual({ ok: true, record: { id: 1, quantity: 2 }, defaulted: [] });
    expect(decode(v2, encode(v1, { id: 1, quantity: 2 }, "json"), "json")).toEqual({ ok: true, record: { id: 1, quantity: 2, currency: "EUR" }, defaulted: ["currency"] });
  });

  it("rejects a missing required field, and a wire type the reader does not expect", () => {
    const renamed: Schema = { version: 2, fields: [v1.fields[0]!, { name: "qty", number: 3, type: "int", required: true }] };
    expect(decode(v1, encode(renamed, { id: 1, qty: 2 }, "json"), "json")).toEqual({ ok: false, reason: "required field quantity is missing" });
    const retyped: Schema = { version: 2, fields: [v1.fields[0]!, { name: "note", number: 3, type: "string", required: true }] };
    expect(decode(v1, encode(retyped, { id: 1, note: "x" }, "binary"), "binary").ok).toBe(false);
    expect(() => encode(v1, { id: 1 }, "json")).toThrow(/quantity/);
  });

  it("binary keys by number, so a reused number with the same wire type is read without complaint (the silent case)", () => {
    const reused: Schema = { version: 2, fields: [v1.fields[0]!, { name: "unitPriceCents", number: 3, type: "int", required: true }] };
    expect(decode(v1, encode(reused, { id: 1, unitPriceCents: 1999 }, "binary"), "binary")).toEqual({ ok: true, record: { id: 1, quantity: 1999 }, defaulted: [] });
  });
});
