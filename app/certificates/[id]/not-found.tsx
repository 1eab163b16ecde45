import Link from "next/link";

/** A verification that fails: said plainly, without hinting whether something similar exists. */
export default function CertificateNotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Certificate not found</h1>
      <p className="mt-4 rounded-xl border border-bad/40 bg-bad-soft p-4 text-bad" data-testid="verification">
        <strong>Not verified.</strong> No certificate issued by this Quorum has this address. Either the address is wrong, or the certificate no longer exists
        (its holder deleted their account).
      </p>
      <p className="mt-6">
        <Link href="/" className="underline underline-offset-2">
          Quorum home
        </Link>
      </p>
    </div>
  );
}
