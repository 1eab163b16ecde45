import { PendingCalls, type CallTimeout } from "./calls";
import type { SimPort } from "./port";
import type { RequestLedger } from "./requests";
import { CircuitBreaker, noBackoff, RetryBudget, type Backoff, type CircuitBreakerSpec, type RetryBudgetSpec } from "./retry";

/** The timers a Client sets on its node; pass them to `client.onTimer`. */
export type ClientTimer = CallTimeout | { readonly type: "next-request" } | { readonly type: "retry"; readonly request: number };

const CLIENT_TIMERS: ReadonlySet<string> = new Set(["call-timeout", "next-request", "retry"]);

/** Whether a timer (of a scenario's timer union) is one of a Client's. */
export function isClientTimer(timer: { readonly type: string }): timer is ClientTimer {
  return CLIENT_TIMERS.has(timer.type);
}

/** One attempt of one request, as the scenario's message builder sees it. */
export interface Attempt {
  readonly request: number;
  /** 1 for the first try, 2 for the first retry... */
  readonly attempt: number;
  /** The call id the message must carry, and the reply carry back to `client.reply`. */
  readonly call: number;
  /** Where it goes. */
  readonly to: string;
}

/**
 * What a reply says about its attempt: ok, or an error the client may retry (503, 429) or
 * must not (400, 409). `retryAfterMs` is the server's Retry-After, which a client honours if
 * its rules say so.
 */
export type Answer = { readonly ok: true } | { readonly ok: false; readonly retryable: boolean; readonly retryAfterMs?: number };

export const OK: Answer = { ok: true };

export interface RetryRules {
  /** Tries per request, the first one included. */
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  /** Wait at least the server's Retry-After before retrying (a documented, polite client). */
  readonly honorRetryAfter?: boolean;
  /** Per-client retry budget, or null for none. */
  readonly budget: RetryBudgetSpec | null;
  /** Per-client circuit breaker, or null for none. */
  readonly breaker: CircuitBreakerSpec | null;
}

export const NO_RETRIES: RetryRules = { maxAttempts: 1, backoff: noBackoff, budget: null, breaker: null };

export interface ClientOptions<P> {
  /** The client's node (add it before starting a load or issuing a request). */
  readonly node: string;
  /** Where requests are started and ended; usually shared by every client of a scenario. */
  readonly requests: RequestLedger;
  /** How long an attempt waits for its reply. */
  readonly timeoutMs: number;
  readonly retry?: RetryRules;
  /**
   * Where the next attempt goes; `previous` is where this request's last attempt went (null
   * for the first). Return null when there is nowhere to send it: the request fails.
   */
  readonly target: (previous: string | null) => string | null;
  /** The payload of an attempt; it must carry `attempt.call`, and the reply must carry it back. */
  readonly message: (attempt: Attempt) => P;
  /** Told of each attempt just before it is sent (to count attempts during an outage, say). */
  readonly onAttempt?: (attempt: Attempt) => void;
}

interface Active {
  attempt: number;
  to: string | null;
}

/**
 * A client that sends requests and waits for each with a timeout, retrying by its rules:
 * up to `maxAttempts` tries, a backoff between them, optionally a retry budget and a
 * circuit breaker. A timeout or a retryable error answer counts as a failed attempt; a
 * non-retryable error ends the request at once. Every request it issues ends exactly once in
 * the ledger: ok on an ok reply, timed out when it gives up after a timeout, failed when it
 * gives up after an error answer or is refused before any attempt is sent (open circuit,
 * nowhere to send it).
 *
 * Load comes two ways. Closed loop (`closedLoop(thinkMs)`): the client thinks (exponential,
 * with that mean), sends one request, waits for it to end, thinks again; like a user, it
 * sends less when the system is slow. Open loop: the scenario starts a request in the ledger
 * whenever one arrives (see `Arrivals`) and calls `issue(request)`; arrivals do not wait
 * for the system, so a slow system builds a backlog.
 *
 * The scenario adds the client's node and routes to it the replies (`reply(call)`) and the
 * ClientTimer timers (`onTimer`).
 */
