/**
 * Optional email: with SMTP_URL set, an invitation is also emailed (to a tiny SMTP server here);
 * when sending fails, the invitation is still made and the answer says it was not emailed.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as z from "zod";
import { freePort } from "./support/postgres-cluster";
import { buildWorld, invite, type World } from "./support/world";
import * as invitationsRoute from "@/app/api/v1/teams/[teamId]/invitations/route";
import { call } from "./support/api";

/** Just enough SMTP to accept one message and remember it. */
function fakeSmtp(received: string[]): Server {
  return createServer((socket: Socket) => {
    let data = false;
    let message = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      for (const line of chunk.toString().split("\r\n").filter((l, i, all) => l || i < all.length - 1)) {
        if (data) {
          if (line === ".") {
            data = false;
            received.push(message);
            message = "";
            socket.write("250 queued\r\n");
          } else message += line + "\n";
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 fake\r\n");
        else if (verb === "DATA") {
          data = true;
          socket.write("354 go on\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
}

let w: World;
const received: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  w = await buildWorld();
  port = await freePort();
  server = fakeSmtp(received);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});
afterAll(() => {
  delete process.env.SMTP_URL;
  server.close();
});

test("with SMTP configured, the link is emailed too", async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  const answer = await call(invitationsRoute.POST, { path: "/x", params: { teamId: w.alpha }, body: { email: "mailed@example.com", role: "member" }, session: w.admin });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ emailed: true });
  const link = z.object({ invitation: z.object({ link: z.string() }) }).parse(answer.body).invitation.link;
  expect(received).toHaveLength(1);
  expect(received[0]).toContain("mailed@example.com");
  expect(received[0]!.replace(/=\n/g, "")).toContain(link);
  expect(received[0]).toMatch(/Subject: .*Alpha/);
});

test("when sending fails, the invitation still stands and the answer says so", async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`; // nobody listens there
  const answer = await call(invitationsRoute.POST, { path: "/x", params: { teamId: w.alpha }, body: { email: "unmailed@example.com", role: "member" }, session: w.admin });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ emailed: false, invitation: { email: "unmailed@example.com" } });
  delete process.env.SMTP_URL;
  // Without SMTP nothing changes but the email: the same invite helper works.
  expect((await invite(w.admin, w.alpha, "plain@example.com", "member")).link).toMatch(/\/invite\//);
});
