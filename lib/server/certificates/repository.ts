import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { CertificateContent, CertificateStep, CertificateTrackRef } from "@/lib/tracks/certificate";
import { certificates } from "../db/schema";
import type { Queryable } from "../db/types";

/** A stored certificate, as its page shows it. */
export interface Certificate {
  id: string;
  userId: string;
  holderName: string;
  track: CertificateTrackRef;
  trackTitle: string;
  passMark: number;
  completedAt: Date;
  issuedAt: Date;
  steps: CertificateStep[];
}

/** 32 random bytes (256 bits) in base64url: 43 characters nobody can guess or enumerate. */
export function newCertificateId(): string {
  return randomBytes(32).toString("base64url");
}

/** The shape of a certificate id: anything else cannot name one, so it is not looked up. */
export const CERTIFICATE_ID = /^[A-Za-z0-9_-]{43}$/;

type Row = typeof certificates.$inferSelect;

function fromRow(row: Row): Certificate {
  const track: CertificateTrackRef =
    row.trackKind === "team" && row.teamId ? { kind: "team", trackId: row.trackId, teamId: row.teamId } : { kind: "built-in", trackId: row.trackId };
  return {
    id: row.id,
    userId: row.userId,
    holderName: row.holderName,
    track,
    trackTitle: row.trackTitle,
    passMark: row.passMark,
    completedAt: row.completedAt,
    issuedAt: row.issuedAt,
    steps: row.steps,
  };
}

export async function findCertificate(db: Queryable, id: string): Promise<Certificate | null> {
  if (!CERTIFICATE_ID.test(id)) return null;
  const rows = await db.select().from(certificates).where(eq(certificates.id, id));
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function findCertificateOf(db: Queryable, userId: string, track: CertificateTrackRef): Promise<Certificate | null> {
  const rows = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, userId), eq(certificates.trackKind, track.kind), eq(certificates.trackId, track.trackId)));
  return rows[0] ? fromRow(rows[0]) : null;
}

export async function listCertificatesOf(db: Queryable, userId: string): Promise<Certificate[]> {
  const rows = await db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(asc(certificates.issuedAt));
  return rows.map(fromRow);
}

/** Certificates for this team's tracks held by these users: what a lead sees in the dashboard. */
export async function certificatesForTeam(db: Queryable, teamId: string, userIds: readonly string[]): Promise<Certificate[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.teamId, teamId), inArray(certificates.userId, [...userIds])));
  return rows.map(fromRow);
}

/**
 * Stores a certificate; when the user already holds one for this track (a second request, or
 * two at once), that one is kept and returned, so each track has at most one per person.
 */
export async function insertCertificate(db: Queryable, userId: string, holderName: string, content: CertificateContent, issuedAt: Date): Promise<Certificate> {
  const inserted = await db
    .insert(certificates)
    .values({
      id: newCertificateId(),
      userId,
      trackKind: content.track.kind,
      trackId: content.track.trackId,
      teamId: content.track.kind === "team" ? content.track.teamId : null,
      holderName,
      trackTitle: content.trackTitle,
      passMark: content.passMark,
      completedAt: new Date(content.completedAt),
      issuedAt,
      steps: content.steps,
    })
    .onConflictDoNothing({ target: [certificates.userId, certificates.trackKind, certificates.trackId] })
    .returning();
  if (inserted[0]) return fromRow(inserted[0]);
  const existing = await findCertificateOf(db, userId, content.track);
  if (!existing) throw new Error("certificate vanished between insert and read");
  return existing;
}
