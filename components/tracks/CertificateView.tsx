import { attestation, type CertificateStep } from "@/lib/tracks/certificate";

export interface CertificateViewProps {
  holderName: string;
  trackTitle: string;
  passMark: number;
  completedAt: number;
  issuedAt: number;
  steps: CertificateStep[];
  /** The absolute address of this certificate's verification page. */
  verifyUrl: string;
}

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** The certificate itself: on screen and, through the print stylesheet, on paper or as a PDF. */
export function CertificateView({ holderName, trackTitle, passMark, completedAt, issuedAt, steps, verifyUrl }: CertificateViewProps) {
  return (
    <article className="rounded-2xl border-2 border-line bg-surface p-6 sm:p-10 print:border-ink" aria-labelledby="certificate-title" data-testid="certificate">
      <p className="text-sm font-semibold uppercase tracking-widest text-muted">Quorum · certificate of completion</p>
      <h1 id="certificate-title" className="mt-4 text-3xl font-bold tracking-tight text-balance sm:text-4xl">
        {holderName}
      </h1>
      <p className="mt-3 font-serif text-xl">
        completed the track <strong className="font-semibold">{trackTitle}</strong> on {longDate.format(completedAt)}.
      </p>
      <table className="mt-6 w-full text-left text-sm">
        <caption className="sr-only">Steps and best quiz scores</caption>
        <thead className="border-b border-line">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Step
            </th>
            <th scope="col" className="py-2 text-right">
              Best quiz score
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.position} className="border-b border-line last:border-b-0">
              <td className="py-2 pr-3">
                {s.position}. {s.title}
              </td>
              <td className="py-2 text-right tabular-nums">{s.bestPercent === null ? "no quiz" : `${s.bestPercent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="attests-heading" className="mt-6">
        <h2 id="attests-heading" className="text-base font-semibold">
          What this certifies
        </h2>
        <p className="mt-1 text-sm leading-relaxed text-muted">{attestation(passMark)}</p>
      </section>
      <p className="mt-6 break-all text-xs text-muted">
        Issued {longDate.format(issuedAt)}. Check it at <span className="font-mono">{verifyUrl}</span>
      </p>
    </article>
  );
}
