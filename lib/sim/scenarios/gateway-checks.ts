import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { TableRow } from "../snapshot";
import {
  Arrivals, chart, headline, Journal, param, RequestLedger, scenarioInstance, share, Timeline, WorkerPool,
  type ArrivalTimer, type Served,
} from "../kit";
import { TokenBuckets } from "../kit/token-bucket";

/**
 * Lesson 10 (security): an orders API behind a gateway, under honest and hostile traffic.
 *
 * Fifty honest users read their own orders with genuine tokens. From 2 s an attacker sends
 * four kinds of request, each reading another user's order:
 *   - a forged token with `alg: none` and no signature, claiming to be the victim;
 *   - a genuine token of the victim's, issued for another API (`aud: reports-api`);
 *   - a genuine token of the victim's that expired last week (found in a log);
 *   - the attacker's own valid token, asking for order ids one after another (BOLA).
 * The gateway verifies tokens like a naive library: it checks the signature of the algorithm
 * the token names, so `none` passes. Each check the learner turns on stops one attack: the
 * algorithm allow-list stops `none`, audience and expiry stop the replayed tokens, and only
 * the orders service, which knows who owns an order, can stop BOLA. A per-client rate limit
 * at the gateway slows every attack and stops none.
 *
 * Simplifications: one attacker behind one client identity (a real one rotates addresses and
 * accounts, which makes rate limits weaker still); tokens are records, not cryptography; a
 * refused request is not retried. The attacker's and the users' requests are drawn from
 * their own forks of the seed, so turning a check on changes who gets through, never what
 * is sent; the attacker stops at 19.5 s, so every attack is answered by the end.
 */

const DURATION_MS = 20_000;
const ATTACK_START_MS = 2000;
/** The attacker stops half a second before the end, so every attack has its answer when the run ends. */
const ATTACK_END_MS = DURATION_MS - 500;
const USERS = 50;
const HONEST_RATE = 40;
const ORDERS_PER_USER = 200;
const FIRST_ORDER = 10_001;
const ATTACKER_USER = USERS + 1;
const AUDIENCE = "orders-api";
const TOKEN_LIFETIME_MS = 15 * 60_000;
const CHART_BUCKET_MS = 500;
const LINK = { latency: Latency.constant(2), loss: 0 };
const SERVICE = Latency.logNormal(4, 0.5);

const ATTACKS = ["alg-none", "wrong-audience", "expired", "bola"] as const;
type Attack = (typeof ATTACKS)[number];
type Who = Attack | "honest";
const ATTACK_NAMES: Record<Attack, string> = {
  "alg-none": "Forged alg: none",
  "wrong-audience": "Token for another API",
  expired: "Expired token",
  bola: "Other users' order ids",
};

interface Token {
  readonly alg: "RS256" | "none";
  /** Whether the issuer's signature is on it; a forged token has none. */
  readonly signed: boolean;
  readonly aud: string;
  readonly sub: number;
  /** Expiry, in virtual ms. */
  readonly exp: number;
}

type Refusal = "rate-limit" | "token" | "service";

/** `who` is bookkeeping for the demo's tables; no check reads it. */
type GatewayMessage =
  | { readonly op: "get"; readonly id: number; readonly who: Who; readonly client: string; readonly token: Token; readonly order: number }
  | { readonly op: "order"; readonly id: number; readonly who: Who; readonly client: string; readonly order: number; readonly owner: number }
  | { readonly op: "refused"; readonly id: number; readonly who: Who; readonly client: string; readonly by: Refusal; readonly why: string };

type GetOrder = Extract<GatewayMessage, { op: "get" }>;
type GatewayTimer = ArrivalTimer | Served<GetOrder>;

const ownerOf = (order: number): number => ((order - FIRST_ORDER) % USERS) + 1;
const orderOf = (user: number, k: number): number => FIRST_ORDER + (user - 1) + USERS * k;

export type GatewayChecksMetrics = {
  readonly honestRequests: number;
  readonly honestRefused: number;
  readonly honestP99Ms: number | null;
  readonly attackRequests: number;
  /** Attacker requests that returned another user's order. */
  readonly attackSucceeded: number;
  /** Distinct orders of other users the attacker read. */
  readonly recordsLeaked: number;
  readonly algNoneSucceeded: number;
  readonly wrongAudienceSucceeded: number;
  readonly expiredSucceeded: number;
  readonly bolaSucceeded: number;
  readonly stoppedByRateLimit: number;
  readonly stoppedByTokenChecks: number;
  readonly stoppedByService: number;
};

