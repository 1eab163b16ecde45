import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import { cell, chart, column, describeSeconds, headline, Journal, param, PendingCalls, ring, scenarioInstance, Timeline, type CallTimeout } from "../kit";
import { AppendHistory, type HistoryOp, type Violation } from "../kit/append-history";
import { ReplicatedLog, type Replica, type ReplicationMessage, type ReplicationTimer } from "../kit/replicated-log";

/**
 * Lesson 12 (testing): a small replicated store under seeded faults, and a checker that
 * reads its history, the way Jepsen and deterministic simulation test real systems.
 *
 * Three replicas keep one append-only list. A leader takes clients' appends and reads and
 * ships its whole list to the followers every 50 ms; a follower that hears nothing from a
 * leader for 300-600 ms stands for election (Raft's rules, cut down: terms, one vote per
 * term, and a vote only for a candidate whose list is at least as new as the voter's). Term,
 * vote and list survive a crash. Three clients append unique values and read the list, each
 * waiting 250 ms for an answer before trying another replica.
 *
 * The bug: the leader acknowledges an append as soon as it has applied it itself, and
 * answers reads from its own copy. If it crashes before its next shipment, or is cut off from
 * the other replicas while clients still reach it, the others elect a new leader without
 * those values, and the old one drops them when it rejoins: acknowledged writes are lost.
 * The fix: answer an append or a read only once a follower has confirmed a list that includes
 * it, so a majority (two of three) holds everything acknowledged.
 *
 * The faults are planned from the seed: each is a crash, a partition that cuts one replica
 * off from the other two (clients reach every replica), or a slow outbound link, hitting the
 * leader or a follower. Most plans miss the bug's window; some hit it.
 * The model leaves out log compaction, membership changes and client sessions.
 */

const DURATION_MS = 20_000;
const LINK = { latency: Latency.uniform(2, 8), loss: 0 };
const SLOW_LINK = { latency: Latency.uniform(150, 300), loss: 0 };
const REPLICAS = ["r1", "r2", "r3"] as const;
const CLIENTS = ["c1", "c2", "c3"] as const;
const SHIP_EVERY_MS = 50;
const ELECTION_TIMEOUT = { min: 300, max: 600 };
const CLIENT_TIMEOUT_MS = 250;
const MAX_ATTEMPTS = 4;
const READ_SHARE = 0.5;
const FIRST_FAULT_MS = 2000;
const FAULT_LENGTH = { min: 800, max: 2000 };
const LEADER_SHARE = 0.3;
const BUCKET_MS = 500;
const VIOLATIONS_NOTED = 4;

type Message =
  | { readonly op: "append"; readonly call: number; readonly value: number }
  | { readonly op: "read"; readonly call: number }
  | { readonly op: "ok"; readonly call: number; readonly list: readonly number[] | null }
  | { readonly op: "not-leader"; readonly call: number; readonly leader: string | null }
  | ReplicationMessage<number>;

type Timer = CallTimeout | { readonly type: "think" } | ReplicationTimer;

type FaultKind = "crash" | "partition" | "slow";
interface Fault {
  readonly at: number;
  readonly lengthMs: number;
  readonly kind: FaultKind;
  readonly hitsLeader: boolean;
  /** Which follower, when it does not hit the leader. */
  readonly follower: number;
}

export type FaultInjectionMetrics = {
  readonly operations: number;
  readonly checked: number;
  readonly violations: number;
  readonly lostWrites: number;
  readonly staleReads: number;
  /** When the checker first found a violation (ms), null if it never did. */
  readonly firstViolationAt: number | null;
  /** When the leader was first crashed or cut off (ms), null if no fault hit it. */
  readonly firstLeaderFaultAt: number | null;
  readonly faults: number;
  readonly elections: number;
  readonly acknowledgedAppends: number;
  readonly appendP50Ms: number | null;
};

