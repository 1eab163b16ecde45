/** Writes app/code-colors.css, the classes of highlighted code tokens, from the code themes. */
import { writeFile } from "node:fs/promises";
import { CODE_COLORS_STYLESHEET, codeColorsStylesheet } from "../lib/content/highlight.server";

await writeFile(CODE_COLORS_STYLESHEET, await codeColorsStylesheet());
console.log(`Wrote ${CODE_COLORS_STYLESHEET}.`);
