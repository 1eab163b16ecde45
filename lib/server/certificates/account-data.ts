import "server-only";
import { eq } from "drizzle-orm";
import type { AccountDataPart } from "../accounts/data-parts";
import { certificates } from "../db/schema";
import { listCertificatesOf } from "./repository";

/** A person's certificates: exported with their data, and deleted with the account (they stop verifying). */
export const certificatesPart: AccountDataPart = {
  key: "certificates",
  async describe(db, userId) {
    const held = await listCertificatesOf(db, userId);
    if (held.length === 0) return [];
    const titles = held.map((c) => `“${c.trackTitle}”`).join(", ");
    return [`${held.length === 1 ? "Your certificate" : `Your ${held.length} certificates`} (${titles}): their verification pages will say they are not found.`];
  },
  async export(db, userId) {
    return (await listCertificatesOf(db, userId)).map((c) => ({
      id: c.id,
      track: c.track,
      trackTitle: c.trackTitle,
      holderName: c.holderName,
      passMark: c.passMark,
      completedAt: c.completedAt,
      issuedAt: c.issuedAt,
      steps: c.steps,
    }));
  },
  async delete(tx, userId) {
    await tx.delete(certificates).where(eq(certificates.userId, userId));
  },
};
