/** Validates every lesson (index.mdx, quiz.yaml, diagnostic.yaml) and prints each one's word and question counts; exits 1 on any problem. */
import { formatContentErrors } from "../lib/content/errors";
import { checkContent } from "../lib/content/lessons.server";

const { lessons, errors } = await checkContent();
for (const lesson of lessons) {
  console.log(`${lesson.folder.padEnd(32)} ${String(lesson.wordCount).padStart(5)} words  ${lesson.quiz.questions.length} quiz  ${lesson.diagnostic.questions.length} diagnostic  ${lesson.checklist.length} checklist items`);
}
if (errors.length > 0) {
  console.error(`\n${formatContentErrors(errors)}`);
  process.exit(1);
}
const diagnosticTotal = lessons.reduce((n, l) => n + l.diagnostic.questions.length, 0);
console.log(`\n${lessons.length} lessons, ${diagnosticTotal} diagnostic questions, no problems.`);
