import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { CellTone, TableCell, TableRow } from "../snapshot";
import { Arrivals, chart, headline, Journal, param, RequestLedger, scenarioInstance, spread, Timeline, type ArrivalTimer } from "../kit";

/**
 * Lesson 17 (versioning): an orders API and three cohorts of clients, over 60 days (one second
 * of the demo is one day). Each of 200 clients lists its orders about once a day:
 *
 *   - the mobile app, 80 installs, on `/v1/orders`, whose orders carry `total`;
 *   - the web app, 100 sessions, on `/v2/orders`, where `amount` replaced `total`;
 *   - a partner's integration, 20 stores, on `/v2/orders`. Its sync job takes the last order
 *     of each page as the newest one, because the API has always sorted by id, though the
 *     documentation never promised it.
 *
 * On day 20 the provider ships the change the learner picks:
 *   - add a field (`discount`): every client ignores fields it does not read, nobody breaks;
 *   - remove `total` from v1 in place: every mobile client still on v1 breaks;
 *   - stop sorting (a new index): no documented field changes, and the partner breaks anyway,
 *     on every page whose newest order is not last (Hyrum's law);
 *   - deprecate v1: its responses carry Deprecation and Sunset (day 40) headers. The owners of
 *     clients that read them move to v2 within *Days to move* of first seeing them; the share
 *     that never upgrades on its own ignores them. The provider tracks the version of each
 *     client's latest call. At the Sunset date it either retires v1 (410 Gone), or, waiting for
 *     zero usage, contacts the owners of the clients its tracking still sees on v1 (they move
 *     within the same number of days) and retires v1 on the first day no client is left on it.
 *
 * The failures happen in the clients: the provider answers 200 to every request it breaks,
 * except the 410s of a retired v1, and nobody rolls the change back.
 */

const DAY_MS = 1000;
const DURATION_MS = 60 * DAY_MS;
const CHANGE_AT_MS = 20 * DAY_MS;
const SUNSET_AT_MS = 40 * DAY_MS;
const USAGE_REPORT_EVERY_MS = 5 * DAY_MS;
/** Day 0 is Monday 2 March 2026; the change ships on day 20, the sunset is on day 40. */
const DEPRECATION_HEADER = "Deprecation: @1774137600";
const SUNSET_HEADER = "Sunset: Sat, 11 Apr 2026 00:00:00 GMT";
const REQUESTS_PER_CLIENT_PER_DAY = 1;
/** The partner's pages hold the orders since its last call: 1 to 20. */
const MAX_PAGE = 20;
const LINK = { latency: Latency.uniform(5, 20), loss: 0 };

type Version = 1 | 2;
type CohortId = "mobile" | "web" | "partner";
const COHORTS: readonly { readonly id: CohortId; readonly label: string; readonly column: string; readonly clients: number; readonly version: Version; readonly prefix: string }[] = [
  { id: "mobile", label: "Mobile app (v1)", column: "mobile", clients: 80, version: 1, prefix: "m" },
  { id: "web", label: "Web app (v2)", column: "web", clients: 100, version: 2, prefix: "w" },
  { id: "partner", label: "Partner (v2)", column: "partner", clients: 20, version: 2, prefix: "p" },
];
const CLIENTS = COHORTS.reduce((n, c) => n + c.clients, 0);

type Change = "add" | "remove" | "unsort" | "deprecate";
/** What broke a request: a field or version taken away, or a behaviour never promised. */
type Breakage = "removal" | "order";

interface ApiClient {
  readonly name: string;
  readonly cohort: CohortId;
  version: Version;
  /** Never upgrades on its own: ignores Deprecation and Sunset; only a direct contact moves it. */
  readonly ignoresHeaders: boolean;
  /** Where in the window of *Days to move* it moves, after the headers and after a contact. */
  readonly moveAfterHeaders: number;
  readonly moveAfterContact: number;
  moveAt: number | null;
  everBroken: boolean;
  brokenNow: boolean;
}

/** What a client can observe of an answer. */
interface Answer {
  readonly status: 200 | 410;
  readonly hasTotal: boolean;
  readonly hasDiscount: boolean;
  readonly newestLast: boolean;
  readonly pageSize: number;
  readonly deprecated: boolean;
}
type ApiMessage =
  | { readonly op: "list-orders"; readonly client: number; readonly version: Version; readonly req: number }
  | { readonly op: "orders"; readonly client: number; readonly version: Version; readonly req: number; readonly answer: Answer };

