import fc from "fast-check";
import { PAGE_SIZE, pageLinks, pageOf, parsePageParam } from "@/lib/paging/page";

describe("pageOf", () => {
  it("pages cover every row once, in order, and a page past the end shows the last one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 50 }), (n, size, asked) => {
        const rows = Array.from({ length: n }, (_, i) => i);
        const first = pageOf(rows, 1, size);
        const pages = Array.from({ length: first.pageCount }, (_, i) => pageOf(rows, i + 1, size));
        expect(pages.flatMap((p) => p.rows)).toEqual(rows);
        for (const p of pages) {
          expect(p.rows.length).toBeLessThanOrEqual(size);
          if (p.rows.length > 0) expect([p.from, p.to]).toEqual([p.rows[0]! + 1, p.rows[p.rows.length - 1]! + 1]);
        }
        expect(pageOf(rows, asked, size).page).toBe(Math.min(asked, first.pageCount));
      }),
    );
    expect(PAGE_SIZE).toBe(50);
    expect(pageOf(Array.from({ length: 501 }, (_, i) => i), 1)).toMatchObject({ from: 1, to: 50, total: 501, pageCount: 11 });
    expect(pageOf(Array.from({ length: 501 }, (_, i) => i), 11)).toMatchObject({ from: 501, to: 501, rows: [500] });
  });

  it('"all" is every row on one page; no rows is one empty page', () => {
    expect(pageOf([1, 2, 3], "all", 2)).toEqual({ rows: [1, 2, 3], page: 1, pageCount: 1, from: 1, to: 3, total: 3 });
    expect(pageOf([], 4)).toEqual({ rows: [], page: 1, pageCount: 1, from: 0, to: 0, total: 0 });
  });
});

describe("pageLinks", () => {
  it("offers the first, the last and two pages either side, with gaps between", () => {
    expect(pageLinks(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageLinks(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pageLinks(10, 10)).toEqual([1, null, 8, 9, 10]);
    expect(pageLinks(1, 1)).toEqual([1]);
  });
});

describe("parsePageParam", () => {
  it("reads a page number or all; absent is page 1; anything else is null", () => {
    expect(parsePageParam(null)).toBe(1);
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("7")).toBe(7);
    expect(parsePageParam("999999")).toBe(999999);
    expect(parsePageParam("all")).toBe("all");
    for (const bad of ["", "0", "-2", "1.5", "abc", "01", "1e3", " 2", "ALL", "9999999"]) expect(parsePageParam(bad)).toBeNull();
  });
});
