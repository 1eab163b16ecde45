/** Validates every lesson and prints each one's prose word count; exits 1 on any problem. */
import { formatContentErrors } from "../lib/content/errors";
import { checkContent } from "../lib/content/lessons.server";

const { lessons, errors } = await checkContent();
for (const lesson of lessons) {
  console.log(`${lesson.folder.padEnd(32)} ${String(lesson.wordCount).padStart(5)} words  ${lesson.quiz.questions.length} questions  ${lesson.checklist.length} checklist items`);
}
if (errors.length > 0) {
  console.error(`\n${formatContentErrors(errors)}`);
  process.exit(1);
}
console.log(`\n${lessons.length} lessons, no problems.`);