export type ApiEvolutionMetrics = {
  readonly requests: number;
  /** Requests not answered yet when the run ends. */
  readonly inFlight: number;
  readonly brokenRequests: number;
  readonly brokenByRemoval: number;
  readonly brokenByOrder: number;
  readonly brokenClients: number;
  readonly brokenMobileClients: number;
  readonly brokenWebClients: number;
  readonly brokenPartnerClients: number;
  /** Clients on v1, which has `total`, when the change shipped. */
  readonly v1ClientsAtChange: number;
  /** Seen by the provider: clients that called v1 after the change, and those calls. */
  readonly clientsCallingV1AfterChange: number;
  readonly v1RequestsAfterChange: number;
  /** Documented fields the change took away from a version still served (0 or 1). */
  readonly fieldsRemoved: number;
  /** Clients whose latest call was to v1, by the provider's usage tracking. */
  readonly trackedV1Callers: number;
  readonly clientsOnV1: number;
  /** Mobile clients that never upgrade on their own (they ignore the headers). */
  readonly ignoringHeaders: number;
  /** Clients the provider's tracking still saw on v1 at the Sunset date. */
  readonly clientsAtSunset: number | null;
  readonly v1RetiredDay: number | null;
  readonly deprecationToRemovalDays: number | null;
};

const CHANGE_MARK: Record<Change, string> = { add: "add discount", remove: "remove total", unsort: "stop sorting", deprecate: "deprecate v1" };
const day = (ms: number): number => Math.floor(ms / DAY_MS);

