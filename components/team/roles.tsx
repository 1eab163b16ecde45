/** Role names as the pages show them. */
export const ROLE_LABELS = { owner: "Owner", lead: "Lead", member: "Member" } as const;
export type RoleName = keyof typeof ROLE_LABELS;
export const ROLE_ORDER: RoleName[] = ["owner", "lead", "member"];

export function RoleBadge({ role }: { role: RoleName }) {
  const style = role === "member" ? "border-line text-muted" : "border-accent/50 bg-accent-soft text-accent";
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${style}`}>{ROLE_LABELS[role]}</span>;
}
