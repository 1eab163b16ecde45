/**
 * The adaptive self-assessment: which question comes next in a sitting, how far along it is,
 * and what it found. Pure and deterministic: a sitting is the answers stored under its id,
 * and everything here is recomputed from them, so stopping, reloading or resuming on another
 * device continues exactly where the learner was.
 *
 * Selection, in curriculum order, one practice at a time:
 * - every practice gets one question;
 * - another follows (at most MAX_PER_PRACTICE in all) after an answer that was wrong or
 *   unsure, and after a right-and-sure answer that only evens the score (one wrong, one
 *   right), since that settles nothing;
 * - a practice whose bank is used up is settled with what it has;
 * - never more than MAX_QUESTIONS in a sitting, never the same question twice in a sitting;
 * - within a practice, questions not asked in earlier sittings come first (then the least
 *   asked), and ties are broken by a seeded hash of the sitting id, so each sitting is
 *   reproducible and two sittings see the bank in different orders.
 */
import { compareTimestamps, type Timestamp } from "@/lib/progress/clock";
import type { AssessmentAnswer, ProgressFacts } from "@/lib/progress/types";
import { classifyAnswers, type Graded, isConfidentlyRight, type PracticeClass } from "./classify";
import { seededRank } from "./seeded";

export const MAX_PER_PRACTICE = 3;
export const MAX_QUESTIONS = 60;
/** Questions a practice not yet reached is expected to take: 20 practices ≈ 25 questions for someone who knows most. */
export const EXPECTED_PER_PRACTICE = 1.25;

/** What selection needs of a practice: its id and its diagnostic questions' ids, in curriculum order. */
export interface BankPractice<Q extends { id: string } = { id: string }> {
  id: string;
  questions: readonly Q[];
}

/** One run of the diagnostic: its answers in the order given (one per question). */
export interface Sitting {
  id: string;
  answers: AssessmentAnswer[];
  startedAt: Timestamp;
  lastAt: Timestamp;
}

const questionKey = (lessonId: string, questionId: string) => `${lessonId}/${questionId}`;

/**
 * Every sitting in the facts, oldest first (by its first answer). Should a question have been
 * answered twice in one sitting (two devices at once), the first answer counts.
 */
