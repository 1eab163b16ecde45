// Checkout's client for the payments API: what the consumer test exercises (not shown in the lesson).
export declare class PaymentsClient {
  constructor(baseUrl: string);
  create(orderId: string, amountMinor: number): Promise<{ id: string; status: string }>;
}
