/** Button looks shared by the account and team pages (the ones on the progress page match). */
export const primaryButton = "rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60";
export const secondaryButton = "rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken disabled:opacity-60";
export const dangerButton = "rounded-lg border border-bad/50 px-4 py-2 font-medium text-bad hover:bg-bad-soft disabled:opacity-60";
export const dangerSolidButton = "rounded-lg bg-bad px-4 py-2 font-semibold text-surface hover:opacity-90 disabled:opacity-60";