export const gatewayChecks = defineScenario({
  id: "gateway-checks",
  title: "Which check stops which attack",
  lesson: "security",
  description:
    "Honest users read their own orders through a gateway; from 2 s an attacker reads other users' orders with a " +
    "forged alg: none token, a token issued for another API, an expired token, and their own valid token with " +
    "other users' order ids. Turn the checks on one at a time and watch which attack each one stops.",
  params: [
    param.toggle("algAllowList", "Algorithm allow-list", false, "The gateway accepts only RS256 tokens; alg: none is refused."),
    param.toggle("audienceExpiry", "Check audience and expiry", false, "The gateway refuses tokens issued for another API or past their expiry."),
    param.toggle("objectAuth", "Object-level authorization", false, "The orders service refuses an order that does not belong to the token's user."),
    param.toggle("rateLimit", "Rate limit per client", false, "The gateway admits each client's requests up to a rate, with bursts of twice that."),
    param.choice(
      "attackMix",
      "Attacks",
      [["all", "All four, mixed"], ["alg-none", "Forged alg: none only"], ["wrong-audience", "Token for another API only"], ["expired", "Expired token only"], ["bola", "Other users' ids only"]],
      "all",
      "Which attacks the attacker sends.",
    ),
    param.number("attackRate", "Attacker's rate", { min: 5, max: 100, step: 5, default: 40, unit: "req/s" }, "Requests per second from the attacker."),
    param.number("rateLimitPerS", "Rate limit", { min: 1, max: 50, step: 1, default: 5, unit: "req/s" }, "Requests per second each client may send when the rate limit is on."),
  ],
  presets: [
    {
      id: "naive",
      label: "No checks",
      description: "Any signed-looking token is accepted and any order id is served.",
      params: { algAllowList: false, audienceExpiry: false, objectAuth: false, rateLimit: false },
    },
    { id: "rate-limit", label: "Rate limits only", description: "The leak slows down; it does not stop.", params: { algAllowList: false, audienceExpiry: false, objectAuth: false, rateLimit: true } },
    {
      id: "token-validation",
      label: "Token validation",
      description: "Allow-list, audience and expiry: forged and replayed tokens stop, BOLA goes on.",
      params: { algAllowList: true, audienceExpiry: true, objectAuth: false, rateLimit: false },
    },
    {
      id: "fixed",
      label: "Token validation and object-level authorization",
      description: "Every attack stops; no honest request is refused.",
      params: { algAllowList: true, audienceExpiry: true, objectAuth: true, rateLimit: false },
    },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<GatewayChecksMetrics> {
    const sim = new Simulation<GatewayMessage, GatewayTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const honestRng = sim.rng.fork();
    const attackRng = sim.rng.fork();
    const honest = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS });
    const attacks = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS, name: "attacks" });
    const attackRate = sim.metrics.rate("attacks: succeeded", CHART_BUCKET_MS);
    const outcomes = new Map<Who, Record<Refusal | "ok", number>>();
    for (const who of ["honest", ...ATTACKS] as const) outcomes.set(who, { ok: 0, "rate-limit": 0, token: 0, service: 0 });
    const successSeries = new Map(ATTACKS.map((a) => [a, sim.metrics.gauge(`leaked: ${a}`, CHART_BUCKET_MS)] as const));
    const leaked = new Set<number>();
    const noted = new Set<string>();
    const noteOnce = (key: string, text: string, tone: "bad" | "good" | "info"): void => {
      if (noted.has(key)) return;
      noted.add(key);
      journal.note(text, tone);
    };

    // ---- honest users: each reads one of their own orders with their own token -------------
    const honestArrivals = new Arrivals(sim, "users", () => honestRng.exponential(1000 / HONEST_RATE));
    sim.addNode({
      id: "users", label: "Honest users", role: "client", x: 0.1, y: 0.25,
      gauges: () => [{ label: "served", value: honest.ok }],
      onTimer: () => {
        const user = honestRng.int(1, USERS);
        const order = orderOf(user, honestRng.int(0, ORDERS_PER_USER - 1));
        const token: Token = { alg: "RS256", signed: true, aud: AUDIENCE, sub: user, exp: sim.now + TOKEN_LIFETIME_MS };
        sim.send("users", "gateway", "request", { op: "get", id: honest.start(), who: "honest", client: `u${user}`, token, order });
        honestArrivals.next();
      },
      onMessage: (message) => settle(message.payload),
    });

    // ---- the attacker: one client, four ways in -----------------------------------------
    const mix: readonly Attack[] = p.attackMix === "all" ? ATTACKS : [p.attackMix];
    let nextId = FIRST_ORDER;
    const attackArrivals = new Arrivals(sim, "attacker", () => attackRng.exponential(1000 / p.attackRate));
    const forge = (attack: Attack): { token: Token; order: number } => {
      const victim = attackRng.int(1, USERS);
      const victimsOrder = orderOf(victim, attackRng.int(0, ORDERS_PER_USER - 1));
      const valid = { alg: "RS256", signed: true, aud: AUDIENCE, exp: sim.now + TOKEN_LIFETIME_MS } as const;
      switch (attack) {
        case "alg-none":
          return { token: { ...valid, alg: "none", signed: false, sub: victim }, order: victimsOrder };
        case "wrong-audience":
          return { token: { ...valid, aud: "reports-api", sub: victim }, order: victimsOrder };
        case "expired":
          return { token: { ...valid, exp: sim.now - 7 * 24 * 3600_000, sub: victim }, order: victimsOrder };
        case "bola":
          return { token: { ...valid, sub: ATTACKER_USER }, order: nextId++ };
      }
    };
    sim.addNode({
      id: "attacker", label: "Attacker", role: "client", x: 0.1, y: 0.75,
      gauges: () => [{ label: "orders read", value: leaked.size }],
      onTimer: () => {
        if (sim.now >= ATTACK_END_MS) return;
        const attack = attackRng.pick(mix);
        const { token, order } = forge(attack);
        sim.send("attacker", "gateway", "request", { op: "get", id: attacks.start(), who: attack, client: "attacker", token, order });
        attackArrivals.next();
      },
      onMessage: (message) => settle(message.payload),
    });

    // ---- the gateway: rate limit, then token checks ---------------------------------------
    let refusedAtGateway = 0;
    const limits = new TokenBuckets(p.rateLimitPerS, 2 * p.rateLimitPerS);
    const tokenProblem = (token: Token): string | null => {
      if (token.alg === "none") return p.algAllowList ? "alg: none not allowed" : null; // the naive library accepts it unsigned
      if (!token.signed) return "bad signature";
      if (p.audienceExpiry && token.aud !== AUDIENCE) return `aud ${token.aud}`;
      if (p.audienceExpiry && token.exp <= sim.now) return "expired";
      return null;
    };
    sim.addNode({
      id: "gateway", label: "Gateway", role: "gateway", x: 0.45, y: 0.5,
      gauges: () => [{ label: "refused", value: refusedAtGateway }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op !== "get") {
          sim.send("gateway", m.client === "attacker" ? "attacker" : "users", m.op === "order" ? "response" : "error", m);
          return;
        }
        const back = message.from;
        if (p.rateLimit && !limits.admit(m.client, sim.now)) {
          refusedAtGateway++;
          sim.send("gateway", back, "error", { op: "refused", id: m.id, who: m.who, client: m.client, by: "rate-limit", why: "429" });
          return;
        }
        const problem = tokenProblem(m.token);
        if (problem !== null) {
          refusedAtGateway++;
          sim.send("gateway", back, "error", { op: "refused", id: m.id, who: m.who, client: m.client, by: "token", why: problem });
          return;
        }
        sim.send("gateway", "orders", "request", m);
      },
    });

    // ---- the orders service: loads the order, and (if on) checks who owns it --------------
    let refusedByService = 0;
    const service = new WorkerPool<GetOrder>(sim, "orders", {
      workers: 8,
      serviceTime: SERVICE,
      onDone: (m) => {
        const owner = ownerOf(m.order);
        if (p.objectAuth && owner !== m.token.sub) {
          refusedByService++;
          sim.send("orders", "gateway", "error", { op: "refused", id: m.id, who: m.who, client: m.client, by: "service", why: "404, not theirs" });
        } else {
          sim.send("orders", "gateway", "response", { op: "order", id: m.id, who: m.who, client: m.client, order: m.order, owner });
        }
      },
    });
    sim.addNode({
      id: "orders", label: "Orders service", role: "service", x: 0.82, y: 0.5,
      gauges: () => [{ label: "refused", value: refusedByService }],
      onMessage: (message) => {
        if (message.payload.op === "get") service.offer(message.payload);
      },
      onTimer: (timer) => {
        if (timer.payload.type === "served") service.finish(timer.payload);
      },
    });
    sim.network.connect("users", "gateway");
    sim.network.connect("attacker", "gateway");
    sim.network.connect("gateway", "orders");

    const CHECK_NAMES: Record<Refusal, string> = { "rate-limit": "the rate limit", token: "the gateway", service: "the orders service" };
    // ---- what each request came to ------------------------------------------------------
    function settle(m: GatewayMessage): void {
      if (m.op === "get") return;
      const counts = outcomes.get(m.who);
      if (counts === undefined) return;
      const who = m.who;
      if (m.op === "order") {
        counts.ok++;
        if (who === "honest") {
          honest.succeed(m.id);
          return;
        }
        attacks.succeed(m.id);
        attackRate.add(sim.now);
        leaked.add(m.order);
        successSeries.get(who)?.set(sim.now, counts.ok);
        noteOnce(`ok ${who}`, `${ATTACK_NAMES[who]}: the attacker read order ${m.order} of user ${m.owner}`, "bad");
        return;
      }
      counts[m.by]++;
      if (who === "honest") {
        honest.fail(m.id);
        noteOnce(`refused honest ${m.by}`, `An honest request was refused by ${CHECK_NAMES[m.by]} (${m.why})`, "bad");
        return;
      }
      attacks.fail(m.id);
      noteOnce(`refused ${who} ${m.by}`, `${ATTACK_NAMES[who]}: stopped by ${CHECK_NAMES[m.by]} (${m.why})`, "good");
    }

    timeline.at(ATTACK_START_MS, "attacker starts", () => attackArrivals.next());
    honestArrivals.next();

    const count = (who: Who, outcome: Refusal | "ok"): number => outcomes.get(who)?.[outcome] ?? 0;
    const sumOver = (outcome: Refusal): number => ATTACKS.reduce((sum, a) => sum + count(a, outcome), 0);
    const measure = (): GatewayChecksMetrics => ({
      honestRequests: honest.started,
      honestRefused: honest.failures,
      honestP99Ms: honest.latency.percentile(99),
      attackRequests: attacks.started,
      attackSucceeded: attacks.ok,
      recordsLeaked: leaked.size,
      algNoneSucceeded: count("alg-none", "ok"),
      wrongAudienceSucceeded: count("wrong-audience", "ok"),
      expiredSucceeded: count("expired", "ok"),
      bolaSucceeded: count("bola", "ok"),
      stoppedByRateLimit: sumOver("rate-limit"),
      stoppedByTokenChecks: sumOver("token"),
      stoppedByService: sumOver("service"),
    });

    const cell = (value: number, badWhenAboveZero: boolean): { text: string; tone: "good" | "bad" | "neutral" } => ({
      text: String(value),
      tone: value === 0 ? "neutral" : badWhenAboveZero ? "bad" : "good",
    });
    const tableRows = (): TableRow[] => [
      {
        label: "Honest users",
        cells: [
          { text: String(count("honest", "ok")), tone: "good" },
          cell(count("honest", "rate-limit"), true),
          cell(count("honest", "token"), true),
          cell(count("honest", "service"), true),
        ],
      },
      ...ATTACKS.map((a) => ({
        label: ATTACK_NAMES[a],
        cells: [cell(count(a, "ok"), true), cell(count(a, "rate-limit"), false), cell(count(a, "token"), false), cell(count(a, "service"), false)],
      })),
    ];

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Attacker reads that succeeded (total)", "reads", ATTACKS.filter((a) => mix.includes(a)).map((a) => [`leaked-${a}`, ATTACK_NAMES[a], successSeries.get(a)?.points(sim.now) ?? []])),
        ...chart("Requests per second", "req/s", [
          ["honest-ok", "honest, served", honest.okRate.points(sim.now)],
          ["honest-refused", "honest, refused", honest.failureRate.points(sim.now)],
          ["attacks-ok", "attacks that succeeded", attackRate.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("attacks-succeeded", "Attacker requests that succeeded", m.attackSucceeded),
        headline.count("leaked", "Orders leaked", m.recordsLeaked),
        headline.count("honest-refused", "Honest requests refused", m.honestRefused),
        headline.ms("honest-p99", "Honest p99", m.honestP99Ms),
      ],
      summary: (m) => {
        const checks = [p.algAllowList && "algorithm allow-list", p.audienceExpiry && "audience and expiry", p.objectAuth && "object-level authorization", p.rateLimit && `rate limit of ${p.rateLimitPerS}/s`]
          .filter((c): c is string => typeof c === "string");
        const on = checks.length === 0 ? "With no checks" : `With ${checks.join(", ")}`;
        return `${on}: ${share(m.attackSucceeded, m.attackRequests, "attacker requests", "succeeded")}, leaking ${m.recordsLeaked} other users' orders; ${m.honestRefused} of ${m.honestRequests} honest requests were refused.`;
      },
      tables: () => [
        { id: "outcomes", title: "What each kind of request came to", rowHeader: "Request", columns: ["succeeded", "rate-limited", "token refused", "refused by service"], rows: tableRows() },
      ],
    });
  },
});

