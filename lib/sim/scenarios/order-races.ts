import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  Arrivals, cell, chart, Client, column, headline, isClientTimer, Journal, noBackoff, param, poisson, RequestLedger, scenarioInstance, WorkerPool,
  type ArrivalTimer, type ClientTimer, type Served,
} from "../kit";

/**
 * Lesson 8 (concurrency): four clients place orders with two app instances. For each order
 * an instance reads the stock level from the store, writes back one less (read-modify-write),
 * charges the card through the payment service, and answers the client. Some answers are
 * lost on the way back (a dropped connection), so the client times out and retries the
 * order on the other instance, which does all of it again.
 *
 * - Without a version check, two orders that read the same stock level both write their
 *   decrement and one is lost: the shop sells a unit the stock never records. With
 *   compare-and-set the store refuses a write whose read is stale, and the instance re-reads
 *   and tries again (a conflict retried, nothing lost).
 * - Without idempotency keys, a retry of an order that already went through charges the card
 *   a second time and takes a second unit off the stock. With keys (the order id, stored by
 *   the payment service with the charge and by the store with the stock update, in the same
 *   step as the effect), a retry finds the stored result and changes nothing.
 *
 * With both, the final stock equals the initial stock minus the orders charged, whatever the
 * interleaving. Simplifications: the store answers at once (no locks, no disk); only the
 * instances' answers to clients are lost; orders stop 2 s before the end so every retry has
 * finished when the run is measured. The lease and fencing-token part of the lesson is not
 * modelled here.
 */

const DURATION_MS = 20_000;
/** No new orders after this, so every order and its retries end before the run does. */
const LAST_ORDER_MS = 18_000;
const CLIENTS = 4;
const APPS = ["app1", "app2"] as const;
const INITIAL_STOCK = 1000;
const LINK = { latency: Latency.uniform(1, 4), loss: 0 };
const PAYMENT_WORKERS = 8;
const PAYMENT_TIME = Latency.logNormal(25, 0.4);
const MAX_ATTEMPTS = 3;
const BUCKET_MS = 500;
/** Each kind of notable event is written out this many times, then only counted. */
const NOTES_PER_KIND = 6;

type App = (typeof APPS)[number];

type OrderMessage =
  | { readonly op: "order"; readonly order: number; readonly call: number }
  | { readonly op: "done"; readonly order: number; readonly call: number }
  | { readonly op: "read"; readonly flow: number }
  | { readonly op: "stock"; readonly flow: number; readonly stock: number; readonly version: number }
  | { readonly op: "write"; readonly flow: number; readonly order: number; readonly stock: number; readonly readVersion: number }
  | { readonly op: "written"; readonly flow: number }
  | { readonly op: "conflict"; readonly flow: number }
  | { readonly op: "charge"; readonly flow: number; readonly order: number }
  | { readonly op: "charged"; readonly flow: number };

interface ChargeJob {
  readonly flow: number;
  readonly order: number;
  readonly app: App;
}

type OrderTimer = ArrivalTimer | ClientTimer | Served<ChargeJob>;

/** One attempt of one order inside an app instance. */
interface Flow {
  readonly order: number;
  readonly call: number;
  readonly client: string;
}

export type OrderRacesMetrics = {
  readonly orders: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly retries: number;
  /** Distinct orders the payment service charged at least once. */
  readonly ordersCharged: number;
  /** Orders charged more than once. */
  readonly ordersChargedTwice: number;
  /** Acknowledged orders whose card was not charged exactly once. */
  readonly acknowledgedNotChargedOnce: number;
  /** Stock writes applied although another write had landed since their read. */
  readonly lostUpdates: number;
  /** Stock decrements applied a second time for the same order (a retry without a key). */
  readonly repeatedDecrements: number;
  /** Writes refused by compare-and-set and retried from a fresh read. */
  readonly conflictsRetried: number;
  /** Retries answered from a stored result (payment or stock) instead of done again. */
  readonly replaysFromKey: number;
  readonly finalStock: number;
  /** Final stock minus (initial stock − orders charged): positive is oversold, negative lost stock. */
  readonly stockError: number;
};

