import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/team/dashboard/PrintButton";
import { CertificateView } from "@/components/tracks/CertificateView";
import { findCertificate } from "@/lib/server/certificates/repository";
import { getDb } from "@/lib/server/db/client";
import { getEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Certificate", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

async function origin(): Promise<string> {
  const configured = getEnv().BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
}

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** A certificate and its verification, public: anyone with the address can check it, signed in or not. */
export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const certificate = await findCertificate(await getDb(), id);
  if (!certificate) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 pt-10 sm:px-6 print:pt-0">
      <p role="status" className="rounded-xl border border-good/40 bg-good-soft p-4 text-good print:hidden" data-testid="verification">
        <span aria-hidden="true">✓ </span>
        <strong>Genuine.</strong> This Quorum issued this certificate to {certificate.holderName} on {longDate.format(certificate.issuedAt)}, after checking their synced
        progress.
      </p>
      <div className="mt-6">
        <CertificateView
          holderName={certificate.holderName}
          trackTitle={certificate.trackTitle}
          passMark={certificate.passMark}
          completedAt={certificate.completedAt.getTime()}
          issuedAt={certificate.issuedAt.getTime()}
          steps={certificate.steps}
          verifyUrl={`${await origin()}/certificates/${certificate.id}`}
        />
      </div>
      <div className="mt-6 flex flex-wrap items-center gap-3 print:hidden">
        <PrintButton label="Print or save as PDF" />
        <p className="text-sm text-muted">Share this page&rsquo;s address: it is the certificate&rsquo;s proof, and nobody can guess it.</p>
      </div>
    </div>
  );
}
