import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import {
  Arrivals, Client, exponentialBackoff, fullJitterBackoff, isClientTimer, noBackoff, OK, poisson, RequestLedger,
  type Answer, type ArrivalTimer, type ClientTimer, type RetryRules,
} from "@/lib/sim/kit";
import { Latency } from "@/lib/sim/latency";

type Msg = { readonly call: number; readonly request: number; readonly attempt: number };
type Tm = ClientTimer | ArrivalTimer | { readonly type: "answer"; readonly to: string; readonly msg: Msg };

const rulesArb: fc.Arbitrary<RetryRules> = fc.record({
  maxAttempts: fc.integer({ min: 1, max: 4 }),
  backoff: fc.constantFrom(noBackoff, exponentialBackoff(20, 200), fullJitterBackoff(20, 200)),
  budget: fc.option(fc.constant({ perRequest: 0.1, capacity: 1 }), { nil: null }),
  breaker: fc.option(fc.constant({ threshold: 3, cooldownMs: 300 }), { nil: null }),
});

/** Clients calling one server that answers each attempt with probability `answerRate` (after 5 ms), or never. */
function world(seed: number, rules: RetryRules, answerRate: number, clients: number, openLoop: boolean) {
  const sim = new Simulation<Msg, Tm>({ seed, defaultLink: { latency: Latency.uniform(1, 3), loss: 0 } });
  const requests = new RequestLedger(sim, { bucketMs: 100 });
  const serverRng = sim.rng.fork();
  const attemptsOf = new Map<number, number[]>();
  sim.addNode({
    id: "s",
    role: "server",
    x: 0.5,
    y: 0.5,
    onMessage: (m) => {
      const seen = attemptsOf.get(m.payload.request) ?? [];
      seen.push(m.payload.attempt);
      attemptsOf.set(m.payload.request, seen);
      if (serverRng.bernoulli(answerRate)) sim.setTimer("s", 5, { type: "answer", to: m.from, msg: m.payload });
    },
    onTimer: (t) => {
      if (t.payload.type === "answer") sim.send("s", t.payload.to, "response", t.payload.msg);
    },
  });
  const all: Client<Msg>[] = [];
  for (let c = 0; c < clients; c++) {
    const id = `c${c}`;
    const client = new Client<Msg>(sim, {
      node: id,
      requests,
      timeoutMs: 40,
      retry: rules,
      target: () => "s",
      message: ({ call, request, attempt }) => ({ call, request, attempt }),
    });
    const arrivals = new Arrivals(sim, id, poisson(20));
    sim.addNode({
      id,
      role: "client",
      x: 0,
      y: c / clients,
      onTimer: (t) => {
        if (isClientTimer(t.payload)) client.onTimer(t.payload);
        else if (t.payload.type === "arrival") {
          client.issue(requests.start());
          arrivals.next();
        }
      },
      onMessage: (m) => client.reply(m.payload.call),
    });
    if (openLoop) arrivals.next();
    else client.closedLoop(30);
    all.push(client);
  }
  return { sim, requests, attemptsOf, clients: all };
}