export const orderRaces = defineScenario({
  id: "order-races",
  title: "Order races: lost updates and double charges",
  lesson: "concurrency",
  description:
    "Four clients order from a shop of two app instances. Each order reads the stock, writes back " +
    "one less and charges the card; some answers to clients are lost and the clients retry. With " +
    "no protection, overlapping orders lose stock updates and retries charge cards twice. Turn on " +
    "compare-and-set and watch the lost updates become retried conflicts; turn on idempotency keys " +
    "and watch the double charges stop.",
  params: [
    param.toggle("compareAndSet", "Compare-and-set", false, "A stock write names the version it read; the store refuses it if the stock changed since."),
    param.toggle("idempotencyKeys", "Idempotency keys", false, "The order id is stored with the charge and with the stock update; a retry gets the stored result."),
    param.number("orderRate", "Orders", { min: 5, max: 80, step: 5, default: 20, unit: "req/s" }, "Orders a second from the four clients together."),
    param.number("replyLoss", "Answers lost", { min: 0, max: 20, step: 1, default: 5, unit: "%" }, "Share of the instances' answers to clients that never arrive."),
    param.number("timeoutMs", "Client timeout", { min: 100, max: 1000, step: 50, default: 300, unit: "ms" }, "How long a client waits before retrying (3 tries in all)."),
  ],
  presets: [
    { id: "naive", label: "No protection", description: "Blind stock writes, no idempotency keys.", params: { compareAndSet: false, idempotencyKeys: false } },
    { id: "cas", label: "Compare-and-set only", description: "No lost stock updates; retries still charge twice.", params: { compareAndSet: true, idempotencyKeys: false } },
    { id: "keys", label: "Idempotency keys only", description: "No double charges; overlapping orders still lose stock updates.", params: { compareAndSet: false, idempotencyKeys: true } },
    { id: "fixed", label: "Both", description: "Compare-and-set and idempotency keys: the stock and the charges add up.", params: { compareAndSet: true, idempotencyKeys: true } },
  ],
  durationMs: () => DURATION_MS,
  check: {
    label: "no order is charged twice and the stock equals the initial stock minus the orders charged",
    seeds: 30,
    passes: (m: OrderRacesMetrics) => m.ordersChargedTwice === 0 && m.stockError === 0,
  },
  build(p, seed, options): ScenarioInstance<OrderRacesMetrics> {
    const sim = new Simulation<OrderMessage, OrderTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const journal = new Journal(sim);
    const requests = new RequestLedger(sim, { bucketMs: BUCKET_MS });
    const chargedTwiceSeries = sim.metrics.gauge("orders charged twice", BUCKET_MS);
    const lostSeries = sim.metrics.gauge("stock updates lost", BUCKET_MS);
    const conflictSeries = sim.metrics.gauge("conflicts retried", BUCKET_MS);
    const notes = { chargedTwice: 0, lost: 0, conflict: 0, replay: 0 };
    const acknowledgedOrders: number[] = [];
    const byApp = { app1: { handled: 0, overwrote: 0, conflicts: 0 }, app2: { handled: 0, overwrote: 0, conflicts: 0 } };

    // ---- the store: one stock level with a version; with keys it also records the orders applied --
    let stock = INITIAL_STOCK;
    let version = 0;
    let lastWriter = "";
    let lostUpdates = 0;
    let repeatedDecrements = 0;
    let conflictsRetried = 0;
    let replaysFromKey = 0;
    const decrementedOrders = new Set<number>();
    sim.addNode({
      id: "store",
      label: "Store",
      role: "store",
      x: 0.82,
      y: 0.25,
      gauges: () => [
        { label: "stock", value: stock },
        { label: "version", value: version },
      ],
      onMessage: ({ from, payload: m }) => {
        if (m.op === "read") {
          sim.send("store", from, "response", { op: "stock", flow: m.flow, stock, version });
        } else if (m.op === "write") {
          const writer = from === "app2" ? byApp.app2 : byApp.app1;
          if (p.idempotencyKeys && decrementedOrders.has(m.order)) {
            replaysFromKey++;
            if (notes.replay++ < NOTES_PER_KIND) journal.note(`Order ${m.order} retried: the store finds its key and takes no second unit`, "good");
            sim.send("store", from, "response", { op: "written", flow: m.flow });
            return;
          }
          if (p.compareAndSet && m.readVersion !== version) {
            conflictSeries.set(sim.now, ++conflictsRetried);
            writer.conflicts++;
            if (notes.conflict++ < NOTES_PER_KIND) journal.note(`${nameOf(from)}'s stock write refused: the stock changed since its read, so it reads again`);
            sim.send("store", from, "error", { op: "conflict", flow: m.flow });
            return;
          }
          if (m.readVersion !== version) {
            lostSeries.set(sim.now, ++lostUpdates);
            writer.overwrote++;
            if (notes.lost++ < NOTES_PER_KIND) {
              const whose = lastWriter === from ? "its own earlier one" : `${nameOf(lastWriter)}'s`;
              const units = version - m.readVersion === 1 ? "one sold unit" : `${version - m.readVersion} sold units`;
              journal.note(`${nameOf(from)}'s stock write overwrote ${whose}: ${units} missing from the stock`, "bad");
            }
          }
          if (decrementedOrders.has(m.order)) repeatedDecrements++;
          decrementedOrders.add(m.order);
          stock = m.stock;
          version++;
          lastWriter = from;
          sim.send("store", from, "response", { op: "written", flow: m.flow });
        }
      },
    });

    // ---- the payment service: charges cards; with keys it stores the order id with the charge --
    const charges = new Map<number, number>();
    let ordersChargedTwice = 0;
    const payments = new WorkerPool<ChargeJob>(sim, "payments", {
      workers: PAYMENT_WORKERS,
      serviceTime: PAYMENT_TIME,
      onDone: ({ flow, order, app }) => {
        const before = charges.get(order) ?? 0;
        if (p.idempotencyKeys && before > 0) {
          replaysFromKey++;
          if (notes.replay++ < NOTES_PER_KIND) journal.note(`Order ${order} retried: the payment service returns the stored charge`, "good");
        } else {
          charges.set(order, before + 1);
          if (before === 1) {
            chargedTwiceSeries.set(sim.now, ++ordersChargedTwice);
            if (notes.chargedTwice++ < NOTES_PER_KIND) journal.note(`Order ${order} charged twice: the client retried after its answer was lost`, "bad");
          }
        }
        sim.send("payments", app, "response", { op: "charged", flow });
      },
    });
    sim.addNode({
      id: "payments",
      label: "Payments",
      role: "server",
      x: 0.82,
      y: 0.75,
      gauges: () => [
        { label: "charges", value: sumOf(charges) },
        { label: "busy", value: payments.busy },
      ],
      onMessage: ({ from, payload: m }) => {
        if (m.op === "charge" && (from === "app1" || from === "app2")) payments.offer({ flow: m.flow, order: m.order, app: from });
      },
      onTimer: (timer) => {
        if (timer.payload.type === "served") payments.finish(timer.payload);
      },
    });

    // ---- the app instances: read stock, write one less (again on a conflict), charge, answer --
    APPS.forEach((app, i) => {
      const flows = new Map<number, Flow>();
      let nextFlow = 0;
      sim.addNode({
        id: app,
        label: `App ${i + 1}`,
        role: "server",
        ...column(i, APPS.length, 0.47, 0.25),
        gauges: () => [{ label: "orders", value: flows.size }],
        onMessage: ({ from, payload: m }) => {
          if (m.op === "order") {
            byApp[app].handled++;
            const flow = nextFlow++;
            flows.set(flow, { order: m.order, call: m.call, client: from });
            sim.send(app, "store", "request", { op: "read", flow });
            return;
          }
          const f = "flow" in m ? flows.get(m.flow) : undefined;
          if (f === undefined || !("flow" in m)) return;
          if (m.op === "stock") {
            sim.send(app, "store", "request", { op: "write", flow: m.flow, order: f.order, stock: m.stock - 1, readVersion: m.version });
          } else if (m.op === "conflict") {
            sim.send(app, "store", "retry", { op: "read", flow: m.flow });
          } else if (m.op === "written") {
            sim.send(app, "payments", "request", { op: "charge", flow: m.flow, order: f.order });
          } else if (m.op === "charged") {
            flows.delete(m.flow);
            sim.send(app, f.client, "response", { op: "done", order: f.order, call: f.call });
          }
        },
      });
      sim.network.connect(app, "store");
      sim.network.connect(app, "payments");
    });

    // ---- clients: open-loop orders; a retry goes to the other instance ----------------------
    for (let c = 0; c < CLIENTS; c++) {
      const id = `c${c + 1}`;
      let nextApp = c % APPS.length;
      // Orders arrive from their own random stream, so every preset sees the same orders.
      const orderStream = sim.rng.fork();
      const gap = poisson(p.orderRate / CLIENTS);
      const arrivals = new Arrivals(sim, id, () => gap(orderStream));
      const client = new Client(sim, {
        node: id,
        requests,
        timeoutMs: p.timeoutMs,
        retry: { maxAttempts: MAX_ATTEMPTS, backoff: noBackoff, budget: null, breaker: null },
        target: (previous) => {
          if (previous !== null) return previous === "app1" ? "app2" : "app1";
          const app = APPS[nextApp] ?? "app1";
          nextApp = (nextApp + 1) % APPS.length;
          return app;
        },
        message: ({ request, call }): OrderMessage => ({ op: "order", order: request, call }),
      });
      sim.addNode({
        id,
        label: `Client ${c + 1}`,
        role: "client",
        ...column(c, CLIENTS, 0.12),
        onTimer: (timer) => {
          const t = timer.payload;
          if (isClientTimer(t)) client.onTimer(t);
          else if (t.type === "arrival") {
            client.issue(requests.start());
            if (sim.now < LAST_ORDER_MS) arrivals.next();
          }
        },
        onMessage: ({ payload: m }) => {
          if (m.op !== "done") return;
          const waiting = requests.isInFlight(m.order);
          client.reply(m.call);
          if (waiting && !requests.isInFlight(m.order)) acknowledgedOrders.push(m.order);
        },
      });
      for (const app of APPS) {
        sim.network.setLink(app, id, { latency: LINK.latency, loss: p.replyLoss / 100 });
        sim.network.connect(id, app);
      }
      arrivals.next();
    }

    const measure = (): OrderRacesMetrics => {
      const ordersCharged = charges.size;
      return {
        orders: requests.started,
        acknowledged: requests.ok,
        failed: requests.failures,
        retries: requests.retries,
        ordersCharged,
        ordersChargedTwice,
        acknowledgedNotChargedOnce: acknowledgedOrders.filter((order) => charges.get(order) !== 1).length,
        lostUpdates,
        repeatedDecrements,
        conflictsRetried,
        replaysFromKey,
        finalStock: stock,
        stockError: stock - (INITIAL_STOCK - ordersCharged),
      };
    };

    return scenarioInstance({
      sim, measure, journal,
      charts: () => [
        ...chart("Orders per second", "orders/s", [
          ["ok", "acknowledged", requests.okRate.points(sim.now)],
          ["failed", "failed", requests.failureRate.points(sim.now)],
        ]),
        ...chart("Damage so far", "orders", [
          ["charged-twice", "orders charged twice", chargedTwiceSeries.points(sim.now)],
          ["lost", "stock updates lost", lostSeries.points(sim.now)],
          ["conflicts", "conflicts retried (harmless)", conflictSeries.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("charged-twice", "Orders charged twice", m.ordersChargedTwice),
        headline.count("lost-updates", "Stock updates lost", m.lostUpdates),
        headline.count("conflicts", "Conflicts retried", m.conflictsRetried),
        headline.count("stock-error", "Stock off by", m.stockError, "units"),
        headline.count("replays", "Retries answered by key", m.replaysFromKey),
        headline.count("failed", "Orders failed", m.failed),
      ],
      summary: (m) => {
        const off =
          m.stockError === 0
            ? "matches the orders charged"
            : `is ${Math.abs(m.stockError)} units ${m.stockError > 0 ? "above" : "below"} what the orders charged leave`;
        return (
          `${m.orders} orders, ${m.retries} retried: ${m.ordersChargedTwice} charged twice, ${m.lostUpdates} stock updates lost, ` +
          `${m.conflictsRetried} conflicts retried; the stock reads ${m.finalStock} and ${off}.`
        );
      },
      tables: () => [
        {
          id: "instances",
          rowHeader: "Instance",
          title: "What each instance did",
          columns: ["orders", "lost", "conflicts"],
          rows: APPS.map((app, i) => {
            const a = byApp[app];
            return {
              label: `App ${i + 1}`,
              cells: [
                cell.plain(a.handled),
                cell.shouldBeZero(a.overwrote),
                cell.plain(a.conflicts),
              ],
            };
          }),
        },
      ],
    });
  },
});

function nameOf(node: string): string {
  return node === "app1" ? "App 1" : node === "app2" ? "App 2" : node;
}

function sumOf(counts: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}
