/**
 * The production server as a process: it logs what it opened at start, and on SIGTERM it
 * stops accepting, lets the request in flight finish, closes the database and exits 0; the
 * data is there, and the database opens cleanly, afterwards.
 */
import http from "node:http";
import { expect, inject, test } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { isSetUp } from "@/lib/server/instance/admin";
import { PASSWORD } from "./support/api";
import { logEntries, startApp } from "./support/app-process";

function slowPost(url: string, path: string, body: string, split: number) {
  const target = new URL(path, url);
  let sendRest: () => void = () => {};
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: url } },
      (res) => {
        let data = "";
        res.on("data", (chunk: Buffer) => (data += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, split));
    sendRest = () => req.end(body.slice(split));
  });
  return { response, sendRest: () => sendRest() };
}

async function until(condition: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A GET on a connection of its own (fetch would reuse a kept-alive one). */
function freshConnectionGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
}

test("start: one log line says which database, where, whether it was created, which migrations ran", async () => {
  const app = await startApp();
  try {
    const ready = logEntries(app).find((e) => e.msg === "database ready");
    expect(ready).toMatchObject({ level: "info", driver: inject("testDb"), created: false, applied: [] });
    expect(typeof ready?.location).toBe("string");
    expect(String(ready?.location)).not.toMatch(/:[^/@]+@/); // no password in a PostgreSQL URL
  } finally {
    await app.stop();
  }
});

/** The Content-Encoding of a GET that accepts gzip (a raw request: fetch would decode it). */
function encodingOf(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      res.resume();
      resolve(res.headers["content-encoding"]);
    });
    req.on("error", reject);
  });
}

test("small API answers are not gzipped (a few hundred bytes are not worth it); pages are", async () => {
  const app = await startApp();
  try {
    expect(await encodingOf(`${app.url}/api/v1/health`)).toBeUndefined();
    expect(await encodingOf(`${app.url}/api/v1/session`)).toBeUndefined();
    expect(await encodingOf(`${app.url}/`)).toBe("gzip");
  } finally {
    await app.stop();
  }
});

test("SIGTERM: the request in flight completes, the process exits 0, the write is kept", async () => {
  const app = await startApp();
  const body = JSON.stringify({ name: "Ada Admin", email: "ada@example.com", password: PASSWORD });
  const inFlight = slowPost(app.url, "/api/v1/setup", body, 12);
  await new Promise((resolve) => setTimeout(resolve, 300));
  app.child.kill("SIGTERM");
  await until(() => logEntries(app).some((e) => e.msg === "shutting down"));
  // Shutting down: a new connection is refused.
  await expect(freshConnectionGet(`${app.url}/api/v1/health`)).rejects.toThrow(/ECONNREFUSED/);
  inFlight.sendRest();
  const answer = await inFlight.response;
  expect(answer.status, answer.body).toBe(201);
  const exit = await app.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  const messages = logEntries(app).map((e) => e.msg);
  expect(messages).toEqual(expect.arrayContaining(["shutting down", "database closed", "shut down"]));
  expect(messages.indexOf("database closed")).toBeGreaterThan(messages.lastIndexOf("request"));

  // This process opens the same database (for PGlite, the same files) and finds the admin.
  expect(await isSetUp(await getDb())).toBe(true);
});
