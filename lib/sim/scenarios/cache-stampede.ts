import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  Arrivals, cell, chart, describe, headline, Journal, param, peakIn, percent, poisson, RequestLedger, scenarioInstance, share, spread, Timeline, WorkerPool,
  type ArrivalTimer, type Served,
} from "../kit";
import { HashRing, modNShard } from "../kit/placement";
import { Zipf } from "../kit/zipf";

/**
 * Lesson 6 (data-handling): clients read 1,000 keys of Zipf popularity through four cache
 * shards (cache-aside: the shard asks the database on a miss and keeps the row for a TTL) in
 * front of one database that serves about 120 queries a second (four workers, about 34 ms
 * a query) and answers 503 when its queue of 100 is full. Reads average 80 misses a second
 * once expiries have spread out, so the database is sized for the hit ratio, not for a wave.
 *
 * Every key was loaded at start-up, so with a fixed TTL they all expire together and every
 * read in the next instants is a miss: a wave of queries hits the database, and the hot
 * key's expiry alone sends every concurrent reader of it there (the stampede). Jittered
 * TTLs spread the expiries out; coalescing sends one refill per key per shard, the other
 * readers waiting for it; serve-stale answers them at once with the expired value while the
 * refill runs. At `joinS` a fifth shard joins: with hash mod N four keys in five move to a
 * shard that does not hold them; on a consistent-hash ring about one in five moves.
 *
 * Simplified: no writes, so a stale value is only old, never wrong; reads have no timeout
 * (the database's bounded queue answers every query within a second); shards never evict,
 * so a key that moves away stays orphaned on its old shard.
 */

const DURATION_MS = 20_000;
const KEYS = 1000;
const SHARDS = 4;
const VNODES = 100;
const DB_WORKERS = 4;
const DB_QUEUE = 100;
const DB_SERVICE = Latency.logNormal(30, 0.5);
/** Every link: a millisecond or so within one data centre. */
const LINK = { latency: Latency.uniform(0.5, 1.5), loss: 0 };
const BUCKET_MS = 250;
/** The key the demo follows: rank 0 of the Zipf popularity, shown as "k1". */
const HOT_KEY = 0;

type Payload =
  | { readonly op: "read"; readonly id: number; readonly key: number }
  | { readonly op: "value" | "fail"; readonly id: number }
  /** A shard's query; `read` is the read it answers, or -1 for a coalesced refill. */
  | { readonly op: "query"; readonly key: number; readonly read: number }
  | { readonly op: "row" | "unavailable"; readonly key: number; readonly read: number };

interface Query {
  readonly key: number;
  readonly read: number;
  readonly shard: string;
}

type Timer = ArrivalTimer | Served<Query>;

export type CacheStampedeMetrics = {
  readonly reads: number;
  readonly failedReads: number;
  /** Reads that failed before shard 5 joined: the expiry waves' doing. */
  readonly failedBeforeJoin: number;
  readonly hitPercent: number;
  readonly staleReads: number;
  readonly readP99Ms: number | null;
  readonly dbQueries: number;
  readonly dbRejected: number;
  /** Highest database query rate (per 250 ms bucket, per second) before the shard joins. */
  readonly peakDbBeforeJoinPerSecond: number;
  /** Highest database query rate in the 2 s after the shard joins. */
  readonly peakDbAfterJoinPerSecond: number;
  /** The most queries one shard sent for the hot key while it was expired (one expiry). */
  readonly hotKeyQueriesPerExpiryMax: number;
  /** Expiries of the hot key that readers noticed, over all shards. */
  readonly hotKeyExpiries: number;
  readonly keysMoved: number;
  readonly keysMovedPercent: number;
};

/** Keys that change shard when shard 5 joins, for each placement (a property of the key set). */
function keysMovedByPlacement(): { modN: number; ring: number; ringToNew: number; modNToNew: number } {
  const ring = new HashRing(SHARDS, VNODES);
  const before = Array.from({ length: KEYS }, (_, k) => ring.shardFor(k));
  ring.add(SHARDS);
  let modN = 0;
  let modNToNew = 0;
  let moved = 0;
  let ringToNew = 0;
  for (let k = 0; k < KEYS; k++) {
    const to = modNShard(k, SHARDS + 1);
    if (modNShard(k, SHARDS) !== to) {
      modN++;
      if (to === SHARDS) modNToNew++;
    }
    const now = ring.shardFor(k);
    if (now !== before[k]) {
      moved++;
      if (now === SHARDS) ringToNew++;
    }
  }
  return { modN, ring: moved, ringToNew, modNToNew };
}

