import { Simulation } from "../engine";
import { Fifo } from "../fifo";
import { Latency, sampleLatency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { GaugeSeries } from "../time-series";
import { Arrivals, cell, chart, column, headline, Journal, param, peakIn, poisson, scenarioInstance, Timeline, type ArrivalTimer } from "../kit";
import { PartitionedLog } from "../kit/partitioned-log";

/**
 * Lesson 9 (messaging): a producer writes 200 records a second, keyed by order id, to a topic
 * of P partitions (a log per partition, kept by the broker). A group of C consumers shares
 * the partitions, each partition owned by one consumer. A consumer polls every 250 ms for the
 * partitions it has finished, processes each batch in order, one record at a time per
 * partition, and commits offsets: after processing (every 500 ms, the offset of the next
 * record to read) or before (as soon as a batch arrives).
 *
 * Consumer 2 crashes in the middle of a batch (at the crash time, or as soon after it as it is
 * mid-batch). The broker notices when its polls stop for a second and moves its partitions to
 * the consumers with the fewest, which resume from the last committed offset: records
 * processed but not committed are processed again (duplicates), records committed but not
 * processed are never processed (lost). An idempotent consumer keeps the ids it has applied in
 * the same store as the effects, so a redelivered record changes nothing.
 *
 * At 10 s a poison record arrives on partition 2: it fails every time. Without a dead-letter
 * queue its consumer retries it forever and the partition stops; with one, after a few
 * attempts it is set aside and the partition moves on. Lag is the log's end offset minus the
 * committed offset. Simplifications: no replication, no broker failure, partitions move only
 * when a consumer dies (sticky assignment), effects are applied where the consumer runs.
 */

const DURATION_MS = 20_000;
const PRODUCE_RATE = 200;
const LINK = { latency: Latency.uniform(1, 4), loss: 0 };
const POLL_MS = 250;
const COMMIT_MS = 1000;
const SESSION_MS = 1000;
const SESSION_CHECK_MS = 250;
const MAX_BATCH = 50;
const PROCESS_TIME = Latency.logNormal(8, 0.3);
const RETRY_MS = 100;
const POISON_AT_MS = 10_000;
const CRASHING = "c2";
/** Records still waiting behind the one in progress when consumer 2 crashes mid-batch. */
const MID_BATCH = 2;
/** If consumer 2 is never mid-batch, it crashes anyway this long after the crash time. */
const CRASH_FALLBACK_MS = 2000;
const LAG_BUCKET_MS = 250;
const RATE_BUCKET_MS = 500;
/** A healthy partition's lag stays below this: about two seconds of its records (commits every second, polls every 250 ms). */
const NORMAL_LAG = 100;
const NOTES_PER_KIND = 4;

interface LogRecord {
  readonly offset: number;
  /** Unique over the topic: what an idempotent consumer remembers. */
  readonly id: number;
  readonly poison: boolean;
}

type GroupMessage =
  | { readonly op: "produce"; readonly partition: number; readonly poison: boolean }
  | { readonly op: "poll"; readonly busy: readonly number[] }
  | { readonly op: "batch"; readonly partition: number; readonly records: readonly LogRecord[] }
  | { readonly op: "commit"; readonly offsets: readonly (readonly [partition: number, offset: number])[] }
  | { readonly op: "dead-letter"; readonly id: number };

type GroupTimer =
  | ArrivalTimer
  | { readonly type: "poll" }
  | { readonly type: "commit" }
  | { readonly type: "processed"; readonly partition: number }
  | { readonly type: "retry"; readonly partition: number }
  | { readonly type: "session-check" };

/** One partition as one consumer works through it. */
interface Lane {
  readonly queue: Fifo<LogRecord>;
  current: LogRecord | null;
  /** Offset of the next record to process: everything before it is done. */
  processedTo: number;
  /** Offset after the last record fetched. */
  fetchedTo: number;
  committedTo: number;
  attempts: number;
}

export type ConsumerGroupMetrics = {
  readonly produced: number;
  /** Distinct records whose effect was applied. */
  readonly applied: number;
  /** Effects applied a second (or third) time for the same record. */
  readonly duplicatesApplied: number;
  /** Redelivered records an idempotent consumer recognised and skipped. */
  readonly duplicatesAbsorbed: number;
  /** Records behind a committed offset that were never processed nor dead-lettered. */
  readonly lost: number;
  readonly deadLettered: number;
  /** Highest lag of any partition at any time. */
  readonly maxLag: number;
  /** Lag of the poison record's partition at the end (0 without a poison record). */
  readonly poisonPartitionLag: number;
  /** Highest lag at the end among the other partitions. */
  readonly otherPartitionsLag: number;
  /** Highest lag of any partition from 5 s after the poison record to the end. */
  readonly maxLagFrom5sAfterPoison: number;
  /** Live consumers that own no partition. */
  readonly idleConsumers: number;
  /** When consumer 2 crashed, or null if it has not. */
  readonly crashedAtMs: number | null;
};

export const consumerGroup = defineScenario({
  id: "consumer-group",
  title: "A consumer group: redelivery, duplicates and a poison message",
  lesson: "messaging",
  description:
    "A producer writes 200 records a second to a partitioned topic that a group of consumers shares. " +
    "Consumer 2 crashes in the middle of a batch and its partitions move to the others, which " +
    "resume from the last committed offset; later a poison record arrives that fails every time. " +
    "Compare committing after and before processing, then make the consumer idempotent and give " +
    "it a dead-letter queue.",
  params: [
    param.choice(
      "commit",
      "Commit offsets",
      [
        ["after", "After processing"],
        ["before", "Before processing"],
      ],
      "after",
      "After: every second, up to the last record processed. Before: as soon as a batch arrives.",
    ),
    param.toggle("idempotent", "Idempotent consumer", false, "The ids of applied records are stored with the effects; a redelivered record is skipped."),
    param.toggle("deadLetter", "Dead-letter queue", false, "A record that fails the set number of times is set aside and the partition moves on."),
    param.number("attempts", "Attempts before dead-lettering", { min: 1, max: 10, step: 1, default: 3 }, "How many times a failing record is tried."),
    param.toggle("poison", "Poison record", true, "At 10 s a record that fails every time arrives on partition 2."),
    param.number("partitions", "Partitions", { min: 1, max: 8, step: 1, default: 4 }, "The topic's partitions; each is read by one consumer of the group."),
    param.number("consumers", "Consumers", { min: 1, max: 8, step: 1, default: 3 }, "Consumers in the group; beyond the partition count they sit idle."),
    param.number("crashAtS", "Consumer 2 crashes at", { min: 0, max: 15, step: 0.5, default: 7, unit: "s" }, "It crashes mid-batch at or just after this time; 0 for no crash."),
  ],
  presets: [
    { id: "naive", label: "Commit after processing", description: "At least once: the crash brings duplicates, the poison record stops its partition.", params: { commit: "after", idempotent: false, deadLetter: false } },
    { id: "before", label: "Commit before processing", description: "At most once: no duplicates, but the crash loses records.", params: { commit: "before", idempotent: false, deadLetter: false } },
    { id: "idempotent", label: "Idempotent consumer", description: "Commit after processing and skip records already applied.", params: { commit: "after", idempotent: true, deadLetter: false } },
    { id: "fixed", label: "Idempotent consumer and dead-letter queue", description: "Nothing lost, nothing applied twice, and the poison record set aside.", params: { commit: "after", idempotent: true, deadLetter: true } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<ConsumerGroupMetrics> {
    const sim = new Simulation<GroupMessage, GroupTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const partitions = Array.from({ length: p.partitions }, (_, i) => i);
    const consumerIds = Array.from({ length: p.consumers }, (_, i) => `c${i + 1}`);
    const poisonPartition = Math.min(1, p.partitions - 1);
    const processedRate = sim.metrics.rate("records processed", RATE_BUCKET_MS);
    const duplicateRate = sim.metrics.rate("duplicates applied", RATE_BUCKET_MS);
    const notes = { duplicate: 0, poison: 0 };

    // ---- the effects: what processing a record does, and the idempotent consumer's id table --
    const appliedTimes: number[] = [];
    const duplicatesBy = partitions.map(() => 0);
    const deadLetteredIds = new Set<number>();
    let duplicatesApplied = 0;
    let duplicatesAbsorbed = 0;
    const apply = (record: LogRecord, partition: number): void => {
      const before = appliedTimes[record.id] ?? 0;
      if (p.idempotent && before > 0) {
        duplicatesAbsorbed++;
        if (notes.duplicate++ < NOTES_PER_KIND) journal.note(`Record ${record.id} (partition ${partition + 1}) delivered again: its id is in the table of applied records, so it is skipped`, "good");
        return;
      }
      appliedTimes[record.id] = before + 1;
      processedRate.add(sim.now);
      if (before > 0) {
        duplicatesApplied++;
        duplicatesBy[partition] = (duplicatesBy[partition] ?? 0) + 1;
        duplicateRate.add(sim.now);
      }
    };
    // ---- the broker: the topic's partitioned log and the group's offsets (kit/partitioned-log) --
    const topic = new PartitionedLog<LogRecord>(p.partitions, consumerIds);
    const lagSeries: GaugeSeries[] = partitions.map((i) => sim.metrics.gauge(`lag of partition ${i + 1}`, LAG_BUCKET_MS));
    let nextId = 0;
    let maxLag = 0;
    const showLag = (i: number): void => {
      const lag = topic.lag(i);
      lagSeries[i]?.set(sim.now, lag);
      if (lag > maxLag) maxLag = lag;
    };
    const rebalance = (gone: string): void => {
      const moved = topic.leave(gone).map((m) => `partition ${m.partition + 1} to ${m.to === null ? "nobody" : nameOf(m.to)} from offset ${m.fromOffset}`);
      journal.note(`${nameOf(gone)} stopped polling; the group rebalances: ${moved.length === 0 ? "it owned no partition" : moved.join(", ")}`);
    };
    sim.addNode({
      id: "broker",
      label: "Broker",
      role: "broker",
      x: 0.45,
      y: 0.4,
      gauges: () => [
        { label: "records", value: nextId },
        { label: "lag", value: topic.totalLag() },
      ],
      onMessage: ({ from, payload: m }) => {
        if (m.op === "produce") {
          if (topic.append(m.partition, (offset) => ({ offset, id: nextId++, poison: m.poison })) !== undefined) showLag(m.partition);
        } else if (m.op === "poll") {
          topic.heard(from, sim.now);
          for (const i of partitions) {
            if (m.busy.includes(i)) continue;
            const records = topic.fetch(from, i, MAX_BATCH);
            if (records.length > 0) sim.send("broker", from, "response", { op: "batch", partition: i, records });
          }
        } else if (m.op === "commit") {
          // Only the partition's owner may commit: a consumer removed from the group is fenced off.
          for (const [i, offset] of m.offsets) if (topic.commit(from, i, offset)) showLag(i);
        }
      },
      onTimer: (timer) => {
        if (timer.payload.type !== "session-check") return;
        for (const id of topic.silent(sim.now, SESSION_MS)) rebalance(id);
        sim.setTimer("broker", SESSION_CHECK_MS, { type: "session-check" });
      },
    });
    sim.setTimer("broker", SESSION_CHECK_MS, { type: "session-check" });

    // ---- the producer: 200 records a second, each to its key's partition ---------------------
    // Records come from their own random stream (times and keys), so every preset sees the same records.
    const keys = sim.rng.fork();
    const gap = poisson(PRODUCE_RATE);
    const arrivals = new Arrivals(sim, "producer", () => gap(keys));
    let poisonDue = false;
    sim.addNode({
      id: "producer",
      label: "Producer",
      role: "client",
      x: 0.1,
      y: 0.4,
      onTimer: (timer) => {
        if (timer.payload.type !== "arrival") return;
        const partition = keys.int(0, p.partitions - 1);
        const poison = poisonDue && partition === poisonPartition;
        if (poison) poisonDue = false;
        sim.send("producer", "broker", "request", { op: "produce", partition, poison });
        arrivals.next();
      },
    });
    sim.network.connect("producer", "broker");
    arrivals.next();
    if (p.poison) timeline.at(POISON_AT_MS, "poison", () => (poisonDue = true));

    // ---- the dead-letter queue ---------------------------------------------------------------
    let deadLettered = 0;
    sim.addNode({
      id: "dlq",
      label: "Dead letters",
      role: "queue",
      x: 0.45,
      y: 0.88,
      gauges: () => [{ label: "parked", value: deadLettered }],
      onMessage: ({ payload: m }) => {
        if (m.op === "dead-letter") deadLettered++;
      },
    });

    // ---- the consumers --------------------------------------------------------------------
    let crashedAtMs: number | null = null;
    let crashedId: string | null = null;
    let crashArmed = false;
    const lanesOf = new Map<string, Map<number, Lane>>();
    const crash = (id: string): void => {
      if (crashedAtMs !== null) return;
      const lanes = lanesOf.get(id) ?? new Map<number, Lane>();
      let redo = 0;
      let skipped = 0;
      for (const lane of lanes.values()) {
        redo += Math.max(0, lane.processedTo - lane.committedTo);
        skipped += Math.max(0, lane.committedTo - lane.processedTo);
      }
      crashedAtMs = sim.now;
      crashedId = id;
      crashArmed = false;
      sim.crash(id);
      timeline.mark("crash");
      const fate =
        p.commit === "after"
          ? `${redo} records processed since its last commit will be delivered again`
          : `${skipped} records committed but not yet processed will never be processed`;
      journal.note(`${nameOf(id)} crashed mid-batch: ${fate}`, redo + skipped > 0 ? "bad" : "info");
    };

    consumerIds.forEach((id, c) => {
      const lanes = new Map<number, Lane>();
      lanesOf.set(id, lanes);
      const laneFor = (partition: number, firstOffset: number): Lane => {
        let lane = lanes.get(partition);
        if (lane === undefined) {
          lane = { queue: new Fifo(), current: null, processedTo: firstOffset, fetchedTo: firstOffset, committedTo: firstOffset, attempts: 0 };
          lanes.set(partition, lane);
        }
        return lane;
      };
      const startNext = (partition: number, lane: Lane): void => {
        if (lane.current !== null) return;
        const next = lane.queue.shift();
        if (next === undefined) return;
        lane.current = next;
        lane.attempts = 0;
        sim.setTimer(id, sampleLatency(PROCESS_TIME, sim.rng), { type: "processed", partition });
      };
      const finish = (partition: number, lane: Lane, record: LogRecord): void => {
        lane.current = null;
        lane.processedTo = record.offset + 1;
        startNext(partition, lane);
        // Mid-batch: a record just done, the next one started, and more waiting behind it.
        if (crashArmed && id === CRASHING && [...lanes.values()].some((l) => l.current !== null && l.queue.length >= MID_BATCH)) crash(id);
      };
      const commit = (offsets: (readonly [number, number])[]): void => {
        if (offsets.length > 0) sim.send(id, "broker", "control", { op: "commit", offsets });
      };
      sim.addNode({
        id,
        label: `Consumer ${c + 1}`,
        role: "consumer",
        ...column(c, consumerIds.length, 0.85, 0.12),
        gauges: () => [
          { label: "partitions", value: topic.owned(id) },
          { label: "queued", value: [...lanes.values()].reduce((sum, l) => sum + l.queue.length + (l.current === null ? 0 : 1), 0) },
        ],
        onMessage: ({ payload: m }) => {
          if (m.op !== "batch") return;
          const first = m.records[0];
          if (first === undefined) return;
          const lane = laneFor(m.partition, first.offset);
          // A partition handed back after a rebalance starts again where the batch does.
          if (lane.current === null && lane.queue.length === 0) {
            lane.processedTo = first.offset;
            lane.fetchedTo = first.offset;
          }
          for (const record of m.records) lane.queue.push(record);
          lane.fetchedTo = first.offset + m.records.length;
          if (p.commit === "before") {
            lane.committedTo = lane.fetchedTo;
            commit([[m.partition, lane.fetchedTo]]);
          }
          startNext(m.partition, lane);
        },
        onTimer: (timer) => {
          const t = timer.payload;
          if (t.type === "poll") {
            const busy = [...lanes.entries()].filter(([, l]) => l.current !== null || l.queue.length > 0).map(([i]) => i);
            sim.send(id, "broker", "control", { op: "poll", busy });
            sim.setTimer(id, POLL_MS, { type: "poll" });
          } else if (t.type === "commit") {
            const offsets: (readonly [number, number])[] = [];
            for (const [i, lane] of lanes) {
              if (lane.processedTo > lane.committedTo) {
                lane.committedTo = lane.processedTo;
                offsets.push([i, lane.processedTo]);
              }
            }
            commit(offsets);
            sim.setTimer(id, COMMIT_MS, { type: "commit" });
          } else if (t.type === "processed" || t.type === "retry") {
            const lane = lanes.get(t.partition);
            const record = lane?.current;
            if (lane === undefined || record === undefined || record === null) return;
            if (t.type === "retry") {
              sim.setTimer(id, sampleLatency(PROCESS_TIME, sim.rng), { type: "processed", partition: t.partition });
              return;
            }
            if (!record.poison) {
              const before = appliedTimes[record.id] ?? 0;
              apply(record, t.partition);
              if (before > 0 && !p.idempotent && notes.duplicate++ < NOTES_PER_KIND) {
                journal.note(`${nameOf(id)} applied record ${record.id} (partition ${t.partition + 1}, offset ${record.offset}) a second time`, "bad");
              }
              finish(t.partition, lane, record);
              return;
            }
            lane.attempts++;
            if (p.deadLetter && lane.attempts >= p.attempts) {
              sim.send(id, "dlq", "error", { op: "dead-letter", id: record.id });
              deadLetteredIds.add(record.id);
              journal.note(`The poison record failed ${lane.attempts} times: moved to the dead-letter queue; partition ${t.partition + 1} moves on`, "good");
              finish(t.partition, lane, record);
            } else {
              if (lane.attempts === 1 || (lane.attempts % 25 === 0 && notes.poison++ < NOTES_PER_KIND)) {
                journal.note(`The poison record on partition ${t.partition + 1} failed (attempt ${lane.attempts}); the partition waits behind it`, "bad");
              }
              sim.setTimer(id, RETRY_MS, { type: "retry", partition: t.partition });
            }
          }
        },
      });
      sim.network.connect("broker", id);
      if (p.deadLetter) sim.network.connect(id, "dlq");
      sim.setTimer(id, POLL_MS * ((c + 1) / consumerIds.length), { type: "poll" });
      // Consumers commit out of step with each other, as they would having started at different times.
      if (p.commit === "after") sim.setTimer(id, (COMMIT_MS * (c + 1)) / consumerIds.length, { type: "commit" });
    });

    if (p.crashAtS > 0 && consumerIds.includes(CRASHING)) {
      const at = p.crashAtS * 1000;
      // Marked when it happens (the chart's label stays short: markers a second apart must not collide).
      sim.schedule(at, "consumer 2 to crash mid-batch", () => {
        crashArmed = true;
        const lanes = lanesOf.get(CRASHING);
        if (lanes === undefined || ![...lanes.values()].some((l) => l.current !== null || l.queue.length > 0)) {
          if (topic.owned(CRASHING) === 0) crash(CRASHING);
        }
      });
      sim.schedule(at + CRASH_FALLBACK_MS, "crash fallback", () => crash(CRASHING));
    }

    /** Records behind the committed offset that nobody applied, parked or still holds to process. */
    const lostCount = (): number => {
      let lost = 0;
      for (const i of partitions) {
        const log = topic.records(i);
        const holder = topic.ownerOf(i);
        const lane = holder === null || holder === crashedId ? undefined : lanesOf.get(holder)?.get(i);
        const upTo = Math.min(topic.committed(i), log.length);
        for (let o = 0; o < upTo; o++) {
          const record = log[o];
          if (record === undefined || (appliedTimes[record.id] ?? 0) > 0 || deadLetteredIds.has(record.id)) continue;
          if (lane !== undefined && o >= lane.processedTo && o < lane.fetchedTo) continue;
          lost++;
        }
      }
      return lost;
    };

    const measure = (): ConsumerGroupMetrics => {
      const others = partitions.filter((i) => !(p.poison && i === poisonPartition));
      return {
        produced: nextId,
        applied: appliedTimes.reduce((n, times) => n + (times > 0 ? 1 : 0), 0),
        duplicatesApplied,
        duplicatesAbsorbed,
        lost: lostCount(),
        deadLettered,
        maxLag,
        poisonPartitionLag: p.poison ? topic.lag(poisonPartition) : 0,
        otherPartitionsLag: others.reduce((m, i) => Math.max(m, topic.lag(i)), 0),
        maxLagFrom5sAfterPoison: partitions.reduce((m, i) => Math.max(m, peakIn(lagSeries[i]?.points(sim.now) ?? [], POISON_AT_MS + 5000)), 0),
        idleConsumers: topic.idleMembers().length,
        crashedAtMs: crashedAtMs === null ? null : Math.round(crashedAtMs),
      };
    };

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Lag per partition", "records", partitions.map((i) => [`lag-${i + 1}`, `partition ${i + 1}`, lagSeries[i]?.points(sim.now) ?? []])),
        ...chart("Records applied per second", "records/s", [
          ["processed", "applied", processedRate.points(sim.now)],
          ["duplicates", "applied again", duplicateRate.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("duplicates", "Duplicates applied", m.duplicatesApplied),
        headline.count("lost", "Records lost", m.lost),
        headline.count("max-lag", "Maximum lag", m.maxLag, "records"),
        headline.count("dead-lettered", "Dead-lettered", m.deadLettered),
        headline.count("absorbed", "Duplicates skipped", m.duplicatesAbsorbed),
        headline.count("idle", "Idle consumers", m.idleConsumers),
      ],
      summary: (m) => {
        return (
          `${m.produced} records produced, ${m.applied} applied: ${m.duplicatesApplied} applied twice, ${m.lost} lost, ` +
          `${m.deadLettered} dead-lettered; the highest lag was ${m.maxLag} records and the poison record's partition ends ${m.poisonPartitionLag} behind.`
        );
      },
      tables: () => [
        {
          id: "partitions",
          rowHeader: "Partition",
          title: "Partitions",
          columns: ["owner", "lag", "applied twice"],
          rows: partitions.map((i) => {
            const lag = topic.lag(i);
            const owned = topic.ownerOf(i);
            return {
              label: `${i + 1}`,
              cells: [
                { text: owned === null ? "none" : owned.slice(1), tone: owned === null ? "bad" : "neutral" },
                { text: String(lag), tone: lag > NORMAL_LAG ? "bad" : "good" },
                cell.shouldBeZero(duplicatesBy[i] ?? 0),
              ],
            };
          }),
        },
      ],
    });
  },
});

function nameOf(node: string): string {
  return node.startsWith("c") ? `Consumer ${node.slice(1)}` : node;
}
