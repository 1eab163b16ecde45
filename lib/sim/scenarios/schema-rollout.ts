import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { CellTone, TableRow } from "../snapshot";
import { Arrivals, chart, describe, scenarioInstance, spread, headline, Journal, param, percent, Timeline, type ArrivalTimer } from "../kit";
import { decode, encode, type FieldValue, type Schema, type Wire, type WireFormat } from "../kit/schema";

/**
 * Lesson 11 (serialization): six producers and six consumers exchange order messages through
 * a topic while a new schema version ships as a rolling upgrade, one service every 2 s from
 * 4 s, producers first, consumers first, or one of each at a time. For a while every mix of
 * writer and reader versions meets. What v2 changes is the learner's choice:
 *   - rename `customer` to `customerName` (JSON, keyed by name): each side misses the other's;
 *   - reuse field number 3, which was `quantity`, for `unitPriceCents` (binary, keyed by
 *     number): both are ints, so each side reads the other's number as its own, silently;
 *   - remove the required `totalCents`: v1 readers reject v2 messages, v2 readers ignore it;
 *   - add an optional `currency` with a default: v1 readers skip it, v2 readers default it.
 * Readers are tolerant (kit/schema.ts): unknown fields are ignored, missing optional ones
 * defaulted, a missing required field rejects the message. `read` below judges each message
 * against what the producer meant, so a silently wrong value is counted as misread.
 *
 * Simplifications: the topic hands messages to consumers in turn and never redelivers; a
 * rejected message is counted, not dead-lettered; an upgrade is instant.
 */

const DURATION_MS = 30_000;
const PRODUCERS = 6;
const CONSUMERS = 6;
const FIRST_UPGRADE_MS = 4000;
const UPGRADE_EVERY_MS = 2000;
const CHART_BUCKET_MS = 1000;
const LINK = { latency: Latency.uniform(1, 4), loss: 0 };
/** Six services in two columns of three, from x = left: room for a label under each circle. */
const grid = (i: number, left: number): { x: number; y: number } => ({ x: left + 0.14 * (i % 2), y: spread(Math.floor(i / 2), 3, 0.18) });

const V1: Schema = {
  version: 1,
  fields: [
    { name: "orderId", number: 1, type: "int", required: true },
    { name: "customer", number: 2, type: "string", required: true },
    { name: "quantity", number: 3, type: "int", required: true },
    { name: "totalCents", number: 4, type: "int", required: true },
  ],
};
const [ORDER_ID, CUSTOMER, QUANTITY, TOTAL] = V1.fields as [Schema["fields"][number], Schema["fields"][number], Schema["fields"][number], Schema["fields"][number]];

type Change = "rename" | "reuse-number" | "remove-required" | "add-optional";
/** Each change: the v2 schema, how messages are encoded, and what each v2 field means in v1's terms. */
const CHANGES: Record<Change, { readonly v2: Schema; readonly format: WireFormat }> = {
  rename: { format: "json", v2: { version: 2, fields: [ORDER_ID, { ...CUSTOMER, name: "customerName" }, QUANTITY, TOTAL] } },
  "reuse-number": {
    format: "binary",
    v2: {
      version: 2,
      fields: [ORDER_ID, CUSTOMER, { name: "unitPriceCents", number: 3, type: "int", required: true }, TOTAL, { name: "quantity", number: 5, type: "int", required: false, default: 1 }],
    },
  },
  "remove-required": { format: "binary", v2: { version: 2, fields: [ORDER_ID, CUSTOMER, QUANTITY] } },
  "add-optional": { format: "binary", v2: { version: 2, fields: [...V1.fields, { name: "currency", number: 5, type: "string", required: false, default: "EUR" }] } },
};
/** A renamed field means what its old name meant. */
const MEANING: Readonly<Record<string, string>> = { customerName: "customer" };

type Verdict = "ok" | "rejects" | "misreads";
interface Order {
  readonly orderId: number;
  readonly customer: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly totalCents: number;
  readonly currency: string;
}

