/** Where a button's failure is said in words (a live region, so screen readers hear it too). */
export function ActionError({ message }: { message: string | null }) {
  return (
    <p role="status" className="mt-2 min-h-5 text-sm font-medium text-bad">
      {message}
    </p>
  );
}
