/** URLs of a flow's pages. `fromReview` brings the applicant back to check-answers after a change. */
export const RESERVED_STEP_IDS = ["pruefen", "spaeter", "nachweise"] as const;

export function stepUrl(flowId: string, stepId: string, opts: { index?: number; fromReview?: boolean } = {}): string {
  const index = opts.index !== undefined ? `/${opts.index}` : "";
  return `/antrag/${flowId}/${stepId}${index}${opts.fromReview ? "?zurueck=1" : ""}`;
}

export function receiptUrl(submissionId: string): string {
  return `/eingang/${submissionId}`;
}

/** The draft's Nachweis upload page. */
export function nachweiseUrl(flowId: string): string {
  return `/antrag/${flowId}/nachweise`;
}

/** Sending Nachweise later (Nachreichung) from the receipt. */
export function nachreichungUrl(submissionId: string): string {
  return `/eingang/${submissionId}/nachweise`;
}

/** The applicant's status page: current status and open Nachforderungen. */
export function statusUrl(submissionId: string): string {
  return `/eingang/${submissionId}/stand`;
}

/** Where reference + Zugangscode open the status page from any device. */
export const STATUS_LOOKUP_URL = "/stand";
