import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { CellTone, TableRow } from "../snapshot";
import { Arrivals, cell, chart, headline, Journal, param, poisson, RequestLedger, scenarioInstance, spread, Timeline, type ArrivalTimer } from "../kit";

/**
 * Lesson 19 (collaboration): a provider team changes its orders API on its own schedule while
 * three consumer teams call it. One second of the demo is one hour; the run is a fortnight.
 * Each change is one of:
 *   - add a field (additive: no consumer can break);
 *   - remove a field no consumer reads (safe, and only contracts can tell the provider so);
 *   - rename a field a consumer reads (breaking). The second change is always the rename of
 *     `customer`, which Billing reads, so every run has one.
 * Without contract tests a rename deploys, the consumers that read the old name fail every
 * request until the incident is detected and rolled back. With the consumers' contracts run
 * in the provider's pipeline the rename fails CI and never deploys. Either way the rename then
 * ships as expand and contract: add the new name beside the old, let each consumer move, and
 * remove the old name once no contract reads it.
 *
 * Simplifications: a deploy is instant; a consumer request fails if any field it reads is
 * missing; a consumer team moves to a new name 12–48 h after it is announced.
 */

const HOUR_MS = 1000;
const DURATION_MS = 14 * 24 * HOUR_MS;
const FIRST_CHANGE_MS = 12 * HOUR_MS;
const LINK = { latency: Latency.uniform(5, 20), loss: 0 };

interface Consumer {
  readonly id: string;
  readonly team: string;
  /** The fields this team reads: its contract. Changes when it moves to a renamed field. */
  readonly reads: string[];
}
const CONSUMERS = (): Consumer[] => [
  { id: "orders-ui", team: "Orders UI", reads: ["id", "status"] },
  { id: "billing", team: "Billing", reads: ["id", "customer", "total"] },
  { id: "shipping", team: "Shipping", reads: ["id", "status", "address"] },
];
const INITIAL_FIELDS = ["id", "status", "customer", "total", "address", "notes", "legacyCode"];
/** Fields a consumer reads, and the name each would be renamed to. */
const RENAMES: readonly (readonly [string, string])[] = [["status", "state"], ["total", "totalCents"], ["address", "shippingAddress"]];
const FORCED_RENAME: readonly [string, string] = ["customer", "customerName"];
const ADDITIONS = ["currency", "channel", "createdAt", "tags", "discount", "weight", "notesHtml", "priority", "region", "coupon", "giftWrap", "eta", "vat", "source"];
const UNUSED = ["notes", "legacyCode"];

type Change = { readonly kind: "add"; readonly field: string } | { readonly kind: "remove"; readonly field: string } | { readonly kind: "rename"; readonly from: string; readonly to: string };
type Verdict = "compatible" | "caught in CI" | "broke production";
const TONE: Record<Verdict, CellTone> = { compatible: "good", "caught in CI": "warn", "broke production": "bad" };

const describeChange = (change: Change): string => (change.kind === "rename" ? `rename ${change.from} to ${change.to}` : `${change.kind} ${change.field}`);
/** The same change in a few characters, for the table on a phone. */
const shortChange = (change: Change): string => (change.kind === "rename" ? `${change.from} → ${change.to}` : `${change.kind === "add" ? "+" : "−"} ${change.field}`);

type ApiMessage = { readonly op: "get-order"; readonly req: number } | { readonly op: "order"; readonly req: number; readonly fields: readonly string[] };

export type ContractTestsMetrics = {
  readonly requests: number;
  readonly failedInProduction: number;
  readonly changes: number;
  readonly breakingChanges: number;
  readonly caughtInCi: number;
  readonly brokeProduction: number;
  /** Non-breaking changes that a contract refused or that failed a request: always 0. */
  readonly safeChangesRefused: number;
  readonly hoursToRestore: number;
  /** Renames completed as expand and contract by the end of the run. */
  readonly renamesCompleted: number;
};

