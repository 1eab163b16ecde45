import { canonicalFacts, mergeFacts } from "@/lib/progress/merge";
import { emptyFacts, type ProgressFacts, type QuizAttempt } from "@/lib/progress/types";

// A copy that went through the server comes back with its keys in another order. Should two
// versions of one attempt ever meet (same id and timestamp), the merge must pick by content,
// not by how each copy happens to order its keys, or two devices could keep different ones.
it("picks between two versions of one attempt by content, whatever the order of their keys", () => {
  const at = { wall: 4, counter: 0, device: "device-a" };
  const one = { id: "attempt-0001", lessonId: "security", at, responses: { q1: "a" }, correct: 1, total: 2 };
  const two = { ...one, responses: { q1: "b" }, correct: 2 };
  const reorder = ({ id, at: when, ...rest }: QuizAttempt): QuizAttempt => ({ ...rest, id, at: when });
  const facts = (a: QuizAttempt): ProgressFacts => ({ ...emptyFacts(), attempts: { [a.id]: a } });
  const onThisDevice = mergeFacts(facts(one), facts(reorder(two)));
  const onThatDevice = mergeFacts(facts(reorder(one)), facts(two));
  expect(canonicalFacts(onThisDevice)).toBe(canonicalFacts(onThatDevice));
});