export const faultInjection = defineScenario({
  id: "fault-injection",
  title: "Seeded faults and a history checker",
  lesson: "testing",
  description:
    "Three replicas keep one list; clients append values and read it back while faults drawn " +
    "from the seed crash, cut off or slow a replica, and a checker reads the history. Check " +
    "seeds 1-30: most pass, a few lose an acknowledged write. Load a failing seed and step " +
    "through it, then wait for a majority before answering and check again.",
  params: [
    param.number("faults", "Faults per run", { min: 0, max: 5, step: 1, default: 3 }, "Crashes, partitions and slow links, planned from the seed."),
    param.number("opsPerSecond", "Operations per second", { min: 3, max: 30, step: 1, default: 12 }, "All three clients together; half appends, half reads."),
    param.toggle("majority", "Wait for a majority", false, "Answer an append or a read only once a follower has confirmed it too."),
  ],
  presets: [
    { id: "leader-acks", label: "Acknowledge from the leader", description: "The leader answers once it has applied the operation itself.", params: { majority: false } },
    { id: "majority-acks", label: "Acknowledge after a majority", description: "The leader answers once a follower holds the operation too.", params: { majority: true } },
  ],
  durationMs: () => DURATION_MS,
  check: { label: "no acknowledged write is lost", seeds: 30, passes: (m) => m.violations === 0 },
  build(p, seed, options): ScenarioInstance<FaultInjectionMetrics> {
    const sim = new Simulation<Message, Timer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    // The fault plan has its own stream, so changing the load or the fix keeps the same faults.
    const faultRng = sim.rng.fork();
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const history = new AppendHistory(sim);
    const appendLatency = sim.metrics.histogram("append-latency");
    const okRate = sim.metrics.rate("ok", BUCKET_MS);
    const notOkRate = sim.metrics.rate("not-ok", BUCKET_MS);
    const violationRate = sim.metrics.rate("violations", BUCKET_MS);
    let firstLeaderFaultAt: number | null = null;

    // ---- replicas: a replicated list (kit/replicated-log); the bug is in when they answer -------
    interface Waiting {
      readonly client: string;
      readonly call: number;
      readonly list: readonly number[] | null;
    }
    const acknowledged = () => new Set(history.operations.filter((op) => op.kind === "append" && op.outcome === "ok").map((op) => op.value));
    const answer = (r: Replica<number, Waiting>, to: string, call: number, list: readonly number[] | null) =>
      sim.send(r.id, to, "response", { op: "ok", call, list });
    const store = new ReplicatedLog<number, Waiting>(sim, {
      replicas: REPLICAS,
      shipEveryMs: SHIP_EVERY_MS,
      electionTimeoutMs: ELECTION_TIMEOUT,
      onElected: (r) => journal.note(`${r.id} elected leader for term ${r.term}; its list holds ${r.list.length} values`),
      onSteppedDown: (r, term) => journal.note(`${r.id} steps down: it saw term ${term}`),
      onDropped: (r, from, dropped) => {
        const acked = acknowledged();
        const lost = dropped.filter((v) => acked.has(v));
        if (lost.length > 0) journal.note(`${r.id} takes ${from}'s list and drops ${describeValues(lost)}, already acknowledged`, "bad");
      },
      onConfirmed: (r, confirmed) => {
        for (const x of confirmed) answer(r, x.client, x.call, x.list);
      },
    });

    const onClientOp = (r: Replica<number, Waiting>, from: string, m: Extract<Message, { op: "append" | "read" }>) => {
      if (r.role !== "leader") {
        sim.send(r.id, from, "error", { op: "not-leader", call: m.call, leader: r.leader });
        return;
      }
      // With the fix a read goes through the log too, so it is confirmed like a write.
      const stamp = store.change(r, m.op === "append" ? m.value : null);
      const list = m.op === "read" ? r.list : null;
      if (p.majority) store.awaitConfirmation(r, stamp, { client: from, call: m.call, list });
      else answer(r, from, m.call, list);
    };

    store.replicas.forEach((r, i) => {
      sim.addNode({
        id: r.id,
        label: `Replica ${r.id}`,
        role: "replica",
        ...ring(i, REPLICAS.length, 0.66, 0.5, 0.3),
        gauges: () => [
          { label: "values", value: r.list.length },
          { label: "term", value: r.term },
          { label: "leader", value: r.role === "leader" ? 1 : 0 },
        ],
        onMessage: ({ from, payload: m }) => {
          if (m.op === "append" || m.op === "read") onClientOp(r, from, m);
          else if (m.op !== "ok" && m.op !== "not-leader") store.onMessage(r, from, m);
        },
        onTimer: ({ payload: t }) => {
          if (t.type === "election" || t.type === "ship") store.onTimer(r, t);
        },
        onCrash: () => store.crashed(r),
        onRecover: () => store.recovered(r),
      });
    });
    REPLICAS.forEach((a, i) => REPLICAS.slice(i + 1).forEach((b) => sim.network.connect(a, b)));
    store.start();

    // ---- clients: closed loop, one operation at a time, each recorded in the history -------
    let nextValue = 1;
    const thinkMs = (CLIENTS.length * 1000) / p.opsPerSecond;
    const noteViolation = (v: Violation, client: string) => {
      violationRate.add(sim.now);
      if (history.violations.length > VIOLATIONS_NOTED) return;
      journal.note(
        v.kind === "lost-write"
          ? `${client}'s read misses ${v.value}, acknowledged at ${describeSeconds(v.since)}: a lost write`
          : `${client}'s read lost ${v.value}, which a read that ended at ${describeSeconds(v.since)} saw`,
        "bad",
      );
    };
    CLIENTS.forEach((id, c) => {
      const calls = new PendingCalls<HistoryOp>(sim, id, CLIENT_TIMEOUT_MS);
      let guess: string = "r1";
      let attempts = 0;
      let mayHaveHappened = false;
      const nextReplica = (r: string) => REPLICAS[(REPLICAS.indexOf(r as (typeof REPLICAS)[number]) + 1) % REPLICAS.length] ?? "r1";
      const think = () => sim.setTimer(id, sim.rng.exponential(thinkMs), { type: "think" });
      const attempt = (op: HistoryOp) => {
        attempts++;
        const call = calls.open(op);
        const kind = attempts > 1 ? "retry" : "request";
        sim.send(id, guess, kind, op.kind === "append" ? { op: "append", call, value: op.value ?? 0 } : { op: "read", call });
      };
      const retryOrGiveUp = (op: HistoryOp) => {
        if (attempts < MAX_ATTEMPTS) return attempt(op);
        if (mayHaveHappened) history.unknown(op);
        else history.fail(op);
        notOkRate.add(sim.now);
        think();
      };
      sim.addNode({
        id,
        label: `Client ${id}`,
        role: "client",
        ...column(c, CLIENTS.length, 0.12, 0.2),
        onTimer: ({ payload: t }) => {
          if (t.type === "think") {
            const op = sim.rng.bernoulli(READ_SHARE) ? history.invokeRead(id) : history.invokeAppend(id, nextValue++);
            attempts = 0;
            mayHaveHappened = false;
            attempt(op);
          } else if (t.type === "call-timeout") {
            const op = calls.expire(t);
            if (op === undefined) return;
            mayHaveHappened = true;
            guess = nextReplica(guess);
            retryOrGiveUp(op);
          }
        },
        onMessage: ({ from, payload: m }) => {
          if (m.op === "not-leader") {
            const op = calls.settle(m.call);
            if (op === undefined) return;
            guess = m.leader ?? nextReplica(from);
            retryOrGiveUp(op);
          } else if (m.op === "ok") {
            const op = calls.settle(m.call);
            if (op === undefined) return;
            const violation = history.ok(op, m.list);
            if (op.kind === "append") appendLatency.add(sim.now - op.invokedAt);
            okRate.add(sim.now);
            if (violation !== null) noteViolation(violation, id);
            think();
          }
        },
      });
      for (const r of REPLICAS) sim.network.connect(id, r);
      think();
    });

    // ---- the fault plan, drawn from the seed ----------------------------------------------
    const plan: Fault[] = Array.from({ length: p.faults }, () => ({
      at: Math.round(faultRng.uniform(FIRST_FAULT_MS, DURATION_MS - 4000)),
      lengthMs: Math.round(faultRng.uniform(FAULT_LENGTH.min, FAULT_LENGTH.max)),
      kind: faultRng.pick<FaultKind>(["crash", "partition", "slow"]),
      hitsLeader: faultRng.bernoulli(LEADER_SHARE),
      follower: faultRng.int(0, 1),
    }));
    const victimOf = (fault: Fault): string => {
      const leader = store.leader();
      if (fault.hitsLeader && leader !== null) return leader.id;
      const followers = REPLICAS.filter((r) => r !== leader?.id);
      return followers[fault.follower % followers.length] ?? "r2";
    };
    const unshipped = (r: Replica<number, Waiting>): number[] => {
      const held = new Set(store.others(r.id).flatMap((o) => store.replica(o)?.list ?? []));
      const acked = acknowledged();
      return r.list.filter((v) => acked.has(v) && !held.has(v));
    };
    for (const fault of plan) {
      timeline.at(fault.at, fault.kind === "crash" ? "crash" : fault.kind === "partition" ? "cut off" : "slow", () => {
        const victim = victimOf(fault);
        const r = store.replica(victim);
        const isLeader = r?.role === "leader";
        const who = `${victim}${isLeader ? " (the leader)" : ""}`;
        const risk = isLeader && r !== undefined ? unshipped(r) : [];
        const holding = risk.length > 0 ? `, the only replica holding ${describeValues(risk)}` : "";
        if (isLeader && fault.kind !== "slow" && firstLeaderFaultAt === null) firstLeaderFaultAt = sim.now;
        if (fault.kind === "crash") {
          if (!sim.isUp(victim)) return;
          journal.note(`${who} crashes${holding}`, risk.length > 0 ? "bad" : "info");
          sim.crash(victim);
          sim.schedule(sim.now + fault.lengthMs, "recover", () => {
            sim.recover(victim);
            journal.note(`${victim} restarts`, "good");
          });
        } else if (fault.kind === "partition") {
          journal.note(`${who} is cut off from the other replicas${holding}`, risk.length > 0 ? "bad" : "info");
          const cut = sim.partition([victim], store.others(victim));
          sim.schedule(sim.now + fault.lengthMs, "heal", () => {
            sim.heal(cut);
            journal.note(`${victim} reaches the other replicas again`, "good");
          });
        } else {
          journal.note(`${who}'s outgoing links slow to 150-300 ms`);
          for (const o of store.others(victim)) sim.network.setLink(victim, o, SLOW_LINK);
          sim.schedule(sim.now + fault.lengthMs, "links recover", () => {
            for (const o of store.others(victim)) sim.network.setLink(victim, o, LINK);
          });
        }
      });
    }

    // ---- what the checker says -------------------------------------------------------------
    const measure = (): FaultInjectionMetrics => {
      const violations = history.violations;
      return {
        operations: history.operations.length,
        checked: history.operations.filter((op) => op.outcome === "ok").length,
        violations: violations.length,
        lostWrites: history.lostWrites,
        staleReads: violations.filter((v) => v.kind === "stale-read").length,
        firstViolationAt: violations[0]?.at ?? null,
        firstLeaderFaultAt,
        faults: plan.length,
        elections: store.elections,
        acknowledgedAppends: history.operations.filter((op) => op.kind === "append" && op.outcome === "ok").length,
        appendP50Ms: appendLatency.percentile(50),
      };
    };

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Operations", "ops/s", [
          ["ok", "answered", okRate.points(sim.now)],
          ["not-ok", "failed or unknown", notOkRate.points(sim.now)],
          ["violations", "violating reads", violationRate.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("checked", "Operations checked", m.checked),
        headline.count("violations", "Violations", m.violations),
        headline.seconds("first", "First violation at", m.firstViolationAt, 2),
        headline.count("lost", "Acknowledged writes lost", m.lostWrites),
        headline.ms("append-p50", "Append latency p50", m.appendP50Ms),
      ],
      summary: (m) => {
        const leader = store.leader();
        const now = leader === null ? "No replica leads right now." : `${leader.id} leads.`;
        if (m.violations === 0) return `${now} The checker read ${m.checked} answered operations and found no violation.`;
        return (
          `${now} The checker read ${m.checked} answered operations and found ${m.violations} violations, the first at ` +
          `${describeSeconds(m.firstViolationAt ?? 0)}: ${m.lostWrites} acknowledged writes were lost.`
        );
      },
      tables: () => [
        {
          id: "history",
          title: "The last six operations, newest first",
          rowHeader: "Recent",
          columns: ["operation", "answer", "checker"],
          rows: Array.from({ length: 6 }, (_, i) => historyRow(history.last(6)[5 - i] ?? null, i)),
        },
      ],
    });
  },
});

