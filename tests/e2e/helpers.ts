import { expect, type Page } from "@playwright/test";
import type { Question } from "@/lib/content/schema";

/** Answers one question correctly (or, with `wrong`, deliberately not) through the UI, by mouse. */
export async function answer(page: Page, q: Question, wrong = false) {
  const block = page.getByTestId(`question-${q.id}`);
  if (q.type === "single") {
    const id = wrong ? q.options.find((o) => o.id !== q.answer)!.id : q.answer;
    await block.locator(`input[value="${id}"]`).check();
  } else if (q.type === "multiple") {
    for (const id of q.answer) await block.locator(`input[value="${id}"]`).check();
  } else if (q.type === "boolean") {
    await block.locator(`input[value="${String(q.answer)}"]`).check();
  } else {
    // Bring each item to its place, top to bottom, with the Move up buttons.
    for (let target = 0; target < q.answer.length; target++) {
      const id = q.answer[target]!;
      for (;;) {
        const order = await block.locator("[data-order-item]").evaluateAll((els) => els.map((e) => e.getAttribute("data-order-item")!.split(":")[1]));
        const at = order.indexOf(id);
        if (at <= target) break;
        await block.locator(`[data-order-item="${q.id}:${id}"] [data-dir="up"]`).click();
      }
    }
  }
}

/** Collects console errors and page errors; call the returned function at the end to assert none. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return () => expect(errors, "console errors").toEqual([]);
}