/** The order as a writer of this schema holds it: each field under its own name. */
function asRecord(schema: Schema, order: Order): Record<string, FieldValue> {
  const values = order as unknown as Record<string, FieldValue>;
  const record: Record<string, FieldValue> = {};
  for (const field of schema.fields) {
    const value = values[MEANING[field.name] ?? field.name];
    if (value !== undefined) record[field.name] = value;
  }
  return record;
}

/**
 * The read rule, in plain view: the reader decodes with its own schema (tolerantly), and the
 * result is compared with the order the producer meant. A value that decodes but differs is a
 * misread: nothing failed, and the data is wrong.
 */
function read(wire: Wire, reader: Schema, format: WireFormat, meant: Order): { verdict: Verdict; detail: string } {
  const decoded = decode(reader, wire, format);
  if (!decoded.ok) return { verdict: "rejects", detail: decoded.reason };
  for (const field of reader.fields) {
    const got = decoded.record[field.name];
    const truth = (meant as unknown as Record<string, FieldValue>)[MEANING[field.name] ?? field.name];
    if (got !== truth) return { verdict: "misreads", detail: `field ${field.number} as ${field.name} = ${got} (meant ${truth})` };
  }
  return { verdict: "ok", detail: "" };
}

type RolloutMessage = { readonly op: "order"; readonly seq: number; readonly writer: 1 | 2; readonly wire: Wire; readonly meant: Order };
type RolloutTimer = ArrivalTimer;

export type SchemaRolloutMetrics = {
  readonly messages: number;
  readonly readOk: number;
  readonly rejected: number;
  readonly misread: number;
  /** v2 messages that v1 readers rejected: the field they need is missing. */
  readonly v1ReadersRejectingV2: number;
  readonly v2ReadersFailingV1: number;
  /** Producers and consumers on v2 at the end. */
  readonly producersOnV2: number;
  readonly consumersOnV2: number;
};

