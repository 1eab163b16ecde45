/** Validates every lesson (index.mdx, quiz.yaml, diagnostic.yaml) and built-in track; prints each lesson's word and question counts; exits 1 on any problem. */
import { formatContentErrors } from "../lib/content/errors";
import { checkContent } from "../lib/content/lessons.server";
import { checkTracks } from "../lib/content/tracks.server";

const { lessons, errors } = await checkContent();
for (const lesson of lessons) {
  console.log(`${lesson.folder.padEnd(32)} ${String(lesson.wordCount).padStart(5)} words  ${lesson.quiz.questions.length} quiz  ${lesson.diagnostic.questions.length} diagnostic  ${lesson.checklist.length} checklist items`);
}
const report = await checkTracks(new Set(lessons.map((l) => l.id)));
for (const track of report.tracks) {
  console.log(`track ${track.id.padEnd(26)} ${String(track.steps.length).padStart(5)} steps  pass mark ${track.passMark}%`);
}
errors.push(...report.errors);
if (errors.length > 0) {
  console.error(`\n${formatContentErrors(errors)}`);
  process.exit(1);
}
const diagnosticTotal = lessons.reduce((n, l) => n + l.diagnostic.questions.length, 0);
console.log(`\n${lessons.length} lessons, ${diagnosticTotal} diagnostic questions and ${report.tracks.length} tracks, no problems.`);
