import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  Arrivals, cell, chart, column, describe, headline, Journal, param, PendingCalls, poisson, RequestLedger, scenarioInstance, Timeline,
  type ArrivalTimer, type CallTimeout,
} from "../kit";

/**
 * Lesson 7 (cap-tradeoffs): a ticketing service in two regions, replica A and replica B, each
 * with three client nodes, joined by a WAN link. The regions are partitioned from 5 s for
 * `partitionS` seconds. Two operations, each with its own choice:
 *
 * - Book a seat (a seat may be sold once). Consistent: every booking goes through A, which
 *   replicates it to B synchronously before answering, so a booking costs a WAN round trip
 *   (two from region B) all the time (PACELC's "else"), and when the other region does not
 *   answer within the timeout it is refused (the partition decision happens at a timeout).
 *   Available: each replica sells from its own view and replicates afterwards; seats sold on
 *   both sides during the partition are found at the heal, and one customer's booking is
 *   cancelled.
 * - Add to a shared wishlist (20 lists, each edited from both regions). Consistent as above;
 *   available with a union merge (nothing lost); or available with last writer wins on the
 *   whole list (the side written last overwrites the other's adds).
 *
 * Simplified: one lost message during the partition can leave B holding a consistent write
 * that A refused (B follows A, so it is overwritten by A's next write of that seat); clocks
 * are perfect, so last writer wins loses only what it must; there are no reads.
 */

const DURATION_MS = 22_000;
const PARTITION_START_MS = 5000;
const SEATS = 400;
const LISTS = 20;
const WISH_RATE = 20;
const CLIENTS_PER_REGION = 3;
const LOCAL_LINK = { latency: Latency.uniform(0.5, 1.5), loss: 0 };
const BUCKET_MS = 500;
const REGIONS = ["A", "B"] as const;
type Region = (typeof REGIONS)[number];
type Kind = "seat" | "wish";

type Payload =
  | { readonly op: "book"; readonly id: number }
  | { readonly op: "wish"; readonly id: number; readonly list: number; readonly item: number }
  | { readonly op: "done" | "refused"; readonly kind: Kind; readonly id: number }
  /** B → A: a consistent write from region B; A answers with "forwarded". */
  | { readonly op: "forward"; readonly kind: Kind; readonly call: number; readonly list: number; readonly item: number }
  | { readonly op: "forwarded"; readonly call: number; readonly ok: boolean }
  /** A → B: a consistent write, applied by B and acknowledged. */
  | { readonly op: "sync"; readonly call: number; readonly kind: Kind; readonly seat: number; readonly owner: string; readonly list: number; readonly item: number }
  | { readonly op: "sync-ack"; readonly call: number }
  /** Either way: an available write, applied later (and again at the heal). */
  | { readonly op: "seat"; readonly seat: number; readonly owner: string; readonly at: number }
  | { readonly op: "add"; readonly list: number; readonly item: number; readonly at: number }
  | { readonly op: "list"; readonly list: number; readonly items: readonly number[]; readonly at: number; readonly from: Region };

type Timer = ArrivalTimer | CallTimeout;

/** What a pending consistent write at A or B must do when it ends. */
interface Pending {
  readonly kind: Kind;
  /** The client and its request id, or (at A, for a write B forwarded) B's call. */
  readonly client: string | null;
  readonly id: number;
  readonly forwardedCall: number;
  readonly seat: number;
}

export type PartitionChoiceMetrics = {
  readonly bookings: number;
  readonly bookingsAccepted: number;
  readonly bookingsRefused: number;
  /** Refused bookings issued outside the partition (a WAN hop before it included): should be 0. */
  readonly bookingsRefusedOutsidePartition: number;
  readonly seatsDoubleBooked: number;
  readonly wishes: number;
  readonly wishesAccepted: number;
  readonly wishesRefused: number;
  readonly wishesRefusedOutsidePartition: number;
  /** Adds a client was told succeeded that are missing from either replica at the end. */
  readonly wishItemsLost: number;
  readonly bookingP50Ms: number | null;
  readonly wishP50Ms: number | null;
};