export const schemaRollout = defineScenario({
  id: "schema-rollout",
  title: "A schema change during a rolling upgrade",
  lesson: "serialization",
  description:
    "Six producers and six consumers exchange order messages while a new schema version rolls out, one service " +
    "every 2 s from 4 s, so old and new code meet. Pick the change and the order of the upgrade, and watch which " +
    "messages are rejected, which are read wrong without any error, and which pass.",
  params: [
    param.choice(
      "change",
      "What v2 changes",
      [["rename", "Rename a field (JSON)"], ["reuse-number", "Reuse a field number (binary)"], ["remove-required", "Remove a required field"], ["add-optional", "Add an optional field with a default"]],
      "rename",
      "The schema change the new version ships.",
    ),
    param.choice(
      "order",
      "Upgrade order",
      [["producers-first", "Producers first"], ["consumers-first", "Consumers first"], ["together", "One of each at a time"]],
      "producers-first",
      "Which side upgrades first; one service every 2 s from 4 s.",
    ),
    param.number("rate", "Messages per producer", { min: 5, max: 30, step: 5, default: 15, unit: "msg/s" }, "Orders each producer writes per second."),
  ],
  presets: [
    { id: "naive", label: "Rename a field", description: "JSON readers of either version miss the other's field name.", params: { change: "rename", order: "producers-first" } },
    { id: "reuse", label: "Reuse a field number", description: "Binary readers read price as quantity and carry on.", params: { change: "reuse-number", order: "producers-first" } },
    { id: "readers-first", label: "Remove a required field, readers first", description: "A backward-compatible change is safe once every reader is new.", params: { change: "remove-required", order: "consumers-first" } },
    { id: "fixed", label: "Add an optional field", description: "Tolerant readers and a default: every mix reads correctly, in any order.", params: { change: "add-optional", order: "producers-first" } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<SchemaRolloutMetrics> {
    const sim = new Simulation<RolloutMessage, RolloutTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const { v2, format } = CHANGES[p.change];
    const schemaOf = (version: 1 | 2): Schema => (version === 1 ? V1 : v2);
    const producerVersion: (1 | 2)[] = Array.from({ length: PRODUCERS }, () => 1);
    const consumerVersion: (1 | 2)[] = Array.from({ length: CONSUMERS }, () => 1);
    const counts: Record<Verdict, number> = { ok: 0, rejects: 0, misreads: 0 };
    const pairCounts = new Map<string, number>(); // "writer reader verdict" → count
    const rates = { ok: sim.metrics.rate("read ok", CHART_BUCKET_MS), rejects: sim.metrics.rate("rejected", CHART_BUCKET_MS), misreads: sim.metrics.rate("misread", CHART_BUCKET_MS) };
    const onV2 = { producers: sim.metrics.gauge("producers on v2", CHART_BUCKET_MS), consumers: sim.metrics.gauge("consumers on v2", CHART_BUCKET_MS) };
    const noted = new Set<string>();
    let v1RejectingV2 = 0;
    let v2FailingV1 = 0;
    let seq = 0;

    // ---- producers: each writes orders with its current schema ----------------------------
    for (let i = 0; i < PRODUCERS; i++) {
      const id = `p${i + 1}`;
      const arrivals = new Arrivals(sim, id, (rng) => rng.exponential(1000 / p.rate));
      sim.addNode({
        id, label: `P${i + 1}`, role: "producer", ...grid(i, 0.08),
        gauges: () => [{ label: "v", value: producerVersion[i] ?? 1 }],
        onTimer: () => {
          const writer = producerVersion[i] ?? 1;
          const quantity = sim.rng.int(1, 5);
          const unitPriceCents = 100 * sim.rng.int(5, 40) - 1;
          const meant: Order = { orderId: ++seq, customer: `cust-${sim.rng.int(100, 999)}`, quantity, unitPriceCents, totalCents: quantity * unitPriceCents, currency: "EUR" };
          const wire = encode(schemaOf(writer), asRecord(schemaOf(writer), meant), format);
          sim.send(id, "topic", "request", { op: "order", seq: meant.orderId, writer, wire, meant });
          arrivals.next();
        },
      });
      sim.network.connect(id, "topic");
      arrivals.next();
    }

    // ---- the topic: hands each message to the consumers in turn ---------------------------
    let turn = 0;
    sim.addNode({
      id: "topic", label: "Topic", role: "queue", x: 0.5, y: 0.5,
      onMessage: (message) => {
        sim.send("topic", `c${(turn % CONSUMERS) + 1}`, "request", message.payload);
        turn++;
      },
    });

    // ---- consumers: each reads with its current schema ------------------------------------
    for (let j = 0; j < CONSUMERS; j++) {
      const id = `c${j + 1}`;
      sim.addNode({
        id, label: `C${j + 1}`, role: "consumer", ...grid(j, 0.78),
        gauges: () => [{ label: "v", value: consumerVersion[j] ?? 1 }],
        onMessage: (message) => {
          const m = message.payload;
          const reader = consumerVersion[j] ?? 1;
          const { verdict, detail } = read(m.wire, schemaOf(reader), format, m.meant);
          counts[verdict]++;
          rates[verdict].add(sim.now);
          const pair = `${m.writer} ${reader} ${verdict}`;
          pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
          if (verdict === "ok") return;
          if (reader === 1 && m.writer === 2 && verdict === "rejects") v1RejectingV2++;
          if (reader === 2 && m.writer === 1) v2FailingV1++;
          const key = `${id} ${m.writer} ${verdict}`;
          if (noted.has(key)) return;
          noted.add(key);
          journal.note(
            verdict === "rejects"
              ? `${id} (v${reader}) rejected a v${m.writer} message: ${detail}`
              : `${id} (v${reader}) read a v${m.writer} message: ${detail}`,
            "bad",
          );
        },
      });
      sim.network.connect("topic", id);
    }

    // ---- the rollout: one service every 2 s from 4 s ---------------------------------------
    const steps: { side: "producers" | "consumers"; index: number }[] = [];
    const side = (s: "producers" | "consumers"): { side: "producers" | "consumers"; index: number }[] => Array.from({ length: 6 }, (_, index) => ({ side: s, index }));
    if (p.order === "producers-first") steps.push(...side("producers"), ...side("consumers"));
    else if (p.order === "consumers-first") steps.push(...side("consumers"), ...side("producers"));
    const upgrade = (s: "producers" | "consumers", index: number): void => {
      const versions = s === "producers" ? producerVersion : consumerVersion;
      versions[index] = 2;
      onV2[s].set(sim.now, versions.filter((v) => v === 2).length);
      if (versions.every((v) => v === 2)) journal.note(`every ${s === "producers" ? "producer" : "consumer"} is on v2`, "good");
      else if (versions.filter((v) => v === 2).length === 1) journal.note(`${s === "producers" ? "p" : "c"}${index + 1} is the first ${s === "producers" ? "producer" : "consumer"} on v2`, "info");
    };
    const stepAt = (k: number): number => FIRST_UPGRADE_MS + k * UPGRADE_EVERY_MS;
    // Chart markers at the first and the last step; the chart of services on v2 shows the rest.
    const order = p.order === "together" ? [0, 1, 2, 3, 4, 5].map((k) => [{ side: "producers" as const, index: k }, { side: "consumers" as const, index: k }]) : steps.map((step) => [step]);
    order.forEach((group, k) => {
      const run = (): void => group.forEach((step) => upgrade(step.side, step.index));
      if (k === 0) timeline.at(stepAt(k), "upgrade starts", run);
      else if (k === order.length - 1) timeline.at(stepAt(k), "all on v2", run);
      else sim.schedule(stepAt(k), `upgrade step ${k + 1}`, run);
    });

    const measure = (): SchemaRolloutMetrics => ({
      messages: counts.ok + counts.rejects + counts.misreads,
      readOk: counts.ok,
      rejected: counts.rejects,
      misread: counts.misreads,
      v1ReadersRejectingV2: v1RejectingV2,
      v2ReadersFailingV1: v2FailingV1,
      producersOnV2: producerVersion.filter((v) => v === 2).length,
      consumersOnV2: consumerVersion.filter((v) => v === 2).length,
    });

    // The matrix: what each writer/reader pair does (judged on a sample order), and how often it met in this run.
    const sample: Order = { orderId: 1, customer: "cust-100", quantity: 2, unitPriceCents: 1999, totalCents: 3998, currency: "EUR" };
    const TONE: Record<Verdict, CellTone> = { ok: "good", rejects: "warn", misreads: "bad" };
    const matrix = (): TableRow[] =>
      ([1, 2] as const).map((writer) => ({
        label: `writer v${writer}`,
        cells: ([1, 2] as const).map((reader) => {
          const { verdict } = read(encode(schemaOf(writer), asRecord(schemaOf(writer), sample), format), schemaOf(reader), format, sample);
          return { text: `${verdict} · ${pairCounts.get(`${writer} ${reader} ${verdict}`) ?? 0}`, tone: TONE[verdict] };
        }),
      }));

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Messages per second", "msg/s", [
          ["rejected", "rejected", rates.rejects.points(sim.now)],
          ["misread", "misread silently", rates.misreads.points(sim.now)],
          ["ok", "read correctly", rates.ok.points(sim.now)],
        ]),
        ...chart("Services on v2", "services", [
          ["producers-v2", "producers", onV2.producers.points(sim.now)],
          ["consumers-v2", "consumers", onV2.consumers.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("rejected", "Messages rejected", m.rejected),
        headline.count("misread", "Messages misread silently", m.misread),
        headline.count("read-ok", "Messages read correctly", m.readOk),
      ],
      summary: (m) => {
        return `Of ${m.messages} messages, ${m.rejected} were rejected and ${m.misread} were read wrong without any error (${describe(percent(m.rejected + m.misread, m.messages), "%")} in all); ${m.producersOnV2} of 6 producers and ${m.consumersOnV2} of 6 consumers are on v2.`;
      },
      tables: () => [{ id: "compat", title: "Who can read what (messages seen)", rowHeader: "Writer", columns: ["reader v1", "reader v2"], rows: matrix() }],
    });
  },
});
