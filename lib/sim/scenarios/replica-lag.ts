import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import { chart, column, describe, headline, param, percent, RequestLedger, scenarioInstance } from "../kit";

/**
 * Lesson 3 (data-consistency): one leader, K asynchronous replicas. Users write to the
 * leader, then shortly after read from a replica. A replica that has not yet applied the
 * user's write returns older data: the user does not see what they just saved.
 *
 * The log is a sequence of numbered writes, shipped to each replica in order over a link
 * whose delay is random (so a slow entry holds up the ones behind it); a replica's state
 * is the highest index it has applied. A read returns the replica's applied index; it is
 * stale for its user when that index is below the user's own last write.
 *
 * Read-your-writes: the client sends the index of its last write with each read; a replica
 * that has not applied it either forwards the read to the leader or waits until it has.
 * Either way the user's own stale reads become exactly zero, paid for in leader load or in
 * read latency. Monotonic reads: a user that always reads from the same replica never sees
 * the data go backwards, which reads spread over replicas at different lags can.
 */

const DURATION_MS = 20_000;
const LINK = { latency: Latency.uniform(1, 3), loss: 0 };
const THINK_MS = 300;
const READS_PER_WRITE = 2;
const CHART_BUCKET_MS = 1000;

type RyWMode = "off" | "forward" | "wait";

type LagMessage =
  | { readonly op: "write"; readonly user: number }
  | { readonly op: "write-ack"; readonly index: number }
  | { readonly op: "replicate"; readonly index: number }
  | { readonly op: "read"; readonly user: number; readonly token: number; readonly read: number }
  | { readonly op: "read-reply"; readonly index: number; readonly read: number };

type LagTimer = { readonly type: "write" } | { readonly type: "read" };

export type ReplicaLagMetrics = {
  readonly writes: number;
  readonly reads: number;
  /** Reads that returned data older than the reader's own last write. */
  readonly staleReads: number;
  readonly staleReadPercent: number;
  /** Reads that returned older data than an earlier read by the same user. */
  readonly monotonicViolations: number;
  readonly readP50Ms: number | null;
  readonly readP99Ms: number | null;
  /** Share of reads the leader answered (forwarded reads). */
  readonly leaderReadPercent: number;
};