export const contractTests = defineScenario({
  id: "contract-tests",
  title: "A provider's API change and three consumer teams",
  lesson: "collaboration",
  description:
    "A provider team changes its orders API a few times a week while three consumer teams call it, on their own " +
    "schedules; one second here is one hour, over a fortnight. One change renames a field Billing reads. Run the " +
    "consumers' contracts in the provider's pipeline, or not, and watch where the break is found.",
  params: [
    param.toggle("contracts", "Consumer contracts in the provider's CI", false, "Each consumer's contract (the fields it reads) runs before every provider deploy."),
    param.number("perWeek", "Changes per week", { min: 1, max: 7, step: 1, default: 3, unit: "/week" }, "How often the provider deploys a change."),
    param.number("breakingShare", "Breaking share", { min: 0, max: 100, step: 10, default: 30, unit: "%" }, "Share of the other changes that rename a field a consumer reads."),
    param.number("restoreHours", "Hours to detect and roll back", { min: 1, max: 12, step: 1, default: 3, unit: "h" }, "From a bad deploy to its rollback: the alert, the diagnosis, the rollback."),
  ],
  presets: [
    { id: "naive", label: "No contract tests", description: "The rename reaches production; Billing fails until the rollback.", params: { contracts: false } },
    { id: "fixed", label: "Contracts in the provider's pipeline", description: "The rename fails CI and ships as expand then contract.", params: { contracts: true } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<ContractTestsMetrics> {
    const sim = new Simulation<ApiMessage, ArrivalTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const fields = new Set(INITIAL_FIELDS);
    const consumers = CONSUMERS();
    const ledgers = new Map(consumers.map((c) => [c.id, new RequestLedger(sim, { bucketMs: HOUR_MS, name: c.id })]));
    const outcomes: TableRow["cells"][] = [];
    const counts = { changes: 0, breaking: 0, caught: 0, broke: 0, safeRefused: 0, restoreMs: 0, renamesDone: 0 };

    // ---- the provider's plan: drawn first, so both presets see the same changes -------------
    const renames = [...RENAMES];
    const additions = [...ADDITIONS];
    const unused = [...UNUSED];
    const pick = (k: number): Change => {
      const draw = sim.rng.uniform(0, 100);
      if (k === 1) return { kind: "rename", from: FORCED_RENAME[0], to: FORCED_RENAME[1] };
      const rename = draw < p.breakingShare ? renames.shift() : undefined;
      if (rename) return { kind: "rename", from: rename[0], to: rename[1] };
      const removable = unused.length > 0 && sim.rng.uniform(0, 1) < 0.3 ? unused.shift() : undefined;
      return removable ? { kind: "remove", field: removable } : { kind: "add", field: additions.shift() ?? `field${k}` };
    };
    const everyMs = Math.round((7 * 24 * HOUR_MS) / p.perWeek);
    const plan: { at: number; change: Change; moveHours: number[] }[] = [];
    for (let k = 0, at = FIRST_CHANGE_MS; at < DURATION_MS - 24 * HOUR_MS; k++, at += everyMs) {
      plan.push({ at, change: pick(k), moveHours: consumers.map(() => sim.rng.uniform(12, 48)) });
    }

    // ---- the provider: answers with the fields it has now ----------------------------------
    sim.addNode({
      id: "provider", label: "Orders API", role: "server", x: 0.2, y: 0.5,
      gauges: () => [{ label: "fields", value: fields.size }],
      onMessage: (message) => { sim.send("provider", message.from, "response", { op: "order", req: message.payload.req, fields: [...fields] }); },
    });

    // ---- the consumer teams: each request needs every field its contract names -------------
    consumers.forEach((consumer, i) => {
      const ledger = ledgers.get(consumer.id) as RequestLedger;
      const arrivals = new Arrivals(sim, consumer.id, poisson(10));
      sim.addNode({
        id: consumer.id, label: consumer.team, role: "client", x: 0.8, y: spread(i, 3, 0.22),
        onTimer: () => {
          sim.send(consumer.id, "provider", "request", { op: "get-order", req: ledger.start() });
          arrivals.next();
        },
        onMessage: (message) => {
          if (message.payload.op !== "order") return;
          const id = message.payload.req;
          const have = new Set(message.payload.fields);
          if (consumer.reads.every((f) => have.has(f))) ledger.succeed(id);
          else ledger.fail(id);
        },
      });
      sim.network.connect(consumer.id, "provider");
      arrivals.next();
    });

    // ---- contracts: a change passes if every consumer still finds the fields it reads -------
    const breaks = (change: Change): Consumer[] => (change.kind === "add" ? [] : consumers.filter((c) => c.reads.includes(change.kind === "rename" ? change.from : change.field)));
    const apply = (change: Change): void => {
      if (change.kind === "add") fields.add(change.field);
      else if (change.kind === "remove") fields.delete(change.field);
      else { fields.delete(change.from); fields.add(change.to); }
    };

    /** Expand, let each consumer move, then contract once no contract reads the old name. */
    const expandThenContract = (from: string, to: string, moveHours: readonly number[]): void => {
      fields.add(to);
      journal.note(`expand: ${to} deployed beside ${from}`, "info");
      const movers = consumers.filter((c) => c.reads.includes(from));
      let last = sim.now;
      for (const c of movers) {
        const at = sim.now + Math.round((moveHours[consumers.indexOf(c)] ?? 24) * HOUR_MS);
        last = Math.max(last, at);
        sim.schedule(at, `${c.id} reads ${to}`, () => { c.reads[c.reads.indexOf(from)] = to; });
      }
      sim.schedule(last + 4 * HOUR_MS, `contract: remove ${from}`, () => {
        fields.delete(from);
        counts.renamesDone++;
        journal.note(`contract: ${from} removed; no consumer reads it any more`, "good");
      });
    };

    // ---- the provider's changes, on its own schedule ---------------------------------------
    plan.forEach(({ at, change, moveHours }, k) => {
      const n = k + 1;
      timeline.at(at, `${n}`, () => {
        const broken = breaks(change);
        counts.changes++;
        if (change.kind === "rename") counts.breaking++;
        const what = describeChange(change);
        const verdict: Verdict = broken.length === 0 ? "compatible" : p.contracts ? "caught in CI" : "broke production";
        outcomes[k] = consumers.map((c) => (broken.includes(c) ? { text: verdict, tone: TONE[verdict] } : { text: "compatible", tone: "good" }));
        if (change.kind !== "rename" && broken.length > 0) counts.safeRefused++;
        if (broken.length === 0) {
          apply(change);
          journal.note(`change ${n} (${what}) deployed${p.contracts ? ": every contract passed" : ""}`, "info");
          return;
        }
        if (change.kind !== "rename") return;
        const teams = broken.map((c) => c.team).join(" and ");
        const plural = broken.length > 1;
        if (p.contracts) {
          counts.caught++;
          journal.note(`change ${n} (${what}) failed CI: the contract${plural ? "s" : ""} of ${teams} read${plural ? "" : "s"} ${change.from}`, "good");
          expandThenContract(change.from, change.to, moveHours);
          return;
        }
        counts.broke++;
        apply(change);
        journal.note(`change ${n} (${what}) deployed: ${teams} fail${plural ? "" : "s"} every request`, "bad");
        sim.schedule(sim.now + p.restoreHours * HOUR_MS, `roll back change ${n}`, () => {
          counts.restoreMs += p.restoreHours * HOUR_MS;
          fields.delete(change.to);
          fields.add(change.from);
          journal.note(`change ${n} rolled back after ${p.restoreHours} h; it ships again as expand then contract`, "info");
          expandThenContract(change.from, change.to, moveHours);
        });
      });
    });

    // One row per planned change, from the start, so the table keeps its shape while it fills.
    const rows = (): TableRow[] =>
      plan.map(({ change }, k) => ({ label: `${k + 1}: ${shortChange(change)}`, cells: outcomes[k] ?? consumers.map(() => (cell.plain("not yet"))) }));

    const all = [...ledgers.values()];
    const measure = (): ContractTestsMetrics => ({
      requests: all.reduce((s, l) => s + l.started, 0),
      failedInProduction: all.reduce((s, l) => s + l.failures, 0),
      changes: counts.changes,
      breakingChanges: counts.breaking,
      caughtInCi: counts.caught,
      brokeProduction: counts.broke,
      safeChangesRefused: counts.safeRefused,
      hoursToRestore: counts.restoreMs / HOUR_MS,
      renamesCompleted: counts.renamesDone,
    });

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => chart("Failed requests per hour (1 s = 1 h; lines: changes)", "req/h", consumers.map((c) => [`failed-${c.id}`, c.team, (ledgers.get(c.id) as RequestLedger).failureRate.points(sim.now)])),
      headline: (m) => [
        headline.count("failed", "Requests failed in production", m.failedInProduction),
        headline.count("caught", "Breaking changes caught in CI", m.caughtInCi),
        headline.count("restore", "Hours to restore", m.hoursToRestore, "h"),
      ],
      summary: (m) => {
        return `${m.changes} changes so far, ${m.breakingChanges} of them breaking: ${m.caughtInCi} caught in CI, ${m.brokeProduction} reached production. ${m.failedInProduction} of ${m.requests} consumer requests failed; ${m.hoursToRestore} h spent restoring.`;
      },
      tables: () => [{ title: "Each change against each contract", id: "changes", rowHeader: "Change", columns: consumers.map((c) => c.team), rows: rows() }],
    });
  },
});