export class Client<P> {
  readonly breaker: CircuitBreaker | null;
  private readonly budget: RetryBudget | null;
  private readonly rules: RetryRules;
  private readonly calls: PendingCalls<number>;
  private readonly active = new Map<number, Active>();
  private thinkMs: number | null = null;

  constructor(
    private readonly sim: SimPort<P, ClientTimer>,
    private readonly options: ClientOptions<P>,
  ) {
    this.rules = options.retry ?? NO_RETRIES;
    this.calls = new PendingCalls(sim, options.node, options.timeoutMs);
    this.budget = this.rules.budget === null ? null : new RetryBudget(this.rules.budget);
    this.breaker =
      this.rules.breaker === null
        ? null
        : new CircuitBreaker(this.rules.breaker, (state) =>
            sim.setStatus(options.node, state === "closed" ? "up" : state === "open" ? "open-circuit" : "half-open"),
          );
  }

  /** Requests issued and not yet ended. */
  get inFlight(): number {
    return this.active.size;
  }

  /** Starts a closed loop: think, request, wait for its end, think again. */
  closedLoop(thinkMs: number): void {
    this.thinkMs = thinkMs;
    this.think();
  }

  /** Sends the first attempt of a request already started in the ledger. */
  issue(request: number): void {
    this.active.set(request, { attempt: 0, to: null });
    this.sendAttempt(request);
  }

  /** A reply to `call` arrived (ok unless said otherwise). A reply to an attempt already given up is counted as late. */
  reply(call: number, answer: Answer = OK): void {
    const request = this.calls.settle(call);
    if (request === undefined) {
      this.options.requests.lateReply();
      return;
    }
    if (answer.ok) {
      this.breaker?.success();
      this.end(request, "ok");
    } else if (answer.retryable) {
      this.attemptFailed(request, "failed", answer.retryAfterMs);
    } else {
      this.end(request, "failed");
    }
  }

  onTimer(timer: ClientTimer): void {
    switch (timer.type) {
      case "next-request": {
        const request = this.options.requests.start();
        this.budget?.earn();
        this.issue(request);
        break;
      }
      case "call-timeout": {
        const request = this.calls.expire(timer);
        if (request !== undefined) this.attemptFailed(request, "timed-out");
        break;
      }
      case "retry":
        if (this.active.has(timer.request)) this.sendAttempt(timer.request);
        break;
    }
  }

  private sendAttempt(request: number): void {
    const state = this.active.get(request);
    if (state === undefined) return;
    if (this.breaker !== null && !this.breaker.allow(this.sim.now)) {
      this.end(request, "failed");
      return;
    }
    state.attempt++;
    const to = this.options.target(state.to);
    if (to === null) {
      this.end(request, "failed");
      return;
    }
    state.to = to;
    const call = this.calls.open(request);
    const attempt: Attempt = { request, attempt: state.attempt, call, to };
    this.options.requests.attempt(state.attempt);
    this.options.onAttempt?.(attempt);
    this.sim.send(this.options.node, to, state.attempt > 1 ? "retry" : "request", this.options.message(attempt));
  }

  /** The attempt timed out or was refused: open the breaker, give up, or retry after the backoff. */
  private attemptFailed(request: number, how: "timed-out" | "failed", retryAfterMs?: number): void {
    const state = this.active.get(request);
    if (state === undefined) return;
    if (this.breaker?.failure(this.sim.now) === true || state.attempt >= this.rules.maxAttempts || (this.budget !== null && !this.budget.spend())) {
      this.end(request, how);
      return;
    }
    const backoff = this.rules.backoff(state.attempt, this.sim.rng);
    const delay = this.rules.honorRetryAfter === true && retryAfterMs !== undefined ? Math.max(backoff, retryAfterMs) : backoff;
    if (delay === 0) this.sendAttempt(request);
    else this.sim.setTimer(this.options.node, delay, { type: "retry", request });
  }

  private end(request: number, how: "ok" | "failed" | "timed-out"): void {
    this.active.delete(request);
    if (how === "ok") this.options.requests.succeed(request);
    else this.options.requests.fail(request, how);
    this.think();
  }

  private think(): void {
    if (this.thinkMs !== null) this.sim.setTimer(this.options.node, this.sim.rng.exponential(this.thinkMs), { type: "next-request" });
  }
}
