import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { Env } from "./env";
import { log } from "./log";

/**
 * Email is optional. With SMTP_URL set, invitation links are also emailed; without it, they are
 * copied from the team page and nothing else changes. A failed send never fails the invitation.
 */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function createMailer(env: Env, transport?: Transporter): Mailer | null {
  if (!env.SMTP_URL && !transport) return null;
  const transporter = transport ?? nodemailer.createTransport(env.SMTP_URL);
  return {
    async send(message) {
      await transporter.sendMail({ from: env.SMTP_FROM, ...message });
    },
  };
}

export function invitationEmail(input: { teamName: string; inviterName: string; role: string; link: string; expiresAt: Date }) {
  return {
    subject: `${input.inviterName} invited you to ${input.teamName} on Quorum`,
    text: [
      `${input.inviterName} invited you to join the team “${input.teamName}” on Quorum as a ${input.role}.`,
      "",
      `Accept the invitation: ${input.link}`,
      "",
      `The link works once and expires on ${input.expiresAt.toUTCString()}.`,
      "If you did not expect it, ignore this email.",
    ].join("\n"),
  };
}

/** Sends and reports whether it worked; the error goes to the log, not to the caller. */
export async function trySend(mailer: Mailer | null, message: { to: string; subject: string; text: string }): Promise<boolean> {
  if (!mailer) return false;
  try {
    await mailer.send(message);
    return true;
  } catch (error) {
    log("warn", "email not sent", { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
