/** The pure parts of the server's edge: environment, logs, origins, request ids, problems, bodies. */
import { describe, expect, test, vi } from "vitest";
import * as z from "zod";
import { EnvError, getEnv, parseEnv } from "@/lib/server/env";
import { formatLogLine } from "@/lib/server/log";
import { readJsonBody } from "@/lib/server/http/body";
import { assertSameOrigin } from "@/lib/server/http/origin";
import { problemBody, ProblemError } from "@/lib/server/http/problem";
import { requestIdFor } from "@/lib/server/http/request-id";
import { clientAddress, pathForLog } from "@/lib/server/http/route";

describe("environment", () => {
  test("nothing set: the embedded database under ./data, a 5 s budget, no SMTP", () => {
    expect(parseEnv({})).toEqual({ QUORUM_DATA_DIR: "./data", QUORUM_DB_TIMEOUT_MS: 5000, SMTP_FROM: "Quorum <quorum@localhost>" });
  });
  test("empty strings count as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", BETTER_AUTH_SECRET: " " }).DATABASE_URL).toBeUndefined();
  });
  test("every bad value is named", () => {
    const attempt = () => parseEnv({ DATABASE_URL: "mysql://x", BETTER_AUTH_SECRET: "short", QUORUM_DB_TIMEOUT_MS: "soon", SMTP_URL: "http://mail" });
    expect(attempt).toThrow(EnvError);
    const problems = (() => {
      try {
        attempt();
        return "";
      } catch (error) {
        return error instanceof EnvError ? error.problems.join("\n") : "";
      }
    })();
    for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET", "QUORUM_DB_TIMEOUT_MS", "SMTP_URL"]) expect(problems).toContain(name);
  });
  test("getEnv parses once, and again when a variable changes (set, changed, unset, made invalid)", () => {
    try {
      vi.stubEnv("QUORUM_DB_TIMEOUT_MS", "1234");
      const first = getEnv();
      expect(first.QUORUM_DB_TIMEOUT_MS).toBe(1234);
      expect(getEnv()).toBe(first);
      vi.stubEnv("QUORUM_DB_TIMEOUT_MS", "2345");
      expect(getEnv().QUORUM_DB_TIMEOUT_MS).toBe(2345);
      vi.stubEnv("BETTER_AUTH_URL", "https://quorum.example.com");
      expect(getEnv().BETTER_AUTH_URL).toBe("https://quorum.example.com");
      vi.stubEnv("BETTER_AUTH_URL", undefined);
      expect(getEnv().BETTER_AUTH_URL).toBeUndefined();
      vi.stubEnv("QUORUM_DB_TIMEOUT_MS", "soon");
      expect(() => getEnv()).toThrow(EnvError);
      expect(() => getEnv()).toThrow(EnvError);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("log lines", () => {
  test("one JSON object with time, level and message; secrets replaced at any depth", () => {
    const line = formatLogLine("info", "hello", { userId: "u1", password: "hunter2", nested: { Cookie: "a=b", sessionToken: "t", ok: 1 } }, new Date(0));
    expect(JSON.parse(line)).toEqual({
      time: "1970-01-01T00:00:00.000Z",
      level: "info",
      msg: "hello",
      userId: "u1",
      password: "[redacted]",
      nested: { Cookie: "[redacted]", sessionToken: "[redacted]", ok: 1 },
    });
  });
  test("a failed query keeps its SQL and drops its parameters", () => {
    const error = Object.assign(new Error("Failed query: insert into sessions ...\nparams: secret-token,hash"), { query: "insert into sessions ...", params: ["secret-token"] });
    const line = formatLogLine("error", "boom", { error });
    expect(line).toContain("insert into sessions");
    expect(line).not.toContain("secret-token");
  });
});

describe("the same-origin rule", () => {
  const req = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/v1/teams", { method, headers });
  const verdict = (method: string, headers: Record<string, string>) => {
    try {
      assertSameOrigin(req(method, headers));
      return "pass";
    } catch (error) {
      return error instanceof ProblemError ? error.type : "error";
    }
  };
  test.each([
    ["GET from anywhere", "GET", { origin: "https://evil.example" }, "pass"],
    ["POST from this origin", "POST", { origin: "http://localhost:3000", cookie: "a=b" }, "pass"],
    ["POST from another origin", "POST", { origin: "https://evil.example" }, "cross-origin"],
    ["POST from another port", "POST", { origin: "http://localhost:4000", cookie: "a=b" }, "cross-origin"],
    ["POST with only a same-origin Referer", "POST", { referer: "http://localhost:3000/teams", cookie: "a=b" }, "pass"],
    ["POST with a foreign Referer", "POST", { referer: "https://evil.example/x", cookie: "a=b" }, "cross-origin"],
    ["POST with Origin: null", "POST", { origin: "null" }, "cross-origin"],
    ["POST marked cross-site by the browser", "POST", { "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }, "cross-origin"],
    ["POST with a cookie but no origin at all", "POST", { cookie: "a=b" }, "cross-origin"],
    ["POST with neither cookie nor origin (not a browser)", "POST", {}, "pass"],
    ["DELETE from another origin", "DELETE", { origin: "https://evil.example", cookie: "a=b" }, "cross-origin"],
    // next start addresses every request to its own hostname (localhost); the browser's Host tells where it really went.
    ["POST via 127.0.0.1 (Host says so)", "POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", cookie: "a=b" }, "pass"],
    ["POST whose Origin differs from Host", "POST", { host: "127.0.0.1:3000", origin: "http://localhost:3000", cookie: "a=b" }, "cross-origin"],
  ] as const)("%s", (_name, method, headers, expected) => {
    expect(verdict(method, headers)).toBe(expected);
  });
});

describe("request ids and log paths", () => {
  test("a sane id is kept, anything else replaced", () => {
    const idOf = (value?: string) => requestIdFor(new Request("http://x/", value ? { headers: { "x-request-id": value } } : {}));
    expect(idOf("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(idOf()).toMatch(/^[0-9a-f-]{36}$/);
    expect(idOf("a b")).toMatch(/^[0-9a-f-]{36}$/);
    expect(idOf("x".repeat(129))).toMatch(/^[0-9a-f-]{36}$/);
  });
  test("invitation tokens never reach a log line", () => {
    expect(pathForLog("/api/v1/invitations/SECRET/accept")).toBe("/api/v1/invitations/:token/accept");
    expect(pathForLog("/api/v1/teams/t1/invitations/SECRET")).toBe("/api/v1/teams/t1/invitations/:token");
    expect(pathForLog("/api/v1/certificates/SECRET")).toBe("/api/v1/certificates/:token");
    expect(pathForLog("/certificates/SECRET")).toBe("/certificates/:token");
    expect(pathForLog("/api/v1/teams/t1/invitations")).toBe("/api/v1/teams/t1/invitations");
  });
});

describe("problem details", () => {
  test("type, title, status, detail, and extensions that cannot override them", () => {
    expect(problemBody("rate-limited", "Slow down.", { retryAfterSeconds: 3, status: 200, type: "x" })).toEqual({
      type: "urn:quorum:problem:rate-limited",
      title: "Too many requests",
      status: 429,
      detail: "Slow down.",
      retryAfterSeconds: 3,
    });
  });
});

describe("JSON bodies", () => {
  const schema = z.object({ name: z.string().min(1) });
  const read = (body: string | Uint8Array<ArrayBuffer>, contentType = "application/json") =>
    readJsonBody(new Request("http://x/", { method: "POST", headers: { "content-type": contentType }, body }), schema, { maxBytes: 64 }).then(
      (value) => ({ ok: value }),
      (error: ProblemError) => ({ problem: error.type, status: error.status }),
    );
  test.each([
    ["valid", '{"name":"a"}', "application/json", { ok: { name: "a" } }],
    ["a +json media type", '{"name":"a"}', "application/merge-patch+json", { ok: { name: "a" } }],
    ["not JSON", "{name", "application/json", { problem: "malformed-request", status: 400 }],
    ["not UTF-8", new Uint8Array([0x22, 0xff, 0xfe, 0x22]), "application/json", { problem: "malformed-request", status: 400 }],
    ["the wrong shape", '{"name":""}', "application/json", { problem: "validation-failed", status: 400 }],
    ["too long", JSON.stringify({ name: "x".repeat(100) }), "application/json", { problem: "payload-too-large", status: 413 }],
    ["another media type", '{"name":"a"}', "text/plain", { problem: "unsupported-media-type", status: 415 }],
  ] as const)("%s", async (_name, body, contentType, expected) => {
    expect(await read(body, contentType)).toEqual(expected);
  });
});

describe("the client's address for rate limits", () => {
  const from = (init: Record<string, string>) => clientAddress(new Headers(init));

  test("is the entry the nearest proxy appended, not one the client wrote before it", () => {
    expect(from({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).toBe("203.0.113.9");
    expect(from({ "x-forwarded-for": " 203.0.113.9 " })).toBe("203.0.113.9");
  });

  test("falls back to X-Real-IP, then to one shared key", () => {
    expect(from({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(from({ "x-forwarded-for": "", "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(from({})).toBe("unknown");
  });
});
