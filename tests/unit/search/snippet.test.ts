import fc from "fast-check";
import { makeSnippet } from "@/lib/search/snippet";

const marked = (text: string, terms: string[]) =>
  makeSnippet(text, terms)
    .parts.map((p) => (p.match ? `[${p.text}]` : p.text))
    .join("");

describe("makeSnippet", () => {
  it("marks every whole-word occurrence of a matched term, whatever its case", () => {
    expect(marked("Idempotency keys make retries safe; idempotency is about state.", ["idempotency"])).toBe(
      "[Idempotency] keys make retries safe; [idempotency] is about state.",
    );
  });

  it("does not mark a term inside a longer word", () => {
    expect(marked("A retry is not a retrying loop.", ["retry"])).toBe("A [retry] is not a retrying loop.");
  });

  it("cuts a window around the first match at word boundaries and says what it clipped", () => {
    const text = `${"alpha ".repeat(30)}fencing token ${"omega ".repeat(40)}`.trim();
    const snippet = makeSnippet(text, ["fencing", "token"], undefined, 20, 60);
    const shown = snippet.parts.map((p) => p.text).join("");
    expect(snippet.clippedStart).toBe(true);
    expect(snippet.clippedEnd).toBe(true);
    expect(shown).toMatch(/^alpha( alpha)* fencing token( omega)*$/);
    expect(snippet.parts.filter((p) => p.match).map((p) => p.text)).toEqual(["fencing", "token"]);
  });

  it("marks words the way the index normalizes them", () => {
    const plural = (w: string) => w.toLowerCase().replace(/ies$/, "y");
    expect(makeSnippet("Retries and a retry.", ["retry"], plural).parts.filter((p) => p.match).map((p) => p.text)).toEqual(["Retries", "retry"]);
  });

  it("shows the start of the text when nothing matched", () => {
    const snippet = makeSnippet("Short text.", ["absent"]);
    expect(snippet).toEqual({ parts: [{ text: "Short text.", match: false }], clippedStart: false, clippedEnd: false });
  });

  it("always shows a piece of the text, marks only matched terms, and keeps every match it shows whole", () => {
    const word = fc.stringMatching(/^[a-zA-Z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 80 }), fc.array(word, { maxLength: 3 }), (words, terms) => {
        const text = words.join(" ");
        const snippet = makeSnippet(text, terms.map((t) => t.toLowerCase()), undefined, 30, 90);
        const shown = snippet.parts.map((p) => p.text).join("");
        expect(text.includes(shown)).toBe(true);
        const lower = new Set(terms.map((t) => t.toLowerCase()));
        for (const part of snippet.parts.filter((p) => p.match)) expect(lower.has(part.text.toLowerCase())).toBe(true);
      }),
    );
  });
});
