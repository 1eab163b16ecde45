/**
 * Crash: several learners sync in a burst, the server is killed with SIGKILL in the middle,
 * then started again on the same data. Every sync the server answered 200 must be there: a
 * fresh device of each learner, syncing from scratch, receives every acknowledged fact.
 * Runs the production build (`npm run build` first), on PGlite and on PostgreSQL.
 */
import { expect, test } from "vitest";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { buildSyncRequest, type SyncAnswer } from "@/lib/sync/protocol";
import { PASSWORD } from "./support/api";
import { type AppProcess, startApp } from "./support/app-process";

interface Learner {
  id: string;
  cookie: string;
  address: string;
  /** Items whose sync the server acknowledged with 200. */
  acknowledged: string[];
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

async function post(app: AppProcess, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, ...headers },
    body: JSON.stringify(body),
  });
}

async function newLearner(app: AppProcess, i: number, admin: boolean): Promise<Learner> {
  const address = `10.77.0.${i + 1}`;
  const body = { name: `Learner ${i}`, email: `crash.${i}@example.com`, password: PASSWORD };
  const response = await post(app, admin ? "/api/v1/setup" : "/api/v1/auth/sign-up/email", body, { "x-forwarded-for": address });
  const data = (await response.json()) as { user: { id: string } };
  expect(response.status).toBe(admin ? 201 : 200);
  return { id: data.user.id, cookie: cookieOf(response), address, acknowledged: [] };
}

function tickFacts(item: string, wall: number): ProgressFacts {
  return { ...emptyFacts(), checklist: { testing: { [item]: { value: true, at: { wall, counter: 0, device: "crash-device" } } } } };
}

function syncOnce(app: AppProcess, learner: Learner, facts: ProgressFacts, cursor: number | null): Promise<Response> {
  return post(app, "/api/v1/sync", buildSyncRequest({ account: learner.id, deviceId: "crash-device", cursor, facts }), {
    cookie: learner.cookie,
    "x-forwarded-for": learner.address,
  });
}

/** One learner's device: one request in flight at a time, each carrying a new tick; stops at the first failure. */
async function burst(app: AppProcess, learner: Learner, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const item = `item-${n}`;
    let response: Response;
    try {
      response = await syncOnce(app, learner, tickFacts(item, 1_000 + n), null);
      await response.json();
    } catch {
      return; // the server died under this request: not acknowledged
    }
    if (response.status === 200) learner.acknowledged.push(item);
    else return;
  }
}

/** Everything the server holds for this learner, as a fresh device would receive it (following pages). */
async function everything(app: AppProcess, learner: Learner): Promise<string[]> {
  let cursor: number | null = null;
  const items = new Set<string>();
  for (let page = 0; page < 50; page++) {
    const response = await syncOnce(app, learner, emptyFacts(), cursor);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as SyncAnswer;
    for (const item of Object.keys(answer.facts.checklist.testing ?? {})) items.add(item);
    cursor = answer.cursor;
    if (!answer.more) break;
  }
  return [...items].sort();
}

test("SIGKILL in the middle of a burst of syncs: every acknowledged fact is there after a restart", async () => {
  const first = await startApp();
  const learners = [await newLearner(first, 0, true)];
  for (let i = 1; i < 5; i++) learners.push(await newLearner(first, i, false));

  const bursts = Promise.all(learners.map((learner) => burst(first, learner, 60)));
  // Kill once a good part of the burst was acknowledged, while requests are in flight.
  const deadline = Date.now() + 30_000;
  while (learners.reduce((n, l) => n + l.acknowledged.length, 0) < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  first.child.kill("SIGKILL");
  await bursts;
  expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
  const acknowledged = learners.reduce((n, l) => n + l.acknowledged.length, 0);
  expect(acknowledged).toBeGreaterThanOrEqual(40);
  // Some learners were cut off mid-burst (otherwise the kill came too late to prove anything).
  expect(learners.some((l) => l.acknowledged.length < 60)).toBe(true);

  const second = await startApp();
  try {
    for (const learner of learners) {
      const stored = await everything(second, learner);
      // Every acknowledged write is there; at most the one request in flight at the kill may also be.
      expect(stored).toEqual(expect.arrayContaining(learner.acknowledged));
      expect(stored.length - learner.acknowledged.length).toBeLessThanOrEqual(1);
    }
  } finally {
    await second.stop();
  }
}, 240_000);