export const partitionChoice = defineScenario({
  id: "partition-choice",
  title: "Refuse or accept, per operation, while two regions are cut off",
  lesson: "cap-tradeoffs",
  description:
    "A ticketing service runs in two regions that replicate to each other. From 5 s the link " +
    "between them is cut. Choose, for booking a seat and for adding to a shared wishlist, " +
    "whether to refuse when the other region does not answer or to accept and reconcile at the " +
    "heal. Watch refusals during the partition, conflicts after it, and what consistency costs " +
    "in latency when nothing is wrong.",
  params: [
    param.choice("seats", "Book a seat", [["available", "Accept locally, reconcile later"], ["consistent", "Refuse unless both regions agree"]], "available", "A seat may be sold once."),
    param.choice(
      "wishlist",
      "Add to wishlist",
      [["union", "Accept locally, merge by union"], ["lww", "Accept locally, last writer wins"], ["consistent", "Refuse unless both regions agree"]],
      "union",
      "Shared lists edited from both regions; adds never conflict in meaning.",
    ),
    param.number("partitionS", "Partition length", { min: 0, max: 15, step: 1, default: 10, unit: "s" }, "How long the regions are cut off, from 5 s."),
    param.number("wanMs", "WAN latency (one way)", { min: 10, max: 200, step: 10, default: 50, unit: "ms" }, "Between the regions; a consistent write waits for at least one round trip."),
    param.number("bookingRate", "Booking rate", { min: 2, max: 16, step: 2, default: 10, unit: "per s" }, "Bookings per second over both regions (20 wishlist adds a second besides)."),
  ],
  presets: [
    { id: "naive", label: "Everything available", description: "Both operations accept locally: seats are double-booked.", params: { seats: "available", wishlist: "union" } },
    { id: "lww", label: "Available, last writer wins", description: "The wishlist keeps whichever side wrote last: adds are lost.", params: { seats: "available", wishlist: "lww" } },
    { id: "consistent", label: "Everything consistent", description: "Both refuse during the partition; the wishlist for no reason.", params: { seats: "consistent", wishlist: "consistent" } },
    { id: "fixed", label: "Seats consistent, wishlist available", description: "Refuse only what could break an invariant.", params: { seats: "consistent", wishlist: "union" } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<PartitionChoiceMetrics> {
    const sim = new Simulation<Payload, Timer>({ seed, recordLog: options.recordLog, defaultLink: LOCAL_LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const bookings = new RequestLedger(sim, { bucketMs: BUCKET_MS, name: "bookings" });
    const wishes = new RequestLedger(sim, { bucketMs: BUCKET_MS, name: "wishes" });
    const ledger = (kind: Kind): RequestLedger => (kind === "seat" ? bookings : wishes);
    const wan = { latency: Latency.constant(p.wanMs), loss: 0, fifo: true };
    const roundTrip = 2 * p.wanMs;
    const partitionEnd = PARTITION_START_MS + p.partitionS * 1000;
    // A request issued up to two round trips before the cut may still be refused: a message on the wire when it began is dropped.
    const mayBeRefused = (issuedAt: number): boolean => p.partitionS > 0 && issuedAt >= PARTITION_START_MS - 2 * roundTrip - 10 && issuedAt < partitionEnd;
    let bookingsRefusedOutside = 0;
    let wishesRefusedOutside = 0;
    const doubleBooked = new Set<number>();
    /** Wishlist adds a client was told succeeded (an add's item is its request id), and when. */
    const acknowledgedItems: { readonly item: number; readonly at: number }[] = [];

    const answer = (from: string, client: string, kind: Kind, id: number, ok: boolean): void => {
      sim.send(from, client, ok ? "response" : "error", { op: ok ? "done" : "refused", kind, id });
    };

    // ---- the two replicas ----------------------------------------------------------------
    interface Replica {
      readonly seats: Map<number, { owner: string; at: number }>;
      readonly lists: { items: Set<number>; at: number }[];
      /** Available writes accepted here, kept to send again at the heal. */
      readonly log: Payload[];
    }
    const replicas = new Map<Region, Replica>();
    for (const region of REGIONS) {
      const id = region;
      const other: Region = region === "A" ? "B" : "A";
      const state: Replica = { seats: new Map(), lists: Array.from({ length: LISTS }, () => ({ items: new Set<number>(), at: 0 })), log: [] };
      replicas.set(region, state);
      const seatRng = sim.rng.fork();
      // At A: waits for B's acknowledgement of a sync. At B: waits for A's answer to a forward (which includes A's sync).
      const calls = new PendingCalls<Pending>(sim, id, region === "A" ? roundTrip + 100 : 2 * roundTrip + 200);

      /** A seat this replica believes unsold, from a random place on: one draw; -1 when sold out. */
      const unsoldSeat = (): number => {
        const from = seatRng.int(0, SEATS - 1);
        for (let i = 0; i < SEATS; i++) {
          const seat = (from + i) % SEATS;
          if (!state.seats.has(seat)) return seat;
        }
        return -1;
      };
      const applySeat = (seat: number, owner: string, at: number): void => {
        const held = state.seats.get(seat);
        if (held === undefined) {
          state.seats.set(seat, { owner, at });
          return;
        }
        if (held.owner === owner) return;
        // Sold on both sides: the earlier booking keeps the seat (ties to A), the later is cancelled.
        const keepHeld = held.at < at || (held.at === at && held.owner < owner);
        if (!keepHeld) state.seats.set(seat, { owner, at });
        if (!doubleBooked.has(seat)) {
          doubleBooked.add(seat);
          const loser = keepHeld ? owner : held.owner;
          if (doubleBooked.size <= 8) journal.note(`Seat ${seat + 1} was sold in both regions: booking ${loser} is cancelled`, "bad");
        }
      };
      const applyList = (list: number, items: readonly number[], at: number): void => {
        const mine = state.lists[list];
        if (mine === undefined || at <= mine.at) return;
        mine.items = new Set(items);
        mine.at = at;
      };
      const replicate = (message: Payload): void => {
        state.log.push(message);
        sim.send(id, other, "replication", message);
      };

      /** Applies a consistent write at A and syncs it to B; `pending` says whom to answer. */
      const leaderWrite = (kind: Kind, list: number, item: number, pending: Omit<Pending, "seat" | "kind">): void => {
        const seat = kind === "seat" ? unsoldSeat() : -1;
        if (kind === "seat" && seat < 0) return finishLeaderWrite({ ...pending, kind, seat }, false); // sold out
        const owner = `${pending.client ?? "B"}#${pending.id}`;
        if (kind === "seat") state.seats.set(seat, { owner, at: sim.now });
        else state.lists[list]?.items.add(item);
        const call = calls.open({ ...pending, kind, seat });
        sim.send(id, other, "replication", { op: "sync", call, kind, seat, owner, list, item });
      };
      const finishLeaderWrite = (pending: Pending, ok: boolean): void => {
        if (!ok && pending.kind === "seat") state.seats.delete(pending.seat);
        if (pending.client !== null) answer(id, pending.client, pending.kind, pending.id, ok);
        else sim.send(id, other, ok ? "response" : "error", { op: "forwarded", call: pending.forwardedCall, ok });
      };

      const accept = (client: string, kind: Kind, requestId: number, list: number, item: number): void => {
        const consistent = kind === "seat" ? p.seats === "consistent" : p.wishlist === "consistent";
        if (consistent && region === "A") return leaderWrite(kind, list, item, { client, id: requestId, forwardedCall: -1 });
        if (consistent) {
          const call = calls.open({ kind, client, id: requestId, forwardedCall: -1, seat: -1 });
          sim.send(id, other, "request", { op: "forward", kind, call, list, item });
          return;
        }
        // Available: apply here, answer at once, replicate afterwards.
        if (kind === "seat") {
          const seat = unsoldSeat();
          if (seat < 0) return answer(id, client, kind, requestId, false); // sold out
          const owner = `${client}#${requestId}`;
          state.seats.set(seat, { owner, at: sim.now });
          replicate({ op: "seat", seat, owner, at: sim.now });
        } else if (p.wishlist === "union") {
          state.lists[list]?.items.add(item);
          replicate({ op: "add", list, item, at: sim.now });
        } else {
          const mine = state.lists[list];
          if (mine !== undefined) {
            mine.items.add(item);
            mine.at = sim.now;
            replicate({ op: "list", list, items: [...mine.items], at: sim.now, from: region });
          }
        }
        answer(id, client, kind, requestId, true);
      };

      sim.addNode({
        id, label: `Replica ${region}`, role: "replica", x: region === "A" ? 0.3 : 0.7, y: 0.5,
        gauges: () => [{ label: "seats sold", value: state.seats.size }],
        onMessage: (message) => {
          const m = message.payload;
          switch (m.op) {
            case "book":
              return accept(message.from, "seat", m.id, -1, -1);
            case "wish":
              return accept(message.from, "wish", m.id, m.list, m.item);
            case "forward":
              return leaderWrite(m.kind, m.list, m.item, { client: null, id: -1, forwardedCall: m.call });
            case "sync":
              if (m.kind === "seat") state.seats.set(m.seat, { owner: m.owner, at: sim.now });
              else state.lists[m.list]?.items.add(m.item);
              sim.send(id, other, "response", { op: "sync-ack", call: m.call });
              return;
            case "sync-ack": {
              const pending = calls.settle(m.call);
              if (pending !== undefined) finishLeaderWrite(pending, true);
              return;
            }
            case "forwarded": {
              const pending = calls.settle(m.call);
              if (pending !== undefined && pending.client !== null) answer(id, pending.client, pending.kind, pending.id, m.ok);
              return;
            }
            case "seat":
              return applySeat(m.seat, m.owner, m.at);
            case "add":
              state.lists[m.list]?.items.add(m.item);
              return;
            case "list":
              return applyList(m.list, m.items, m.at);
            default:
              return;
          }
        },
        onTimer: (timer) => {
          if (timer.payload.type !== "call-timeout") return;
          const pending = calls.expire(timer.payload);
          if (pending === undefined) return;
          if (region === "A") finishLeaderWrite(pending, false);
          else if (pending.client !== null) answer(id, pending.client, pending.kind, pending.id, false);
        },
      });
    }
    sim.network.setLink("A", "B", wan);
    sim.network.setLink("B", "A", wan);
    sim.network.connect("A", "B");

    // ---- the clients: three per region, bookings and wishlist adds at random --------------
    const perClient = (p.bookingRate + WISH_RATE) / (2 * CLIENTS_PER_REGION);
    const bookingShare = p.bookingRate / (p.bookingRate + WISH_RATE);
    const clientIds: string[] = [];
    for (const region of REGIONS) {
      for (let c = 0; c < CLIENTS_PER_REGION; c++) {
        const id = `${region.toLowerCase()}${c + 1}`;
        clientIds.push(id);
        const rng = sim.rng.fork();
        const arrivals = new Arrivals(sim, id, poisson(perClient));
        sim.addNode({
          id, label: `Client ${region}${c + 1}`, role: "client", ...column(c, CLIENTS_PER_REGION, region === "A" ? 0 : 1, 0.12), // at the edges: room for labels on a phone
          onTimer: () => {
            const list = rng.int(0, LISTS - 1);
            if (rng.bernoulli(bookingShare)) {
              sim.send(id, region, "request", { op: "book", id: bookings.start() });
            } else {
              const wish = wishes.start();
              sim.send(id, region, "request", { op: "wish", id: wish, list, item: wish });
            }
            arrivals.next();
          },
          onMessage: (message) => {
            const m = message.payload;
            if (m.op !== "done" && m.op !== "refused") return;
            const book = ledger(m.kind);
            if (m.op === "done") {
              if (book.succeed(m.id) && m.kind === "wish") acknowledgedItems.push({ item: m.id, at: sim.now });
              return;
            }
            if (!book.fail(m.id)) return;
            if (!mayBeRefused(book.startedAtOf(m.id) ?? 0)) {
              if (m.kind === "seat") bookingsRefusedOutside++;
              else wishesRefusedOutside++;
            }
          },
        });
        sim.network.connect(id, region);
        arrivals.next();
      }
    }
    if (p.partitionS > 0) {
      let partition = -1;
      const sides = (region: Region): string[] => [region, ...clientIds.filter((c) => c.startsWith(region.toLowerCase()))];
      timeline.window(
        PARTITION_START_MS,
        partitionEnd,
        { label: "regions cut off", run: () => { partition = sim.partition(sides("A"), sides("B")); journal.note("The link between the regions is cut", "bad"); } },
        {
          label: "link back",
          run: () => {
            sim.heal(partition);
            // Each side sends again what it accepted since just before the cut, so nothing dropped stays missing.
            for (const region of REGIONS) {
              const state = replicas.get(region);
              const other: Region = region === "A" ? "B" : "A";
              for (const message of state?.log ?? []) {
                const at = message.op === "seat" || message.op === "list" || message.op === "add" ? message.at : 0;
                if (at >= PARTITION_START_MS - p.wanMs - 5) sim.send(region, other, "replication", message);
              }
            }
            journal.note("The link is back; each region sends the other what it accepted meanwhile", "good");
          },
        },
      );
    }

    const measure = (): PartitionChoiceMetrics => {
      // An acknowledged add is lost if either replica lacks it once its replication has had time to arrive.
      const settled = acknowledgedItems.filter((a) => a.at < sim.now - p.wanMs - 10).map((a) => a.item);
      const missing = new Set<number>();
      for (const region of REGIONS) {
        const present = new Set<number>();
        for (const list of replicas.get(region)?.lists ?? []) for (const item of list.items) present.add(item);
        for (const item of settled) if (!present.has(item)) missing.add(item);
      }
      const lost = missing.size;
      return {
        bookings: bookings.started,
        bookingsAccepted: bookings.ok,
        bookingsRefused: bookings.failures,
        bookingsRefusedOutsidePartition: bookingsRefusedOutside,
        seatsDoubleBooked: doubleBooked.size,
        wishes: wishes.started,
        wishesAccepted: wishes.ok,
        wishesRefused: wishes.failures,
        wishesRefusedOutsidePartition: wishesRefusedOutside,
        wishItemsLost: lost,
        bookingP50Ms: bookings.latency.percentile(50),
        wishP50Ms: wishes.latency.percentile(50),
      };
    };

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Bookings", "per s", [
          ["book-ok", "accepted", bookings.okRate.points(sim.now)],
          ["book-refused", "refused", bookings.failureRate.points(sim.now)],
        ]),
        ...chart("Wishlist adds", "per s", [
          ["wish-ok", "accepted", wishes.okRate.points(sim.now)],
          ["wish-refused", "refused", wishes.failureRate.points(sim.now)],
        ]),
        ...chart("Write latency, p50", "ms", [
          ["book-p50", "bookings", bookings.latencyOverTime.points(sim.now, 50)],
          ["wish-p50", "wishlist adds", wishes.latencyOverTime.points(sim.now, 50)],
        ]),
      ],
      headline: (m) => [
        headline.count("bookings-refused", "Bookings refused", m.bookingsRefused),
        headline.count("double-booked", "Seats double-booked", m.seatsDoubleBooked),
        headline.count("wishes-refused", "Wishlist adds refused", m.wishesRefused),
        headline.count("wishes-lost", "Wishlist adds lost", m.wishItemsLost),
        headline.ms("booking-p50", "Booking p50", m.bookingP50Ms),
        headline.ms("wish-p50", "Wishlist add p50", m.wishP50Ms),
      ],
      summary: (m) => {
        return (
          `Bookings: ${describe(m.bookingsRefused, "refused")}, ${describe(m.seatsDoubleBooked, "seats double-booked")}, p50 ${describe(m.bookingP50Ms, "ms")}. ` +
          `Wishlist adds: ${describe(m.wishesRefused, "refused")}, ${describe(m.wishItemsLost, "lost")}, p50 ${describe(m.wishP50Ms, "ms")}.`
        );
      },
      tables: () => {
        const m = measure();
        return [{
          // rowHeader before title: bench:pages finds scenario chunks by `id:"…",title:"`.
          id: "outcomes",
          rowHeader: "Operation",
          title: "Each operation, this run",
          columns: ["accepted", "refused", "conflicts at the heal", "lost"],
          rows: [
            { label: "Book a seat", cells: [
              cell.plain(m.bookingsAccepted),
              cell.shouldBeZero(m.bookingsRefused, "warn"),
              cell.shouldBeZero(m.seatsDoubleBooked),
              cell.shouldBeZero(0),
            ] },
            { label: "Add to wishlist", cells: [
              cell.plain(m.wishesAccepted),
              cell.shouldBeZero(m.wishesRefused, "warn"),
              cell.shouldBeZero(0),
              cell.shouldBeZero(m.wishItemsLost),
            ] },
          ],
        }];
      },
    });
  },
});
