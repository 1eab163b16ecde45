/** The site's main sections, in order: the one list the header bar and the phone menu both draw. */
export const NAV_LINKS = [
  { href: "/", label: "Curriculum" },
  { href: "/tracks", label: "Tracks" },
  { href: "/assess", label: "Assess" },
  { href: "/review", label: "Review", showsDueCount: true },
  { href: "/progress", label: "Progress" },
] as const;

/** Whether a link is the current section: "/" only on the home page, others on their subpages too. */
export function isCurrentSection(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
