import { ROLE_LABELS, type RoleName } from "./roles";

/**
 * "What your leads can see of you": who, and exactly what. Leads see a person's progress only
 * for what the team assigns them; until the team assigns lessons (onboarding tracks), that is
 * nothing, and the page says so rather than promising what is not there.
 */
export function WhatLeadsSee({ leaders, assignsAnything }: { leaders: { name: string; role: RoleName }[]; assignsAnything: boolean }) {
  return (
    <section aria-labelledby="visibility-heading" className="mt-10 rounded-xl border border-line bg-surface p-5" data-testid="what-leads-see">
      <h2 id="visibility-heading" className="text-lg font-semibold">
        What your leads can see of you
      </h2>
      {leaders.length === 0 ? (
        <p className="mt-2 text-muted">Nobody else leads this team, so nobody here sees anything of your progress.</p>
      ) : (
        <>
          <p className="mt-2">
            {leaders.map((l, i) => (
              <span key={`${l.name}-${i}`}>
                {i > 0 ? (i === leaders.length - 1 ? " and " : ", ") : ""}
                <span className="font-medium">{l.name}</span> ({ROLE_LABELS[l.role].toLowerCase()})
              </span>
            ))}{" "}
            can see, for the lessons this team assigns you:
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>your progress on each of those lessons,</li>
            <li>the checklist items you ticked in them,</li>
            <li>your quiz scores in them,</li>
            <li>when you were last active.</li>
          </ul>
          <p className="mt-3 text-sm text-muted">
            Nothing about lessons the team has not assigned, and nothing else about your account.{" "}
            {assignsAnything ? "" : "This team assigns you no lessons yet, so today they see nothing of yours."}
          </p>
        </>
      )}
    </section>
  );
}
