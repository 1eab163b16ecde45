import type { LaunchOptions } from "@playwright/test";
import { existsSync } from "node:fs";

/**
 * Which Chromium to drive. CHROMIUM_PATH wins; otherwise Debian's /usr/bin/chromium when it
 * is installed; otherwise Playwright's own downloaded browser (for those who use `npx
 * playwright install`). The flags keep a headless run off the network it cannot reach.
 */
export function launchOptions(): LaunchOptions {
  const debian = "/usr/bin/chromium";
  const executablePath = process.env.CHROMIUM_PATH || (existsSync(debian) ? debian : undefined);
  return {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
