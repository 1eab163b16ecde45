import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">There is no page here</h1>
      <p className="mt-4 text-muted">The address may be mistyped, or the lesson may not exist yet.</p>
      <Link href="/" className="mt-8 inline-block rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90">
        Back to the curriculum
      </Link>
    </div>
  );
}
