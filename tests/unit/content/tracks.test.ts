import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CURRICULUM } from "@/lib/content/curriculum";
import { checkTracks } from "@/lib/content/tracks.server";
import { asTrack } from "@/lib/tracks/built-in";
import { trackFile, writeTrack } from "../../fixtures/track";

const lessonIds = new Set(["system-architecture", "fault-tolerance", "observability", "messaging"]);

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "quorum-tracks-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const messages = (errors: { file: string; field: string; message: string }[]) => errors.map((e) => `${path.basename(e.file)} › ${e.field}: ${e.message}`);

async function problemsWith(overrides: Record<string, unknown>, name = "first-week.yaml") {
  await writeTrack(root, name, trackFile(overrides));
  return messages((await checkTracks(lessonIds, root)).errors);
}

describe("checkTracks", () => {
  it("loads a valid track into the model's shape", async () => {
    await writeTrack(root, "first-week.yaml", trackFile({ assessment: { dueAfterDays: 0, note: "Find your gaps." } }));
    const { tracks, errors } = await checkTracks(lessonIds, root);
    expect(errors).toEqual([]);
    expect(tracks).toEqual([
      {
        id: "first-week",
        title: "First week",
        summary: "What a new engineer reads first.",
        passMark: 80,
        assessment: { due: { kind: "days", days: 0 }, note: "Find your gaps." },
        steps: [
          { lessonId: "system-architecture", due: { kind: "days", days: 1 }, note: "The map of the system." },
          { lessonId: "fault-tolerance", due: { kind: "days", days: 3 }, note: "Where new code hurts most." },
          { lessonId: "observability", due: { kind: "none" }, note: "How to see what it does." },
        ],
      },
    ]);
    expect(asTrack(tracks[0]!).steps).toHaveLength(3);
  });

  it.each([
    [{ id: "First_Week" }, ["first-week.yaml › id: must be kebab-case (a-z, 0-9 and single hyphens)"]],
    [{ id: "second-week" }, ['first-week.yaml › id: is "second-week", but the file is named "first-week.yaml"; name the file after the id']],
    [{ passMark: 45 }, ["first-week.yaml › passMark: must be a whole percentage from 50 to 100"]],
    [{ passMark: 0.8 }, ["first-week.yaml › passMark: must be a whole percentage from 50 to 100"]],
    [{ passMark: "80%" }, ["first-week.yaml › passMark: must be a whole percentage from 50 to 100"]],
    [{ title: "" }, ["first-week.yaml › title: must not be empty"]],
    [{ steps: (trackFile().steps as object[]).slice(0, 2) }, ["first-week.yaml › steps: needs at least 3 steps"]],
    [
      { steps: [...(trackFile().steps as object[]), { lesson: "kafka", note: "Logs." }] },
      ['first-week.yaml › steps.3.lesson: "kafka" is not an existing lesson'],
    ],
    [
      { steps: [...(trackFile().steps as object[]), { lesson: "fault-tolerance", note: "Again." }] },
      ['first-week.yaml › steps.3.lesson: "fault-tolerance" is already step 2; a lesson appears once in a track'],
    ],
    [
      { steps: [{ lesson: "system-architecture", note: "x", due: "2025-03-01" }, ...(trackFile().steps as object[]).slice(1)] },
      ['first-week.yaml › steps.0: Unrecognized key: "due"'],
    ],
    [
      { steps: [{ lesson: "system-architecture", dueAfterDays: 1.5, note: "x" }, ...(trackFile().steps as object[]).slice(1)] },
      ["first-week.yaml › steps.0.dueAfterDays: must be a whole number of days after starting (0 is the day the learner starts)"],
    ],
    [
      { steps: [{ lesson: "system-architecture", note: "" }, ...(trackFile().steps as object[]).slice(1)] },
      ["first-week.yaml › steps.0.note: must not be empty"],
    ],
    [
      { steps: [{ lesson: "system-architecture", dueAfterDays: 5, note: "x" }, ...(trackFile().steps as object[]).slice(1)] },
      ["first-week.yaml › steps.1.dueAfterDays: is day 3, before step 1 (day 5); due days must not go down along the path"],
    ],
    [
      { assessment: { dueAfterDays: 7, note: "Find your gaps." } },
      [
        "first-week.yaml › steps.0.dueAfterDays: is day 1, before the assessment (day 7); due days must not go down along the path",
        "first-week.yaml › steps.1.dueAfterDays: is day 3, before the assessment (day 7); due days must not go down along the path",
      ],
    ],
  ])("rejects %j, naming the file and field", async (overrides, expected) => {
    expect(await problemsWith(overrides)).toEqual(expected);
  });

  it("rejects invalid YAML, a .yml file and two tracks with one id", async () => {
    await writeTrack(root, "broken.yaml", "id: broken\nsteps: [unclosed\n");
    await writeTrack(root, "first-week.yml", trackFile());
    await writeTrack(root, "first-week.yaml", trackFile());
    await writeTrack(root, "zz-copy.yaml", trackFile());
    const found = messages((await checkTracks(lessonIds, root)).errors);
    expect(found).toContain("first-week.yml › : has the extension .yml; name it .yaml");
    expect(found.find((m) => m.startsWith("broken.yaml › : is not valid YAML:"))).toBeDefined();
    expect(found).toContain('zz-copy.yaml › id: is "first-week", but the file is named "zz-copy.yaml"; name the file after the id');
    expect(found.some((m) => /^zz-copy\.yaml › id: "first-week" is also the id of .*first-week\.yaml$/.test(m))).toBe(true);
  });

  it("the built-in tracks in content/tracks are valid, each with at least three noted steps", async () => {
    const { tracks, errors } = await checkTracks(new Set(CURRICULUM.map((p) => p.id)));
    expect(errors).toEqual([]);
    expect(tracks.length).toBeGreaterThanOrEqual(3);
    for (const track of tracks) {
      expect(track.steps.length).toBeGreaterThanOrEqual(3);
      for (const step of track.steps) expect(step.note.length).toBeGreaterThan(40);
    }
  });
});
