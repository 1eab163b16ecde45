/**
 * Team tracks: made by a team's leads, assigned to the whole team or to chosen members. The
 * content (title, summary, pass mark, assessment step, ordered steps) is the lib/tracks Track
 * model; steps and the assessment are jsonb, validated by lib/tracks/schema before they are
 * written. Every publish and every edit of a published track writes a revision (a snapshot),
 * so a learner can be shown what changed since the revision they last saw.
 *
 * Who has a track: the explicit assignments below, plus, while `wholeTeamSince` is set, every
 * member of the team (those who join later too), starting at the later of that moment and
 * the day they joined. lib/server/tracks/repository.ts is the one place that combines them.
 *
 * No `server-only` import here: drizzle-kit reads this file to generate migrations.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { TrackStep, Due } from "@/lib/tracks/types";
import { members, organizations, users } from "./auth";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const TEAM_TRACK_STATUSES = ["draft", "published", "archived"] as const;
export type TeamTrackStatus = (typeof TEAM_TRACK_STATUSES)[number];

export type StoredAssessment = { due: Due; note: string } | null;

export const teamTracks = pgTable(
  "team_tracks",
  {
    /** A random UUID: kebab-case, so it is also a valid lib/tracks Track id. */
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    passMark: integer("pass_mark").notNull(),
    assessment: jsonb("assessment").$type<StoredAssessment>(),
    steps: jsonb("steps").$type<TrackStep[]>().notNull(),
    status: text("status").$type<TeamTrackStatus>().notNull().default("draft"),
    /** Set while the track is assigned to the whole team, including members who join later. */
    wholeTeamSince: at("whole_team_since"),
    /** The latest published revision; 0 while the track has never been published. */
    revision: integer("revision").notNull().default(0),
    /** The built-in track it was copied from, if any (for the lead's information only). */
    copiedFrom: text("copied_from"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    publishedAt: at("published_at"),
    archivedAt: at("archived_at"),
  },
  (t) => [
    index("team_tracks_team_id_idx").on(t.teamId),
    check("team_tracks_status_check", sql`${t.status} in ('draft', 'published', 'archived')`),
    check("team_tracks_pass_mark_check", sql`${t.passMark} between 0 and 100`),
  ],
);

/** A snapshot of a track as published (revision 1 is the first publish; each later edit adds one). */
export const teamTrackRevisions = pgTable(
  "team_track_revisions",
  {
    trackId: text("track_id")
      .notNull()
      .references(() => teamTracks.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    passMark: integer("pass_mark").notNull(),
    assessment: jsonb("assessment").$type<StoredAssessment>(),
    steps: jsonb("steps").$type<TrackStep[]>().notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: at("published_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.revision] })],
);

/** A track given to one chosen member; `assignedAt` is the start of its "days after" due dates. */
export const teamTrackAssignments = pgTable(
  "team_track_assignments",
  {
    trackId: text("track_id")
      .notNull()
      .references(() => teamTracks.id, { onDelete: "cascade" }),
    /** The membership (members.id): leaving the team removes the assignment with it. */
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    assignedAt: at("assigned_at").notNull().defaultNow(),
    assignedBy: text("assigned_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.memberId] }), index("team_track_assignments_member_id_idx").on(t.memberId)],
);

/** The revision of a track a learner last saw: what changed since is shown to them until they see it. */
export const teamTrackViews = pgTable(
  "team_track_views",
  {
    trackId: text("track_id")
      .notNull()
      .references(() => teamTracks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenRevision: integer("seen_revision").notNull(),
    seenAt: at("seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trackId, t.userId] }), index("team_track_views_user_id_idx").on(t.userId)],
);
