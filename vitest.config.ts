import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // lib/server modules import "server-only"; under vitest they are the server.
      "server-only": fileURLToPath(new URL("./tests/server/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    globals: true,
    testTimeout: 20_000,
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/component/**/*.test.tsx"],
    environment: "node",
    setupFiles: ["tests/setup.ts"],
  },
});
