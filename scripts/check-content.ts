/** Validates every lesson and built-in track and prints each lesson's prose word count; exits 1 on any problem. */
import { formatContentErrors } from "../lib/content/errors";
import { checkContent } from "../lib/content/lessons.server";
import { checkTracks } from "../lib/content/tracks.server";

const { lessons, errors } = await checkContent();
for (const lesson of lessons) {
  console.log(`${lesson.folder.padEnd(32)} ${String(lesson.wordCount).padStart(5)} words  ${lesson.quiz.questions.length} questions  ${lesson.checklist.length} checklist items`);
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
console.log(`\n${lessons.length} lessons and ${report.tracks.length} tracks, no problems.`);