export const replicaLag = defineScenario({
  id: "replica-lag",
  title: "Replica lag and read-your-writes",
  lesson: "data-consistency",
  description:
    "Users save something on the leader and read it back from a replica a moment later. " +
    "With asynchronous replication the replica often has not caught up, and the user does " +
    "not see their own write. Turn on read-your-writes and watch stale reads drop to zero; " +
    "compare the cost of forwarding to the leader with the cost of waiting.",
  params: [
    param.number("replicas", "Replicas", { min: 1, max: 10, step: 1, default: 3 }, "Followers that serve reads; each receives the leader's writes after its own lag."),
    param.number(
      "meanLagMs",
      "Mean replication lag",
      { min: 0, max: 2000, step: 10, default: 100, unit: "ms" },
      "Average delay before a write reaches a replica (each between half and 1.5 times this).",
    ),
    param.number("readDelayMs", "Read after write", { min: 0, max: 2000, step: 10, default: 50, unit: "ms" }, "How long after the write is acknowledged the user reads it back."),
    param.choice(
      "readYourWrites",
      "Read-your-writes",
      [
        ["off", "Off: any replica answers"],
        ["forward", "Forward to the leader if behind"],
        ["wait", "Wait until the replica catches up"],
      ],
      "off",
      "Reads carry the index of the user's last write; a replica behind it forwards or waits.",
    ),
    param.toggle("stickyReplica", "Sticky replica (monotonic reads)", false, "Each user always reads from the same replica, so their view never goes backwards."),
    param.number("users", "Users", { min: 1, max: 20, step: 1, default: 8 }, "Each writes, reads twice, pauses, and repeats."),
  ],
  presets: [
    { id: "naive", label: "Read from any replica", description: "Asynchronous replication, no session guarantees.", params: { readYourWrites: "off", stickyReplica: false } },
    {
      id: "read-your-writes",
      label: "Read-your-writes (forward)",
      description: "A replica that is behind the user's last write forwards the read to the leader.",
      params: { readYourWrites: "forward", stickyReplica: false },
    },
    {
      id: "session",
      label: "Read-your-writes (wait) + sticky",
      description: "Wait for the replica to catch up, and always use the same one.",
      params: { readYourWrites: "wait", stickyReplica: true },
    },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<ReplicaLagMetrics> {
    const sim = new Simulation<LagMessage, LagTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const mode: RyWMode = p.readYourWrites;
    const replicaIds = Array.from({ length: p.replicas }, (_, i) => `r${i + 1}`);
    const userIds = Array.from({ length: p.users }, (_, i) => `u${i + 1}`);
    // Spread around the mean but bounded, so that shipping in order does not let one
    // very slow entry hold up everything behind it and make the real lag far larger.
    const replicationLag = Latency.uniform(0.5 * p.meanLagMs, 1.5 * p.meanLagMs);

    const reads = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS, name: "reads" });
    const staleRate = sim.metrics.rate("stale reads", CHART_BUCKET_MS);
    let writes = 0;
    let staleReads = 0;
    let monotonicViolations = 0;
    let leaderReads = 0;

    // ---- leader ------------------------------------------------------------------------
    let leaderIndex = 0;
    sim.addNode({
      id: "leader",
      label: "Leader",
      role: "leader",
      x: 0.5,
      y: 0.12,
      gauges: () => [{ label: "log index", value: leaderIndex }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op === "write") {
          const index = ++leaderIndex;
          writes++;
          sim.send("leader", message.from, "response", { op: "write-ack", index });
          for (const replica of replicaIds) sim.send("leader", replica, "replication", { op: "replicate", index });
        } else if (m.op === "read") {
          // A read forwarded by a replica that was behind: answer the user directly.
          leaderReads++;
          sim.send("leader", userIds[m.user] ?? "", "response", { op: "read-reply", index: leaderIndex, read: m.read });
        }
      },
    });

    // ---- replicas ----------------------------------------------------------------------
    replicaIds.forEach((id, r) => {
      let applied = 0;
      const parked: Array<{ user: number; token: number; read: number }> = [];
      const reply = (user: number, read: number): void => {
        sim.send(id, userIds[user] ?? "", "response", { op: "read-reply", index: applied, read });
      };
      sim.addNode({
        id,
        label: `Replica ${r + 1}`,
        role: "replica",
        ...column(r, replicaIds.length, 0.85, 0.3),
        gauges: () => [
          { label: "applied", value: applied },
          { label: "behind", value: leaderIndex - applied },
        ],
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "replicate") {
            applied = Math.max(applied, m.index);
            // Serve parked reads that this write unblocked, in arrival order.
            for (let i = 0; i < parked.length; ) {
              const read = parked[i];
              if (read !== undefined && read.token <= applied) {
                reply(read.user, read.read);
                parked.splice(i, 1);
              } else i++;
            }
          } else if (m.op === "read") {
            if (mode === "off" || m.token <= applied) reply(m.user, m.read);
            else if (mode === "forward") sim.send(id, "leader", "request", m);
            else parked.push({ user: m.user, token: m.token, read: m.read });
          }
        },
      });
      // Only the leader → replica direction lags: it carries the replication stream, in order.
      sim.network.setLink("leader", id, { latency: replicationLag, loss: 0, fifo: true });
      sim.network.connect("leader", id);
    });

    // ---- users: closed loop of write, read it back twice, think ---------------------------
    userIds.forEach((id, u) => {
      let lastWritten = 0;
      let highestSeen = 0;
      let readsLeft = 0;
      const stickyTo = replicaIds[u % replicaIds.length] ?? "r1";
      sim.addNode({
        id,
        label: `User ${u + 1}`,
        role: "client",
        ...column(u, userIds.length, 0.12, 0.1),
        onTimer: (timer) => {
          if (timer.payload.type === "write") {
            sim.send(id, "leader", "request", { op: "write", user: u });
          } else {
            const replica = p.stickyReplica ? stickyTo : sim.rng.pick(replicaIds);
            const token = mode === "off" ? 0 : lastWritten;
            sim.send(id, replica, "request", { op: "read", user: u, token, read: reads.start() });
          }
        },
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "write-ack") {
            lastWritten = m.index;
            readsLeft = READS_PER_WRITE;
            sim.setTimer(id, p.readDelayMs, { type: "read" });
          } else if (m.op === "read-reply") {
            reads.succeed(m.read);
            if (m.index < lastWritten) {
              staleReads++;
              staleRate.add(sim.now);
            }
            if (m.index < highestSeen) monotonicViolations++;
            highestSeen = Math.max(highestSeen, m.index);
            readsLeft--;
            if (readsLeft > 0) sim.setTimer(id, p.readDelayMs, { type: "read" });
            else sim.setTimer(id, sim.rng.exponential(THINK_MS), { type: "write" });
          }
        },
      });
      sim.network.connect(id, "leader");
      // Users talk to every replica; drawing all those links would hide the picture.
      sim.setTimer(id, sim.rng.uniform(0, THINK_MS), { type: "write" });
    });

    const measure = (): ReplicaLagMetrics => ({
      writes,
      reads: reads.ok,
      staleReads,
      staleReadPercent: percent(staleReads, reads.ok),
      monotonicViolations,
      readP50Ms: reads.latency.percentile(50),
      readP99Ms: reads.latency.percentile(99),
      leaderReadPercent: percent(leaderReads, reads.ok),
    });

    return scenarioInstance({
      sim, measure,
      charts: () => [
        ...chart("Reads", "reads/s", [["reads", "all reads", reads.okRate.points(sim.now)], ["stale", "stale reads", staleRate.points(sim.now)]]),
        ...chart("Read latency per second", "ms", [["read-p99", "p99", reads.latencyOverTime.points(sim.now, 99)]]),
      ],
      headline: (m) => [
        headline.percent("stale", "Reads missing the user's own write", m.staleReadPercent),
        headline.count("backwards", "Reads that went back in time", m.monotonicViolations, "reads"),
        ...headline.percentiles("read", "Read latency", reads.latency),
        headline.percent("leader-reads", "Reads served by the leader", m.leaderReadPercent),
      ],
      summary: (m) => {
        if (m.reads === 0) return "No read has completed yet.";
        const guarantee =
          mode === "off"
            ? "Read-your-writes is off."
            : mode === "forward"
              ? `Read-your-writes forwards lagging reads to the leader, which served ${describe(m.leaderReadPercent, "%")} of reads.`
              : `Read-your-writes makes lagging replicas wait; read p99 is ${describe(m.readP99Ms, "ms")}.`;
        return (
          `Of ${m.reads} reads, ${describe(m.staleReadPercent, "%")} missed the user's own last write ` +
          `(mean lag ${p.meanLagMs} ms, read ${p.readDelayMs} ms after writing) and ${m.monotonicViolations} went back in time. ${guarantee}`
        );
      },
    });
  },
});