describe("Client", () => {
  it("ends every request exactly once, numbers attempts 1, 2, 3... and never sends more than maxAttempts, under any rules, load and server", () => {
    fc.assert(
      fc.property(fc.integer(), rulesArb, fc.constantFrom(0, 0.5, 1), fc.integer({ min: 1, max: 4 }), fc.boolean(), (seed, rules, answerRate, clients, openLoop) => {
        const w = world(seed, rules, answerRate, clients, openLoop);
        for (let t = 100; t <= 2000; t += 100) {
          w.sim.runUntil(t);
          const r = w.requests;
          expect(r.ok + r.failed + r.timedOut + r.inFlight).toBe(r.started);
          expect(w.clients.reduce((n, c) => n + c.inFlight, 0)).toBe(r.inFlight);
        }
        for (const attempts of w.attemptsOf.values()) {
          expect(attempts).toEqual(attempts.map((_, i) => i + 1));
          expect(attempts.length).toBeLessThanOrEqual(rules.maxAttempts);
        }
        const r = w.requests;
        // Every attempt sent reached the server, but for those still on the wire.
        const arrived = [...w.attemptsOf.values()].reduce((n, a) => n + a.length, 0);
        expect(arrived).toBeLessThanOrEqual(r.attempts);
        expect(r.attempts - arrived).toBeLessThanOrEqual(w.sim.messageCounts().inFlight);
        if (rules.budget !== null) expect(r.retries).toBeLessThanOrEqual(0.1 * r.started + clients);
        if (answerRate === 1) {
          expect(r.failures).toBe(0);
          expect(r.retries).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("with a circuit breaker against a dead server, refuses most requests at once instead of sending them", () => {
    const rules: RetryRules = { maxAttempts: 3, backoff: noBackoff, budget: null, breaker: { threshold: 3, cooldownMs: 300 } };
    const w = world(7, rules, 0, 1, false);
    w.sim.runUntil(3000);
    const rejections = w.clients[0]!.breaker!.rejections;
    expect(rejections).toBeGreaterThan(10);
    // At most one probe per cooldown once the circuit is open, plus the attempts that opened it.
    expect(w.requests.attempts).toBeLessThanOrEqual(3 + 3000 / 300 + 1);
    expect(w.requests.failed).toBe(rejections);
  });

  it("waits the backoff between attempts: 20, 40, 80 ms after each timeout of 40 ms", () => {
    const rules: RetryRules = { maxAttempts: 4, backoff: exponentialBackoff(20, 200), budget: null, breaker: null };
    const w = world(3, rules, 0, 1, true);
    const sent: number[] = [];
    w.sim.addNode({ id: "probe", role: "probe", x: 1, y: 1 });
    const spy = w.sim.send.bind(w.sim);
    w.sim.send = (from, to, kind, payload) => {
      if (to === "s" && payload.request === 0) sent.push(w.sim.now);
      return spy(from, to, kind, payload);
    };
    w.sim.runUntil(1000);
    const gaps = sent.slice(1).map((t, i) => Math.round(t - (sent[i] ?? 0)));
    expect(gaps).toEqual([60, 80, 120]);
    expect(w.requests.timedOut).toBeGreaterThan(0);
  });
});

describe("Client and error answers", () => {
  /** One client, one server that answers attempt n with answers[n - 1] after 5 ms. */
  function answering(answers: readonly Answer[], rules: RetryRules) {
    const sim = new Simulation<Msg, Tm | { readonly type: "answer-with"; readonly to: string; readonly call: number; readonly n: number }>({
      seed: 1,
      defaultLink: { latency: Latency.constant(1), loss: 0 },
    });
    const requests = new RequestLedger(sim, { bucketMs: 100 });
    const sentAt: number[] = [];
    const client = new Client<Msg>(sim, { node: "c", requests, timeoutMs: 1000, retry: rules, target: () => "s", message: (a) => ({ call: a.call, request: a.request, attempt: a.attempt }) });
    sim.addNode({
      id: "s",
      role: "server",
      x: 1,
      y: 0,
      onMessage: (m) => {
        sentAt.push(m.sentAt);
        sim.setTimer("s", 5, { type: "answer-with", to: m.from, call: m.payload.call, n: m.payload.attempt });
      },
      onTimer: (t) => {
        if (t.payload.type === "answer-with") sim.send("s", t.payload.to, "response", { call: t.payload.call, request: 0, attempt: t.payload.n });
      },
    });
    sim.addNode({
      id: "c",
      role: "client",
      x: 0,
      y: 0,
      onTimer: (t) => {
        if (isClientTimer(t.payload)) client.onTimer(t.payload);
      },
      onMessage: (m) => client.reply(m.payload.call, answers[m.payload.attempt - 1] ?? OK),
    });
    client.issue(requests.start());
    sim.runUntil(10_000);
    return { requests, sentAt };
  }
  const tooMany: Answer = { ok: false, retryable: true, retryAfterMs: 500 };
  const rules: RetryRules = { maxAttempts: 3, backoff: exponentialBackoff(20, 200), budget: null, breaker: null };

  it("retries a retryable error after its backoff, or after Retry-After when it honours it", () => {
    const impatient = answering([tooMany, tooMany], rules);
    expect(impatient.sentAt).toEqual([0, 27, 74]); // 7 ms round trip, then 20 and 40 ms of backoff
    expect(impatient.requests.ok).toBe(1);
    const polite = answering([tooMany, tooMany], { ...rules, honorRetryAfter: true });
    expect(polite.sentAt).toEqual([0, 507, 1014]);
    expect(polite.requests.ok).toBe(1);
  });

  it("ends a request at once on a non-retryable error, and as failed after too many retryable ones", () => {
    const rejected = answering([{ ok: false, retryable: false }], rules);
    expect(rejected.sentAt).toEqual([0]);
    expect([rejected.requests.failed, rejected.requests.timedOut, rejected.requests.ok]).toEqual([1, 0, 0]);
    const exhausted = answering([tooMany, tooMany, tooMany], rules);
    expect(exhausted.sentAt).toHaveLength(3);
    expect([exhausted.requests.failed, exhausted.requests.retries]).toEqual([1, 2]);
  });
});
