// The retry budget from the fault-tolerance lesson, a token bucket (not shown again in this lesson).
export declare class RetryBudget {
  constructor(ratio?: number, capacity?: number);
  onRequest(): void;
  tryRetry(): boolean;
}