export const apiEvolution = defineScenario({
  id: "api-evolution",
  title: "Changing an API that 200 clients use",
  lesson: "versioning",
  description:
    "An orders API serves a mobile app still on v1 (it reads total), a web app on v2, and a partner whose sync job " +
    "relies on orders sorted by id, which was never promised. One second here is one day. On day 20 the provider " +
    "ships a change: pick one and count the requests and clients it breaks.",
  params: [
    param.choice("change", "The change on day 20", [["remove", "Remove total from v1"], ["unsort", "Stop sorting by id"], ["add", "Add a field"], ["deprecate", "Deprecate v1, then retire it"]], "remove", "What the provider ships."),
    param.number("moveDays", "Days to move", { min: 1, max: 20, step: 1, default: 10, unit: "days" }, "After the Deprecation header (or a direct contact), each client's owner moves it to v2 within this many days."),
    param.number("neverPercent", "Mobile clients that never upgrade on their own", { min: 0, max: 50, step: 5, default: 20, unit: "%" }, "They ignore Deprecation and Sunset; only a direct contact moves them."),
    param.toggle("waitForZero", "Wait for zero usage", true, "At the Sunset date, contact whoever still calls v1 and retire v1 only once no client is left on it. Off: retire it at the Sunset date."),
  ],
  presets: [
    { id: "remove", label: "Remove the field", description: "total disappears from v1 on day 20; the mobile clients break.", params: { change: "remove" } },
    { id: "unsort", label: "Change the order", description: "No field changes; orders stop coming sorted by id, and the partner breaks.", params: { change: "unsort" } },
    { id: "add", label: "Add a field", description: "discount appears in every order; nobody reads it, nobody breaks.", params: { change: "add" } },
    { id: "deprecate", label: "Deprecate, then remove", description: "Deprecation and Sunset headers on v1, usage tracked per client, v1 retired at zero usage.", params: { change: "deprecate", waitForZero: true } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<ApiEvolutionMetrics> {
    const sim = new Simulation<ApiMessage, ArrivalTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const moveWindowMs = p.moveDays * DAY_MS;

    // ---- the clients: drawn first, from their own stream, so every change meets the same ones -------
    const population = sim.rng.fork();
    const clients: ApiClient[] = COHORTS.flatMap((cohort) =>
      Array.from({ length: cohort.clients }, (_, i) => ({
        name: `${cohort.prefix}${i + 1}`,
        cohort: cohort.id,
        version: cohort.version,
        ignoresHeaders: population.bernoulli(cohort.id === "mobile" ? p.neverPercent / 100 : 0),
        moveAfterHeaders: population.float(),
        moveAfterContact: population.float(),
        moveAt: null,
        everBroken: false,
        brokenNow: false,
      })),
    );
    const ledgers = new Map(COHORTS.map((c) => [c.id, new RequestLedger(sim, { bucketMs: DAY_MS, name: c.id })]));
    const broken = new Map(COHORTS.map((c) => [c.id, { removal: 0, order: 0 }]));
    const firstBreak = new Set<string>();

    let moversAnnounced = false;
    /** Moves a client to v2 at `at`, unless it already moves sooner; announces the first mover. */
    const moveToV2 = (client: ApiClient, at: number, why: "headers" | "contact") => {
      if (client.moveAt !== null && client.moveAt <= at) return;
      client.moveAt = at;
      if (why === "headers" && !moversAnnounced) {
        moversAnnounced = true;
        journal.note(`${client.name} read the Deprecation header; it moves to v2 on day ${day(at)}`);
      }
      sim.schedule(at, `${client.name} moves to v2`, () => {
        if (client.moveAt === at) client.version = 2;
      });
    };

    // ---- the provider: what it serves, and the version of each client's latest call --------------
    const api = { totalRemoved: false, sorted: true, discount: false, deprecated: false, v1Retired: false };
    const pages = sim.rng.fork();
    const v1Calls = sim.metrics.rate("requests to v1", DAY_MS);
    const latestVersion: (Version | null)[] = clients.map(() => null);
    const calledV1AfterChange: boolean[] = clients.map(() => false);
    let v1RequestsAfterChange = 0;
    let v1ClientsAtChange = 0;
    let clientsAtSunset: number | null = null;
    let v1RetiredAt: number | null = null;
    const trackedV1Callers = () => latestVersion.filter((v) => v === 1).length;

    sim.addNode({
      id: "api", label: "Orders API", role: "server", x: 0.22, y: 0.5,
      gauges: () => [{ label: "v1 callers", value: trackedV1Callers() }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op !== "list-orders") return;
        latestVersion[m.client] = m.version;
        if (m.version === 1) {
          v1Calls.add(sim.now);
          if (sim.now >= CHANGE_AT_MS) {
            v1RequestsAfterChange++;
            calledV1AfterChange[m.client] = true;
          }
        }
        // Two draws for every call, whatever the change: the page and where its newest order is.
        const pageSize = pages.int(1, MAX_PAGE);
        const newestAt = pages.int(1, pageSize);
        const answer: Answer = {
          status: m.version === 1 && api.v1Retired ? 410 : 200,
          hasTotal: m.version === 1 && !api.totalRemoved,
          hasDiscount: api.discount,
          newestLast: api.sorted || newestAt === pageSize,
          pageSize,
          deprecated: m.version === 1 && api.deprecated,
        };
        sim.send("api", message.from, answer.status === 410 ? "error" : "response", { op: "orders", client: m.client, version: m.version, req: m.req, answer });
      },
    });

    // ---- each cohort: its own arrivals, and what each of its clients needs from an answer ------------
    /**
     * Why this answer breaks the client that asked, or null if the client can use it. Every
     * client is a tolerant reader: a field it does not read (discount) never matters.
     */
    const breakage = (client: ApiClient, version: Version, answer: Answer): Breakage | null => {
      if (answer.status === 410 || (version === 1 && !answer.hasTotal)) return "removal";
      if (client.cohort === "partner" && !answer.newestLast) return "order";
      return null;
    };
    const describeBreak = (client: ApiClient, why: Breakage, answer: Answer): string => {
      if (answer.status === 410) return `${client.name} got 410 Gone from /v1/orders`;
      if (why === "removal") return `${client.name} cannot show an order: total is missing`;
      return `${client.name} took the last of ${answer.pageSize} orders as the newest and synced the wrong order`;
    };

    let offset = 0;
    COHORTS.forEach((cohort, c) => {
      const first = offset;
      offset += cohort.clients;
      const members = clients.slice(first, offset);
      const ledger = ledgers.get(cohort.id) as RequestLedger;
      let brokenNow = 0;
      const stream = sim.rng.fork();
      const arrivals = new Arrivals(sim, cohort.id, () => stream.exponential(DAY_MS / (cohort.clients * REQUESTS_PER_CLIENT_PER_DAY)));
      sim.addNode({
        id: cohort.id, label: cohort.label, role: "client", x: 0.8, y: spread(c, COHORTS.length, 0.18),
        // The view shows the first gauge in the node: how many of its clients are broken now.
        gauges: () => [
          { label: "broken", value: brokenNow },
          { label: "on v1", value: members.filter((m) => m.version === 1).length },
        ],
        onTimer: () => {
          const index = first + stream.int(0, cohort.clients - 1);
          const client = clients[index] as ApiClient;
          sim.send(cohort.id, "api", "request", { op: "list-orders", client: index, version: client.version, req: ledger.start() });
          arrivals.next();
        },
        onMessage: (message) => {
          const m = message.payload;
          if (m.op !== "orders") return;
          const client = clients[m.client] as ApiClient;
          if (m.answer.deprecated && !client.ignoresHeaders) moveToV2(client, sim.now + client.moveAfterHeaders * moveWindowMs, "headers");
          const why = breakage(client, m.version, m.answer);
          brokenNow += Number(why !== null) - Number(client.brokenNow);
          client.brokenNow = why !== null;
          sim.setStatus(cohort.id, brokenNow > 0 ? "degraded" : "up");
          if (why === null) {
            ledger.succeed(m.req);
            return;
          }
          ledger.fail(m.req);
          client.everBroken = true;
          (broken.get(cohort.id) as Record<Breakage, number>)[why]++;
          if (!firstBreak.has(`${cohort.id} ${why}`)) {
            firstBreak.add(`${cohort.id} ${why}`);
            journal.note(`first break in the ${cohort.label}: ${describeBreak(client, why, m.answer)}`, "bad");
          }
        },
      });
      sim.network.connect(cohort.id, "api");
      arrivals.next();
    });

    // ---- the change, and for a deprecation, the provider's tracking up to v1's retirement ------------
    const clientsOnV1 = () => clients.filter((c) => c.version === 1).length;
    const retireV1 = (why: string) => {
      api.v1Retired = true;
      v1RetiredAt = sim.now;
      timeline.mark("v1 retired");
      const left = trackedV1Callers();
      const callers = left === 0 ? "no client calls it any more" : `${left} client${left === 1 ? "" : "s"} still call${left === 1 ? "s" : ""} it`;
      journal.note(`v1 retired (410 Gone) ${why}, ${day(sim.now - CHANGE_AT_MS)} days after the deprecation; ${callers}`, left === 0 ? "good" : "bad");
    };
    timeline.at(CHANGE_AT_MS, CHANGE_MARK[p.change], () => {
      v1ClientsAtChange = clientsOnV1();
      if (p.change === "add") {
        api.discount = true;
        journal.note("discount added to every order; clients ignore fields they do not read");
      } else if (p.change === "remove") {
        api.totalRemoved = true;
        journal.note(`total removed from v1 without notice; ${v1ClientsAtChange} mobile clients still read it`, "bad");
      } else if (p.change === "unsort") {
        api.sorted = false;
        journal.note("a new index: orders no longer come sorted by id; no documented field changed");
      } else {
        api.deprecated = true;
        journal.note(`v1 deprecated: every v1 response carries ${DEPRECATION_HEADER} and ${SUNSET_HEADER}; ${v1ClientsAtChange} clients call v1`);
      }
    });
    if (p.change === "deprecate") {
      for (let t = CHANGE_AT_MS + USAGE_REPORT_EVERY_MS; t < SUNSET_AT_MS; t += USAGE_REPORT_EVERY_MS) {
        sim.schedule(t, "usage report", () => {
          const left = trackedV1Callers();
          journal.note(left === 0 ? "usage tracking: no client calls v1 any more" : `usage tracking: ${left} clients still call v1`);
        });
      }
      timeline.at(SUNSET_AT_MS, "Sunset", () => {
        const left = clients.filter((c, i) => latestVersion[i] === 1);
        clientsAtSunset = left.length;
        if (!p.waitForZero) {
          retireV1("on its Sunset date");
          return;
        }
        journal.note(left.length === 0 ? "Sunset date: usage tracking sees no client on v1" : `Sunset date: usage tracking names ${left.length} clients still on v1; their owners are contacted`);
        for (const client of left) moveToV2(client, sim.now + client.moveAfterContact * moveWindowMs, "contact");
      });
      if (p.waitForZero) {
        for (let t = SUNSET_AT_MS; t < DURATION_MS; t += DAY_MS) {
          sim.schedule(t, "zero usage?", () => {
            if (!api.v1Retired && trackedV1Callers() === 0) retireV1("at zero usage");
          });
        }
      }
    }

    // ---- what the learner reads --------------------------------------------------------------------
    const all = [...ledgers.values()];
    const brokenClientsIn = (cohort: CohortId) => clients.filter((c) => c.cohort === cohort && c.everBroken).length;
    const measure = (): ApiEvolutionMetrics => {
      const counts = [...broken.values()];
      return {
        requests: all.reduce((s, l) => s + l.started, 0),
        inFlight: all.reduce((s, l) => s + l.inFlight, 0),
        brokenRequests: all.reduce((s, l) => s + l.failures, 0),
        brokenByRemoval: counts.reduce((s, b) => s + b.removal, 0),
        brokenByOrder: counts.reduce((s, b) => s + b.order, 0),
        brokenClients: clients.filter((c) => c.everBroken).length,
        brokenMobileClients: brokenClientsIn("mobile"),
        brokenWebClients: brokenClientsIn("web"),
        brokenPartnerClients: brokenClientsIn("partner"),
        v1ClientsAtChange,
        clientsCallingV1AfterChange: calledV1AfterChange.filter(Boolean).length,
        v1RequestsAfterChange,
        fieldsRemoved: api.totalRemoved ? 1 : 0,
        trackedV1Callers: trackedV1Callers(),
        ignoringHeaders: clients.filter((c) => c.ignoresHeaders).length,
        clientsOnV1: clientsOnV1(),
        clientsAtSunset,
        v1RetiredDay: v1RetiredAt === null ? null : day(v1RetiredAt),
        deprecationToRemovalDays: v1RetiredAt === null ? null : day(v1RetiredAt - CHANGE_AT_MS),
      };
    };
    // Outcomes as rows and cohorts as columns: three short columns fit a phone.
    const countCell = (n: number, tone: CellTone): TableCell => ({ text: String(n), tone: n === 0 ? "neutral" : tone });
    const rows = (): TableRow[] => {
      const ok = COHORTS.map((c) => (ledgers.get(c.id) as RequestLedger).ok);
      const by = (why: Breakage) => COHORTS.map((c) => (broken.get(c.id) as Record<Breakage, number>)[why]);
      return [
        { label: "ok", cells: ok.map((n) => countCell(n, "good")) },
        { label: "broken by removal", cells: by("removal").map((n) => countCell(n, "bad")) },
        { label: "broken by order", cells: by("order").map((n) => countCell(n, "bad")) },
        {
          label: "clients broken",
          cells: COHORTS.map((c) => {
            const hit = brokenClientsIn(c.id);
            return { text: `${hit} of ${c.clients}`, tone: hit === 0 ? "good" : "bad" };
          }),
        },
      ];
    };
    const summary = (m: ApiEvolutionMetrics): string => {
      const today = `Day ${day(sim.now)}`;
      if (sim.now < CHANGE_AT_MS) return `${today}: ${m.requests} requests from ${CLIENTS} clients, none broken; on day 20 the provider ships: ${CHANGE_MARK[p.change]}.`;
      const hurt = m.brokenRequests === 0 ? "no request broke" : `${m.brokenRequests} of ${m.requests} requests broke, in ${m.brokenClients} of ${CLIENTS} clients`;
      if (p.change !== "deprecate") return `${today}: ${hurt}.`;
      const retired = m.v1RetiredDay === null ? `v1 is still served; ${m.trackedV1Callers} clients still call it` : `v1 was retired on day ${m.v1RetiredDay}`;
      return `${today}: ${retired}; ${hurt}.`;
    };

    return scenarioInstance({
      sim,
      measure,
      timeline,
      journal,
      charts: () => [
        ...chart("Requests that read total, per day (1 s = 1 day)", "req/day", [["v1-calls", "calls to v1", v1Calls.points(sim.now)]]),
        ...chart(
          "Broken requests per day",
          "req/day",
          COHORTS.map((cohort) => [`broken-${cohort.id}`, cohort.label, (ledgers.get(cohort.id) as RequestLedger).failureRate.points(sim.now)]),
        ),
      ],
      headline: (m) => [
        headline.count("broken", "Broken requests", m.brokenRequests),
        headline.count("clients-broken", "Clients broken", m.brokenClients, `of ${CLIENTS}`),
        headline.count("v1-callers", "Clients still calling v1", m.trackedV1Callers),
        headline.count("to-removal", "Deprecation to safe removal", m.v1RetiredDay === null || m.brokenByRemoval > 0 ? null : m.deprecationToRemovalDays, "days"),
      ],
      summary,
      tables: () => [{ id: "cohorts", title: "Requests by cohort and outcome", rowHeader: "Requests", columns: COHORTS.map((c) => c.column), rows: rows() }],
    });
  },
});