export function sittingsOf(facts: Pick<ProgressFacts, "answers">): Sitting[] {
  const bySitting = new Map<string, AssessmentAnswer[]>();
  for (const answer of Object.values(facts.answers)) {
    const list = bySitting.get(answer.sittingId);
    if (list) list.push(answer);
    else bySitting.set(answer.sittingId, [answer]);
  }
  const sittings: Sitting[] = [];
  for (const [id, list] of bySitting) {
    list.sort((a, b) => compareTimestamps(a.at, b.at));
    const seen = new Set<string>();
    const answers = list.filter((a) => {
      const key = questionKey(a.lessonId, a.questionId);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    sittings.push({ id, answers, startedAt: answers[0]!.at, lastAt: answers[answers.length - 1]!.at });
  }
  return sittings.sort((a, b) => compareTimestamps(a.startedAt, b.startedAt));
}

/** A practice's answers in a sitting, in order, leaving out answers to questions no longer in the bank. */
export function practiceAnswers(practice: BankPractice, answers: readonly AssessmentAnswer[]): AssessmentAnswer[] {
  const ids = new Set(practice.questions.map((q) => q.id));
  return answers.filter((a) => a.lessonId === practice.id && ids.has(a.questionId));
}

/** Whether a practice's answers so far call for another question (if the bank has one). */
export function wantsAnother(answers: readonly Graded[]): boolean {
  if (answers.length === 0) return true;
  if (answers.length >= MAX_PER_PRACTICE) return false;
  if (!isConfidentlyRight(answers[answers.length - 1]!)) return true;
  const right = answers.filter((a) => a.correct).length;
  return right * 2 === answers.length;
}

function isSettled(practice: BankPractice, answers: readonly AssessmentAnswer[]): boolean {
  return !wantsAnother(answers) || answers.length >= practice.questions.length;
}

/** How many earlier sittings asked each question: the selection prefers the least asked. */
export function timesAsked(sittings: readonly Sitting[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sitting of sittings) {
    for (const a of sitting.answers) {
      const key = questionKey(a.lessonId, a.questionId);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function pickQuestion<Q extends { id: string }>(
  practice: BankPractice<Q>,
  asked: readonly AssessmentAnswer[],
  earlier: ReadonlyMap<string, number>,
  seed: string,
): Q | undefined {
  const askedIds = new Set(asked.map((a) => a.questionId));
  let best: Q | undefined;
  let bestRank: [number, number] = [Infinity, Infinity];
  for (const q of practice.questions) {
    if (askedIds.has(q.id)) continue;
    const key = questionKey(practice.id, q.id);
    const rank: [number, number] = [earlier.get(key) ?? 0, seededRank(seed, key)];
    if (rank[0] < bestRank[0] || (rank[0] === bestRank[0] && rank[1] < bestRank[1])) {
      best = q;
      bestRank = rank;
    }
  }
  return best;
}

export interface NextQuestion<Q> {
  practiceId: string;
  question: Q;
}

/**
 * The next question of a sitting, or null when it is over. `answers` are the sitting's own
 * (in order); `earlier` counts how often earlier sittings asked each question; `seed` is the
 * sitting's id.
 */
export function nextQuestion<Q extends { id: string }>(
  bank: readonly BankPractice<Q>[],
  answers: readonly AssessmentAnswer[],
  earlier: ReadonlyMap<string, number>,
  seed: string,
): NextQuestion<Q> | null {
  let asked = 0;
  const perPractice = bank.map((practice) => {
    const given = practiceAnswers(practice, answers);
    asked += given.length;
    return given;
  });
  if (asked >= MAX_QUESTIONS) return null;
  for (const [i, practice] of bank.entries()) {
    const given = perPractice[i]!;
    if (!wantsAnother(given)) continue;
    const question = pickQuestion(practice, given, earlier, seed);
    if (question) return { practiceId: practice.id, question };
  }
  return null;
}

export interface SittingProgress {
  /** Questions answered so far. */
  asked: number;
  /** Practices that need no more questions. */
  settled: number;
  practices: number;
  /** About how many questions the whole sitting will take, given the answers so far. */
  estimate: number;
  finished: boolean;
}

export function sittingProgress(bank: readonly BankPractice[], answers: readonly AssessmentAnswer[], finished: boolean): SittingProgress {
  let asked = 0;
  let settled = 0;
  let remaining = 0;
  for (const practice of bank) {
    const given = practiceAnswers(practice, answers);
    asked += given.length;
    if (isSettled(practice, given)) settled++;
    else remaining += given.length === 0 ? EXPECTED_PER_PRACTICE : 1;
  }
  const estimate = finished ? asked : Math.min(MAX_QUESTIONS, Math.max(asked + 1, Math.round(asked + remaining)));
  return { asked, settled, practices: bank.length, estimate, finished };
}

export interface PracticeResult<Q> {
  practiceId: string;
  /** null: the sitting asked nothing of this practice (stopped before it). */
  class: PracticeClass | null;
  answers: { answer: AssessmentAnswer; question: Q }[];
}

/** What a sitting found, practice by practice, in curriculum order. */
export function sittingResult<Q extends { id: string }>(bank: readonly BankPractice<Q>[], answers: readonly AssessmentAnswer[]): PracticeResult<Q>[] {
  return bank.map((practice) => {
    const byId = new Map(practice.questions.map((q) => [q.id, q]));
    const given = practiceAnswers(practice, answers);
    return {
      practiceId: practice.id,
      class: classifyAnswers(given),
      answers: given.flatMap((answer) => {
        const question = byId.get(answer.questionId);
        return question ? [{ answer, question }] : [];
      }),
    };
  });
}
