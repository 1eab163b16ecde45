// Test data helpers of the payments service (not shown in the lesson).
export declare function seedOrder(orderId: string): Promise<void>;