function describeValues(values: readonly number[]): string {
  if (values.length === 1) return `value ${values[0]}`;
  if (values.length <= 3) return `values ${values.join(", ")}`;
  return `${values.length} values (${values.slice(0, 3).join(", ")}...)`;
}

function rowLabel(i: number): string {
  return String(i + 1);
}

function historyRow(op: HistoryOp | null, i: number) {
  if (op === null) {
    const none = cell.plain("—");
    return { label: rowLabel(i), cells: [none, none, none] };
  }
  const asked = `${op.client}: ${op.kind === "append" ? `append ${op.value}` : "read"}`;
  const answer =
    op.outcome === "pending" ? "waiting" : op.outcome === "ok" ? (op.kind === "read" ? `${op.result?.length ?? 0} values` : "ok") : op.outcome;
  const verdict =
    op.violation !== null
      ? { text: op.violation.kind === "lost-write" ? `misses ${op.violation.value}` : `lost ${op.violation.value}`, tone: "bad" as const }
      : op.kind === "read" && op.outcome === "ok"
        ? { text: "consistent", tone: "good" as const }
        : cell.plain("—");
  return {
    label: rowLabel(i),
    cells: [
      cell.plain(asked),
      { text: answer, tone: op.outcome === "ok" ? ("good" as const) : op.outcome === "pending" ? ("neutral" as const) : ("warn" as const) },
      verdict,
    ],
  };
}
