/**
 * Certificates: a learner completed a track, checked by the server from their synced facts.
 * Everything the certificate says is frozen here at issue (name, track title, pass mark, date,
 * per-step scores), so it reads the same after the track is edited or archived. The id is the
 * unguessable part of its public address. Deleting the account deletes its certificates
 * (cascade), so they stop verifying.
 *
 * No `server-only` import here: drizzle-kit reads this file to generate migrations.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { CertificateStep } from "../../../tracks/certificate";
import { organizations, users } from "./auth";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const certificates = pgTable(
  "certificates",
  {
    /** 256 random bits, base64url: the public verification address. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "built-in" or "team". */
    trackKind: text("track_kind").notNull(),
    trackId: text("track_id").notNull(),
    /** The team whose track it is (null for a built-in track); leads of that team see who holds one. */
    teamId: text("team_id").references(() => organizations.id, { onDelete: "set null" }),
    holderName: text("holder_name").notNull(),
    trackTitle: text("track_title").notNull(),
    passMark: integer("pass_mark").notNull(),
    completedAt: at("completed_at").notNull(),
    issuedAt: at("issued_at").notNull().defaultNow(),
    steps: jsonb("steps").$type<CertificateStep[]>().notNull(),
  },
  (t) => [
    uniqueIndex("certificates_user_track_idx").on(t.userId, t.trackKind, t.trackId),
    index("certificates_team_idx").on(t.teamId),
  ],
);
