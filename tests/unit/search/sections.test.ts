import { compileLessonMdx } from "@/lib/content/compile.server";

const source = `Some words before any heading.

## Why it *matters*

A partial failure. See the [table](#x) and \`inline code\`.

\`\`\`ts
const hidden = "code is not indexed";
\`\`\`

<Pitfall>
A retry **storm** in a callout.
</Pitfall>

<WarStory title="The outage of 2019">
It lasted an hour.
</WarStory>

<Figure caption="A diagram">
<svg viewBox="0 0 10 10" role="img" aria-label="A box"><text>label inside svg</text></svg>
</Figure>

### Retry budgets

| Rule | Why |
| --- | --- |
| cap | load |

## Check yourself

<Quiz />

## Checklist

<Checklist />
`;

describe("rehypeCollectSections", () => {
  it("cuts the lesson at h2 and h3, with the anchors rehype-slug gave them, as plain text", async () => {
    const { facts } = await compileLessonMdx(source, process.cwd());
    expect(facts.sections.map((s) => [s.id, s.heading, s.depth])).toEqual([
      [null, null, null],
      ["why-it-matters", "Why it matters", 2],
      ["retry-budgets", "Retry budgets", 3],
      ["check-yourself", "Check yourself", 2],
      ["checklist", "Checklist", 2],
    ]);
    const [intro, why, budgets] = facts.sections;
    expect(intro?.text).toBe("Some words before any heading.");
    expect(why?.text).toBe(
      "A partial failure. See the table and inline code. A retry storm in a callout. The outage of 2019 It lasted an hour. A diagram",
    );
    expect(budgets?.text).toBe("Rule Why cap load");
  });

  it("keeps callout titles and figure captions, leaves out code blocks and diagrams, and records the components each section uses", async () => {
    const { facts } = await compileLessonMdx(source, process.cwd());
    const all = facts.sections.map((s) => s.text).join(" ");
    expect(all).not.toContain("hidden");
    expect(all).not.toContain("label inside svg");
    expect(facts.sections.find((s) => s.id === "why-it-matters")?.components).toEqual(["Pitfall", "WarStory", "Figure"]);
    expect(facts.sections.find((s) => s.id === "check-yourself")?.components).toEqual(["Quiz"]);
    expect(facts.sections.find((s) => s.id === "checklist")?.components).toEqual(["Checklist"]);
  });
});