export const cacheStampede = defineScenario({
  id: "cache-stampede",
  title: "A hot key expires, and a fifth cache shard joins",
  lesson: "data-handling",
  description:
    "Reads of 1,000 keys, a few of them hot, go through four cache shards to one database that " +
    "serves about 120 queries a second. Watch the database when every TTL runs out at once and " +
    "when a fifth shard joins, then spread the expiries, coalesce the refills, serve stale " +
    "values while refreshing, and place keys on a consistent-hash ring.",
  params: [
    param.number("readRate", "Read rate", { min: 100, max: 1000, step: 50, default: 500, unit: "reads/s" }, "Reads per second from all clients (random arrivals)."),
    param.number("zipf", "Popularity skew (Zipf exponent)", { min: 0, max: 1.5, step: 0.05, default: 1.05 }, "0: every key equally popular; 1.05: the hottest key takes about 16% of reads."),
    param.number("ttlS", "TTL", { min: 1, max: 10, step: 0.5, default: 5, unit: "s" }, "How long a shard keeps a row before asking the database again."),
    param.number("jitterPercent", "TTL jitter", { min: 0, max: 50, step: 5, default: 0, unit: "%" }, "Each TTL is multiplied by a random factor within ± this much, so keys filled together expire apart."),
    param.toggle("coalescing", "Coalesce refills", false, "One query per key per shard in flight; other readers of the key wait for its answer."),
    param.toggle("serveStale", "Serve stale while refreshing", false, "An expired row is still answered at once while the shard refreshes it."),
    param.choice("placement", "Key placement", [["mod-n", "hash mod N"], ["ring", "Consistent-hash ring"]], "mod-n", "How a client picks the shard for a key."),
    param.number("joinS", "Shard 5 joins at", { min: 1, max: 19, step: 1, default: 12, unit: "s" }, "When the fifth cache shard joins, empty."),
  ],
  presets: [
    { id: "naive", label: "Fixed TTL, mod-N", description: "Every row expires together; a new shard moves most keys.", params: { jitterPercent: 0, coalescing: false, serveStale: false, placement: "mod-n" } },
    { id: "jitter", label: "Jittered TTL", description: "TTLs × U(0.8, 1.2): expiries spread out.", params: { jitterPercent: 20, coalescing: false, serveStale: false, placement: "mod-n" } },
    { id: "coalesce", label: "Coalescing and serve-stale", description: "One refill per key per shard; readers get the stale row meanwhile.", params: { jitterPercent: 20, coalescing: true, serveStale: true, placement: "mod-n" } },
    { id: "fixed", label: "Consistent hashing", description: "All of the above, and a ring: one key in five moves when shard 5 joins.", params: { jitterPercent: 20, coalescing: true, serveStale: true, placement: "ring" } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<CacheStampedeMetrics> {
    const sim = new Simulation<Payload, Timer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const requests = new RequestLedger(sim, { bucketMs: BUCKET_MS });
    const dbLoad = sim.metrics.rate("database queries", BUCKET_MS);
    const dbRejects = sim.metrics.rate("database 503s", BUCKET_MS);
    const hitRatio = sim.metrics.mean("hit ratio", BUCKET_MS);
    const popularity = new Zipf(KEYS, p.zipf);
    const ttlRng = sim.rng.fork();
    const ttlMs = p.ttlS * 1000;
    const jitter = p.jitterPercent / 100;
    const expiryFromNow = (): number => sim.now + ttlMs * ttlRng.uniform(1 - jitter, 1 + jitter);
    const joinAt = p.joinS * 1000;
    const moved = keysMovedByPlacement();
    const keysMoved = p.placement === "ring" ? moved.ring : moved.modN;

    // ---- placement: which shard a client asks for a key (a table, recomputed when shard 5 joins)
    const ring = new HashRing(SHARDS, VNODES);
    const owner = new Uint8Array(KEYS);
    const place = (shards: number): void => {
      for (let k = 0; k < KEYS; k++) owner[k] = p.placement === "ring" ? ring.shardFor(k) : modNShard(k, shards);
    };
    place(SHARDS);
    const shardIds = Array.from({ length: SHARDS + 1 }, (_, s) => `s${s + 1}`);
    const shardId = (s: number): string => shardIds[s] ?? "s1";

    let hits = 0;
    let failedBeforeJoin = 0;
    let stale = 0;
    let hotQueriesMax = 0;
    let hotExpiries = 0;

    // ---- the database: 4 workers, a queue of 100, 503 beyond ------------------------------
    const db = new WorkerPool<Query>(sim, "db", {
      workers: DB_WORKERS,
      queueLimit: DB_QUEUE,
      serviceTime: DB_SERVICE,
      onDone: (q) => sim.send("db", q.shard, "response", { op: "row", key: q.key, read: q.read }),
    });
    sim.addNode({
      id: "db", label: "Database", role: "database", x: 0.88, y: 0.5,
      gauges: () => [{ label: "queue", value: db.queued }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op !== "query") return;
        dbLoad.add(sim.now);
        const query = { key: m.key, read: m.read, shard: message.from };
        if (db.offer(query) === "rejected") {
          dbRejects.add(sim.now);
          sim.send("db", message.from, "error", { op: "unavailable", key: m.key, read: m.read });
        }
      },
      onTimer: (timer) => {
        if (timer.payload.type === "served") db.finish(timer.payload);
      },
    });

    // ---- the cache shards: cache-aside, with the lesson's three defences as switches -------
    const answer = (shard: string, read: number, ok: boolean): void => {
      sim.send(shard, "clients", ok ? "response" : "error", { op: ok ? "value" : "fail", id: read });
    };
    for (let s = 0; s <= SHARDS; s++) {
      const id = shardId(s);
      /** key → when its row expires; a shard never evicts, so an expired row stays (stale). */
      const expiresAt = new Map<number, number>();
      /** With coalescing: the keys with a refill in flight, and the reads waiting on each. */
      const waiting = new Map<number, number[]>();
      /** The hot key's current expiry on this shard: reads that found it expired, queries sent for it. */
      let hot: { reads: number; queries: number } | null = null;

      if (s < SHARDS) for (let k = 0; k < KEYS; k++) if (owner[k] === s) expiresAt.set(k, expiryFromNow());

      const query = (key: number, read: number): void => {
        if (key === HOT_KEY && hot !== null) hot.queries++;
        sim.send(id, "db", "request", { op: "query", key, read });
      };
      /** Asks the database for a key: once per key in flight when coalescing, else for every caller. */
      const refill = (key: number, read: number): void => {
        if (!p.coalescing) return query(key, read);
        const readers = waiting.get(key);
        if (readers === undefined) {
          waiting.set(key, read >= 0 ? [read] : []);
          query(key, -1);
        } else if (read >= 0) readers.push(read);
      };
      const endHotExpiry = (): void => {
        if (hot === null) return;
        hotExpiries++;
        hotQueriesMax = Math.max(hotQueriesMax, hot.queries);
        const where = `k1 expired on shard ${s + 1}`;
        const others = hot.reads - hot.queries;
        if (hot.queries > 1) journal.note(`${where}: ${hot.queries} reads went to the database at once`, "bad");
        else if (others > 0) journal.note(`${where}: refreshed once; ${others} ${others === 1 ? "read" : "reads"} ${p.serveStale ? "served stale" : "waited for it"}`, "good");
        hot = null;
      };

      sim.addNode({
        // Five shards zigzag down the middle, so each label has room under its node on a phone.
        id, label: `Shard ${s + 1}`, role: "cache", x: s % 2 === 0 ? 0.4 : 0.6, y: spread(s, SHARDS + 1, 0),
        gauges: () => [{ label: "keys", value: expiresAt.size }],
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "read") {
            const expiry = expiresAt.get(m.key);
            const fresh = expiry !== undefined && sim.now < expiry;
            hitRatio.observe(sim.now, fresh || (expiry !== undefined && p.serveStale) ? 100 : 0);
            if (fresh) {
              hits++;
              return answer(id, m.id, true);
            }
            if (m.key === HOT_KEY && expiry !== undefined) {
              hot ??= { reads: 0, queries: 0 };
              hot.reads++;
            }
            if (expiry !== undefined && p.serveStale) {
              stale++;
              answer(id, m.id, true);
              return refill(m.key, -1);
            }
            return refill(m.key, m.id);
          }
          if (m.op === "row" || m.op === "unavailable") {
            const ok = m.op === "row";
            if (ok) expiresAt.set(m.key, expiryFromNow());
            if (m.read >= 0) answer(id, m.read, ok);
            for (const read of waiting.get(m.key) ?? []) answer(id, read, ok);
            waiting.delete(m.key);
            if (ok && m.key === HOT_KEY) endHotExpiry();
          }
        },
      });
      sim.network.connect(id, "db");
      if (s < SHARDS) sim.network.connect("clients", id);
    }

    // ---- the clients: open-loop reads of Zipf-popular keys --------------------------------
    const keyRng = sim.rng.fork();
    const arrivals = new Arrivals(sim, "clients", poisson(p.readRate));
    sim.addNode({
      id: "clients", label: "Clients", role: "client", x: 0.1, y: 0.5,
      onTimer: () => {
        const key = popularity.sample(keyRng);
        sim.send("clients", shardId(owner[key] ?? 0), "request", { op: "read", id: requests.start(), key });
        arrivals.next();
      },
      onMessage: (message) => {
        const m = message.payload;
        if (m.op === "value") requests.succeed(m.id);
        else if (m.op === "fail" && requests.fail(m.id) && (requests.startedAtOf(m.id) ?? 0) < joinAt) failedBeforeJoin++;
      },
    });

    timeline.at(joinAt, "shard 5 joins", () => {
      ring.add(SHARDS);
      place(SHARDS + 1);
      sim.network.connect("clients", shardId(SHARDS));
      journal.note(`Shard 5 joins: ${share(keysMoved, KEYS, "keys", "move")} to a shard that does not hold them`, "info");
    });
    arrivals.next();

    const measure = (): CacheStampedeMetrics => {
      const load = dbLoad.points(sim.now);
      return {
        reads: requests.started,
        failedReads: requests.failures,
        failedBeforeJoin,
        hitPercent: requests.started === 0 ? 0 : (100 * (hits + stale)) / requests.started,
        staleReads: stale,
        readP99Ms: requests.latency.percentile(99),
        dbQueries: db.offered,
        dbRejected: db.rejected,
        peakDbBeforeJoinPerSecond: peakIn(load, 0, joinAt),
        peakDbAfterJoinPerSecond: peakIn(load, joinAt, joinAt + 2000),
        hotKeyQueriesPerExpiryMax: hotQueriesMax,
        hotKeyExpiries: hotExpiries,
        keysMoved,
        keysMovedPercent: (100 * keysMoved) / KEYS,
      };
    };

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Database load", "per s", [
          ["db-queries", "queries", dbLoad.points(sim.now)],
          ["db-503", "refused (503)", dbRejects.points(sim.now)],
        ]),
        ...chart("Read latency", "ms", [["read-p99", "p99", requests.latencyOverTime.points(sim.now, 99)]]),
        ...chart("Reads answered by the cache", "%", [["hit-ratio", "hit ratio", hitRatio.points(sim.now)]]),
      ],
      headline: (m) => [
        headline.rate("peak-db", "Peak database load", Math.max(m.peakDbBeforeJoinPerSecond, m.peakDbAfterJoinPerSecond), "queries/s"),
        headline.percent("hit-ratio", "Cache hit ratio", m.hitPercent),
        headline.count("failed-before", "Failed reads before shard 5", m.failedBeforeJoin, "reads"),
        headline.count("failed-after", "Failed reads after it joins", m.failedReads - m.failedBeforeJoin, "reads"),
        headline.ms("read-p99", "Read p99", m.readP99Ms),
        headline.percent("moved", "Keys moved by shard 5", m.keysMovedPercent),
      ],
      summary: (m) => {
        const failed = `${share(m.failedReads, m.reads, "reads", "failed")}`;
        return (
          `${failed}; the database peaked at ${describe(Math.max(m.peakDbBeforeJoinPerSecond, m.peakDbAfterJoinPerSecond), "queries a second")} ` +
          `and refused ${describe(m.dbRejected, "queries")}; ${describe(m.hitPercent, "%")} of reads were answered by the cache.`
        );
      },
      tables: () => [
        {
          // rowHeader before title: bench:pages finds scenario chunks by `id:"…",title:"`.
          id: "moved",
          rowHeader: "Placement",
          title: "Keys that move when shard 5 joins",
          columns: ["keys moved", "to shard 5", "between old shards"],
          rows: [
            { label: "hash mod N", all: moved.modN, toNew: moved.modNToNew },
            { label: "ring, 100 points each", all: moved.ring, toNew: moved.ringToNew },
          ].map((r) => ({
            label: r.label,
            cells: [
              { text: `${r.all} (${describe(percent(r.all, KEYS), "%")})`, tone: r.all > KEYS / 2 ? "bad" : "good" },
              cell.plain(r.toNew),
              cell.shouldBeZero(r.all - r.toNew),
            ],
          })),
        },
      ],
    });
  },
});
