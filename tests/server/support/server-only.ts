// Stands in for the `server-only` package under vitest: these tests are the server.
export {};
