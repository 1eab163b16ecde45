// The payments service's entry point, as its provider verification starts it (not shown in the lesson).
export declare function startServer(options: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
