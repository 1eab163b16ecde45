import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import { GaugeSeries, MeanSeries } from "../time-series";
import { Arrivals, cell, chart, headline, Journal, param, poisson, row, scenarioInstance, Timeline, type ArrivalTimer } from "../kit";
import { compareHlc, compareVectors, HybridLogicalClock, mergeVectors, type HlcStamp, type VersionVector } from "../kit/logical-clocks";

/**
 * Lesson 18 (time-and-clocks): three replicas, each with a skewed, drifting clock, take writes
 * to three keys from a nearby client and replicate every write to the other two. Conflicts are
 * resolved by the chosen timestamps: the writing replica's wall clock (last writer wins), a
 * hybrid logical clock (still last writer wins, but a write always outranks what it has seen),
 * or version vectors (concurrent writes kept side by side as siblings). At 10 s NTP steps
 * replica 1's clock; every replica measures the gap between its 100 ms heartbeats with its
 * wall clock and with its monotonic clock. The clock chart plots how far each clock is behind
 * the fastest, since charts show values of 0 and above.
 *
 * A write's history is the set of writes whose effect it includes: itself and the history of
 * every value its replica held for the key when it was written. A write is lost when the final
 * value's history does not include it. Simplified: no crashes, no message loss, clients write
 * blindly after their replica's current value (a client's write includes everything its
 * replica held, siblings and all); clients stop writing a second before the end.
 */

const DURATION_MS = 20_000;
const WRITES_END_MS = DURATION_MS - 1000;
const NTP_STEP_AT_MS = 10_000;
const HEARTBEAT_MS = 100;
const BUCKET_MS = 500;
const KEYS = ["x", "y", "z"] as const;
const REPLICAS = ["r1", "r2", "r3"] as const;
const REPLICA_LINK = { latency: Latency.uniform(2, 8), loss: 0 };
const CLIENT_LINK = { latency: Latency.uniform(0.5, 1.5), loss: 0 };

interface Write {
  readonly id: number;
  readonly key: string;
  /** The value written: the key's write number, so "x = 7" is the seventh write of x. */
  readonly value: number;
  readonly client: string;
  readonly replica: string;
  readonly at: number;
  /** The writing replica's wall-clock reading when it took the write. */
  readonly wall: number;
  readonly hlc: HlcStamp;
  readonly vector: VersionVector;
  readonly history: ReadonlySet<number>;
}

type Payload = { readonly op: "write"; readonly key: string } | { readonly op: "replicate"; readonly write: Write };
type Timer = ArrivalTimer | { readonly type: "heartbeat" };

