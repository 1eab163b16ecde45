/**
 * POST /api/v1/sync: a signed-in learner's facts are stored and reach their other devices; every
 * request that must be refused is refused with its problem, and changes nothing.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as syncRoute from "@/app/api/v1/sync/route";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { getDb } from "@/lib/server/db/client";
import { syncEntries } from "@/lib/server/db/schema";
import { RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { buildSyncRequest, MAX_SYNC_REQUEST_BYTES, SYNC_PROBLEMS } from "@/lib/sync/protocol";
import { type Answer, call, type CallOptions, problemOf, type Session, setupAdmin, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { expiredSessionOf, forgedSessionOf } from "./support/world";

const at = (wall: number) => ({ wall, counter: 0, device: "device-a" });
const ticked: ProgressFacts = { ...emptyFacts(), checklist: { testing: { "item-a": { value: true, at: at(1_000) } } } };

function syncBody(account: string, facts: ProgressFacts = ticked, cursor: number | null = null) {
  return buildSyncRequest({ account, deviceId: "device-a", cursor, facts });
}

function post(options: Omit<CallOptions, "path">): Promise<Answer> {
  return call(syncRoute.POST, { path: "/api/v1/sync", method: "POST", ...options });
}

let ada: Session;
let bo: Session;

beforeAll(async () => {
  await setupAdmin();
  ada = await signUp("Ada Learner");
  bo = await signUp("Bo Learner");
});

describe("POST /api/v1/sync", () => {
  test("stores a signed-in learner's facts and hands them to their other device", async () => {
    const first = await post({ session: ada, body: syncBody(ada.userId) });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-request-id")).toBeTruthy();
    expect(first.body).toEqual({ cursor: 1, more: false, facts: emptyFacts() });
    // Another device of the same learner, never synced before, receives the tick.
    const second = await post({ session: ada, body: { ...syncBody(ada.userId, emptyFacts()), deviceId: "device-b" } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ cursor: 1, facts: { checklist: ticked.checklist } });
    // Nobody else's progress changed.
    const db = await getDb();
    expect(await db.select().from(syncEntries).where(eq(syncEntries.userId, bo.userId))).toEqual([]);
  });

  const huge = () => {
    const text = JSON.stringify(syncBody(bo.userId));
    return `${text.slice(0, -1)},"padding":"${"x".repeat(MAX_SYNC_REQUEST_BYTES)}"}`;
  };

  const refusals: { name: string; status: number; type: string; send: () => Promise<Answer> }[] = [
    { name: "anonymous", status: 401, type: "urn:quorum:problem:unauthenticated", send: () => post({ body: syncBody(bo.userId) }) },
    {
      name: "a forged session",
      status: 401,
      type: "urn:quorum:problem:unauthenticated",
      send: () => post({ session: forgedSessionOf(bo), body: syncBody(bo.userId) }),
    },
    {
      name: "an expired session",
      status: 401,
      type: "urn:quorum:problem:unauthenticated",
      send: async () => post({ session: await expiredSessionOf(bo), body: syncBody(bo.userId) }),
    },
    {
      name: "another user's account in the body",
      status: 409,
      type: SYNC_PROBLEMS.accountMismatch.type,
      send: () => post({ session: bo, body: syncBody(ada.userId) }),
    },
    {
      name: "a body that is not JSON",
      status: 400,
      type: SYNC_PROBLEMS.invalidJson.type,
      send: () => post({ session: bo, raw: "{not json", headers: { "content-type": "application/json" } }),
    },
    {
      name: "a malformed sync request",
      status: 400,
      type: SYNC_PROBLEMS.invalidRequest.type,
      send: () => post({ session: bo, body: { ...syncBody(bo.userId), cursor: "lots" } }),
    },
    {
      name: "a body over the limit (streamed, no declared length)",
      status: 413,
      type: SYNC_PROBLEMS.tooLarge.type,
      send: () => post({ session: bo, raw: huge(), headers: { "content-type": "application/json" } }),
    },
    {
      name: "a body over the limit (declared length)",
      status: 413,
      type: SYNC_PROBLEMS.tooLarge.type,
      send: () => {
        const raw = huge();
        return post({ session: bo, raw, headers: { "content-type": "application/json", "content-length": String(raw.length) } });
      },
    },
    {
      name: "the wrong content type",
      status: 415,
      type: "urn:quorum:problem:unsupported-media-type",
      send: () => post({ session: bo, raw: JSON.stringify(syncBody(bo.userId)), headers: { "content-type": "text/plain" } }),
    },
    {
      name: "another origin",
      status: 403,
      type: "urn:quorum:problem:cross-origin",
      send: () => post({ session: bo, body: syncBody(bo.userId), origin: "https://evil.example" }),
    },
    {
      name: "a cross-site fetch",
      status: 403,
      type: "urn:quorum:problem:cross-origin",
      send: () => post({ session: bo, body: syncBody(bo.userId), headers: { "sec-fetch-site": "cross-site" } }),
    },
    {
      name: "a cookie with no origin at all",
      status: 403,
      type: "urn:quorum:problem:cross-origin",
      send: () => post({ session: bo, body: syncBody(bo.userId), origin: null }),
    },
  ];

  test.each(refusals)("refuses $name ($status), changing nothing", async ({ status, type, send }) => {
    const before = await snapshot();
    const answer = await send();
    expect(answer.status).toBe(status);
    const problem = problemOf(answer);
    expect(problem.type).toBe(type);
    expect(problem.requestId).toBe(answer.headers.get("x-request-id"));
    expect(await snapshot()).toEqual(before);
  });

  test("refuses a learner over the sync rate limit with 429 and Retry-After, changing nothing", async () => {
    // The limit is counted in the process's memory: spend it with real syncs (that write nothing),
    // allowed until the limit (the refusals above counted too), refused from then on.
    const { max } = RATE_LIMITS.syncPerUser;
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) statuses.push((await post({ session: bo, body: syncBody(bo.userId, emptyFacts(), null) })).status);
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThan(max - 10);
    expect(new Set(statuses.slice(0, firstRefused))).toEqual(new Set([200]));
    expect(new Set(statuses.slice(firstRefused))).toEqual(new Set([429]));
    const before = await snapshot();
    const answer = await post({ session: bo, body: syncBody(bo.userId) });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(problemOf(answer).type).toBe("urn:quorum:problem:rate-limited");
    expect(await snapshot()).toEqual(before);
    // Another learner is not slowed by it.
    expect((await post({ session: ada, body: syncBody(ada.userId, emptyFacts(), 1) })).status).toBe(200);
  });
});