export type ClockSkewLwwMetrics = {
  readonly writes: number;
  readonly writesLost: number;
  /** Lost to a write they had seen: later in causal order, yet stamped earlier. */
  readonly causallyLaterLost: number;
  readonly keptAsSiblings: number;
  readonly negativeWallDurations: number;
  readonly negativeMonotonicDurations: number;
  readonly largestDisagreementMs: number;
};

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export const clockSkewLww = defineScenario({
  id: "clock-skew-lww",
  title: "Last writer wins, by whose clock?",
  lesson: "time-and-clocks",
  description:
    "Three replicas with skewed, drifting clocks take writes to the same keys and replicate them " +
    "to each other. Resolve conflicts by the writer's wall clock, by hybrid logical clocks, or " +
    "keep concurrent writes with version vectors, and watch which writes silently disappear. " +
    "At 10 s NTP steps replica 1's clock; watch the durations it measures.",
  params: [
    param.choice(
      "timestamps",
      "Conflicts resolved by",
      [["wall", "Last writer wins, wall clock"], ["hlc", "Last writer wins, hybrid logical clock"], ["vectors", "Version vectors (keep siblings)"]],
      "wall",
      "What each write is stamped with, and how two versions of a key are compared.",
    ),
    param.number("maxSkewMs", "Maximum clock skew", { min: 0, max: 100, step: 5, default: 50, unit: "ms" }, "Each replica's clock starts off by up to this much, either way."),
    param.number("driftPpm", "Maximum drift", { min: 0, max: 500, step: 50, default: 200, unit: "ppm" }, "Each clock runs fast or slow by up to this much."),
    param.number("writeRate", "Write rate per client", { min: 1, max: 10, step: 1, default: 4, unit: "per s" }, "Three clients, one beside each replica, writing keys x, y and z."),
    param.number("ntpStepMs", "NTP step on replica 1 at 10 s", { min: -500, max: 0, step: 50, default: -200, unit: "ms" }, "How far NTP steps replica 1's wall clock; 0 for no step."),
  ],
  presets: [
    { id: "naive", label: "Last writer wins by wall clock", description: "A later write on a slower clock loses, silently.", params: { timestamps: "wall" } },
    { id: "hlc", label: "Hybrid logical clocks", description: "A write always outranks what it has seen; concurrent writes still lose.", params: { timestamps: "hlc" } },
    { id: "fixed", label: "Version vectors", description: "Concurrent writes are kept as siblings; no write is lost.", params: { timestamps: "vectors" } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<ClockSkewLwwMetrics> {
    const sim = new Simulation<Payload, Timer>({ seed, recordLog: options.recordLog, defaultLink: REPLICA_LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const clockRng = sim.rng.fork();
    const writes: Write[] = [];
    const valuesOf = new Map<string, number>();
    /** Each lost write's id, and whether it lost to a write it had seen. */
    const lostCausally = new Map<number, boolean>();
    const lostSeries = new GaugeSeries(BUCKET_MS);
    const siblings = new Set<number>();
    const errorSeries = new Map<string, MeanSeries>();
    const initialClocks = new Map<string, { offsetMs: number; drift: number }>();
    let negativeWall = 0;
    let negativeMonotonic = 0;
    let largestDisagreement = 0;
    let siblingNotes = 0;
    const stores = new Map<string, Map<string, Write[]>>();

    const rank = (a: Write, b: Write): number => {
      const byStamp = p.timestamps === "wall" ? a.wall - b.wall : compareHlc(a.hlc, b.hlc);
      return byStamp !== 0 ? byStamp : a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : a.id - b.id;
    };
    const noteLoss = (loser: Write, winner: Write): void => {
      if (lostCausally.has(loser.id)) return;
      const causal = loser.history.has(winner.id);
      lostCausally.set(loser.id, causal);
      lostSeries.set(sim.now, lostCausally.size);
      const causalCount = [...lostCausally.values()].filter(Boolean).length;
      const stamp = (w: Write): string => seconds(p.timestamps === "wall" ? w.wall : w.hlc.wall);
      const client = (w: Write): string => `client ${w.client.slice(1)}`;
      if (!causal && lostCausally.size - causalCount <= 3) {
        journal.note(`${loser.key} = ${loser.value} from ${client(loser)} and ${winner.key} = ${winner.value} from ${client(winner)} were concurrent: last writer wins kept ${winner.value}, dropped ${loser.value}`, "info");
      }
      if (causal && causalCount <= 10) {
        journal.note(
          `${loser.key} = ${loser.value} written by ${client(loser)} at ${seconds(loser.at)} s (stamped ${stamp(loser)}) lost to ` +
            `${winner.key} = ${winner.value} written ${Math.round(loser.at - winner.at)} ms earlier (stamped ${stamp(winner)})`,
          "bad",
        );
      }
    };

    // ---- the replicas ----------------------------------------------------------------------
    REPLICAS.forEach((id, i) => {
      const clock = { offsetMs: clockRng.uniform(-p.maxSkewMs, p.maxSkewMs), drift: clockRng.uniform(-p.driftPpm, p.driftPpm) * 1e-6 };
      initialClocks.set(id, clock);
      const hlc = new HybridLogicalClock();
      let ownWrites = 0;
      /** Per key, the versions held: one under last writer wins, any number of siblings with vectors. */
      const store = new Map<string, Write[]>();
      stores.set(id, store);
      const errors = new MeanSeries(BUCKET_MS);
      errorSeries.set(id, errors);
      let lastBeat: { wall: number; now: number } | null = null;

      const apply = (write: Write): void => {
        const held = store.get(write.key) ?? [];
        if (p.timestamps === "vectors") {
          if (held.some((h) => ["before", "equal"].includes(compareVectors(write.vector, h.vector)))) return;
          const kept = held.filter((h) => compareVectors(h.vector, write.vector) !== "before");
          kept.push(write);
          store.set(write.key, kept);
          if (kept.length > 1 && kept.some((k) => !siblings.has(k.id)) && siblingNotes++ < 3) {
            journal.note(`${write.key} = ${kept.map((k) => k.value).join(" and ")} were written concurrently: both kept as siblings`, "good");
          }
          if (kept.length > 1) for (const k of kept) siblings.add(k.id);
          return;
        }
        const current = held[0];
        if (current === undefined || rank(write, current) > 0) {
          if (current !== undefined && !write.history.has(current.id)) noteLoss(current, write);
          store.set(write.key, [write]);
        } else if (current.id !== write.id && !current.history.has(write.id)) {
          noteLoss(write, current);
        }
      };

      const take = (client: string, key: string): void => {
        const held = store.get(key) ?? [];
        const wall = sim.localTime(id);
        const history = new Set<number>();
        for (const h of held) for (const w of h.history) history.add(w);
        const value = (valuesOf.get(key) ?? 0) + 1;
        valuesOf.set(key, value);
        ownWrites++;
        const write: Write = {
          id: writes.length, key, value, client, replica: id, at: sim.now, wall,
          hlc: hlc.now(wall),
          vector: { ...mergeVectors(held.map((h) => h.vector)), [id]: ownWrites },
          history: history.add(writes.length),
        };
        writes.push(write);
        apply(write);
        for (const other of REPLICAS) if (other !== id) sim.send(id, other, "replication", { op: "replicate", write });
      };

      sim.addNode({
        id, label: `Replica ${i + 1}`, role: "replica", ...row(i, 3, 0.7, 0.15), clock,
        gauges: () => [{ label: "clock error", value: Math.round(sim.localTime(id) - sim.now) }],
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "write") return take(message.from, m.key);
          hlc.observe(m.write.hlc, sim.localTime(id));
          apply(m.write);
        },
        onTimer: () => {
          // Heartbeat: measure the gap since the last one on both clocks, and record the clock's error.
          const wall = sim.localTime(id);
          const monotonic = (sim.now - (lastBeat?.now ?? 0)) * (1 + sim.clockOf(id).drift);
          if (lastBeat !== null) {
            const wallGap = wall - lastBeat.wall;
            if (wallGap < 0 && negativeWall === 0) journal.note(`Replica ${i + 1} measured −${Math.abs(Math.round(wallGap))} ms between heartbeats with its wall clock; its monotonic clock says ${monotonic.toFixed(1)} ms`, "bad");
            if (wallGap < 0) negativeWall++;
            if (monotonic < 0) negativeMonotonic++;
          }
          lastBeat = { wall, now: sim.now };
          // How far behind the fastest clock: what last writer wins by wall clock punishes (charts show values ≥ 0).
          errors.observe(sim.now, Math.max(...REPLICAS.map((r) => sim.localTime(r))) - wall);
          if (id === "r1") {
            const readings = REPLICAS.map((r) => sim.localTime(r));
            largestDisagreement = Math.max(largestDisagreement, Math.max(...readings) - Math.min(...readings));
          }
          sim.setTimer(id, HEARTBEAT_MS, { type: "heartbeat" });
        },
      });
      sim.setTimer(id, 0, { type: "heartbeat" });
    });
    for (const a of REPLICAS) for (const b of REPLICAS) if (a !== b) sim.network.connect(a, b);

    // ---- the clients: one beside each replica ----------------------------------------------
    REPLICAS.forEach((replica, i) => {
      const id = `c${i + 1}`;
      const rng = sim.rng.fork();
      const arrivals = new Arrivals(sim, id, poisson(p.writeRate));
      sim.addNode({
        id, label: `Client ${i + 1}`, role: "client", ...row(i, 3, 0.2, 0.15),
        onTimer: () => {
          if (sim.now >= WRITES_END_MS) return;
          sim.send(id, replica, "request", { op: "write", key: KEYS[rng.int(0, KEYS.length - 1)] ?? "x" });
          arrivals.next();
        },
      });
      sim.network.setLink(id, replica, CLIENT_LINK);
      sim.network.connect(id, replica);
      arrivals.next();
    });

    if (p.ntpStepMs !== 0) {
      timeline.at(NTP_STEP_AT_MS, `NTP step −${Math.abs(p.ntpStepMs)} ms`, () => {
        const c = sim.clockOf("r1");
        sim.setClock("r1", { offsetMs: c.offsetMs + p.ntpStepMs, drift: c.drift });
        journal.note(`NTP steps replica 1's wall clock by −${Math.abs(p.ntpStepMs)} ms`, "info");
      });
    }

    /** Writes lost: not in the history of any value replica 1 holds at the end (replication has settled). */
    const lostIds = (): number[] => {
      const kept = new Set<number>();
      for (const held of stores.get("r1")?.values() ?? []) for (const w of held) for (const h of w.history) kept.add(h);
      return writes.filter((w) => !kept.has(w.id)).map((w) => w.id);
    };

    const measure = (): ClockSkewLwwMetrics => {
      const lost = lostIds();
      return {
        writes: writes.length,
        writesLost: lost.length,
        causallyLaterLost: lost.filter((id) => lostCausally.get(id) === true).length,
        keptAsSiblings: siblings.size,
        negativeWallDurations: negativeWall,
        negativeMonotonicDurations: negativeMonotonic,
        largestDisagreementMs: largestDisagreement,
      };
    };
    const lostByReplica = (replica: string): number => {
      const lost = new Set(lostIds());
      return writes.filter((w) => w.replica === replica && lost.has(w.id)).length;
    };

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("How far each clock is behind the fastest", "ms", REPLICAS.map((r, i) => [`error-${r}`, `replica ${i + 1}`, errorSeries.get(r)?.points(sim.now) ?? []])),
        ...chart("Writes lost (cumulative)", "writes", [["lost", "lost", lostSeries.points(sim.now)]]),
      ],
      headline: (m) => [
        headline.count("lost", "Writes silently lost", m.writesLost),
        headline.count("causal-lost", "Lost though written later", m.causallyLaterLost),
        headline.count("siblings", "Kept as siblings", m.keptAsSiblings),
        headline.count("negative", "Negative durations measured", m.negativeWallDurations),
        headline.ms("disagreement", "Largest clock disagreement", m.largestDisagreementMs, 0),
      ],
      summary: (m) => {
        return (
          `${m.writesLost} of ${m.writes} writes lost (${m.causallyLaterLost} of them written after the write they lost to), ` +
          `${m.keptAsSiblings} kept as siblings; ${m.negativeWallDurations} negative wall-clock durations, ${m.negativeMonotonicDurations} monotonic; ` +
          `clocks disagreed by up to ${Math.round(m.largestDisagreementMs)} ms.`
        );
      },
      tables: () => [{
        // rowHeader before title: bench:pages finds scenario chunks by `id:"…",title:"`.
        id: "replicas",
        rowHeader: "Replica",
        title: "Each replica's clock at the start, and its writes lost",
        columns: ["offset, ms", "drift, ppm", "writes lost"],
        rows: REPLICAS.map((r, i) => {
          const clock = initialClocks.get(r) ?? { offsetMs: 0, drift: 0 };
          const lost = lostByReplica(r);
          return {
            label: `Replica ${i + 1}`,
            cells: [
              cell.plain(`${clock.offsetMs >= 0 ? "+" : "−"}${Math.abs(clock.offsetMs).toFixed(1)}`),
              cell.plain(`${clock.drift >= 0 ? "+" : "−"}${Math.abs(Math.round(clock.drift * 1e6))}`),
              cell.shouldBeZero(lost),
            ],
          };
        }),
      }],
    });
  },
});
