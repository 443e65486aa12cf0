/** The Eingangsbestätigung in the applicant's language and German, made on request. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocument } from "~/store/submissions.server";
import { buildDocument } from "~/submission/build-document.server";
import { DOCUMENT_KINDS } from "~/submission/document";
import { renderReceiptPdf } from "~/submission/pdf/receipt.server";
import { accessCode, formatAccessCode } from "~/submission/status-access.server";
import { pdfResponse, requireOwnSubmission } from "~/submission/receipt-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { database, submission, flow, jobcenter, model } = await requireOwnSubmission(request, params.id);
  const pdf = await getDocument(database, submission.id, DOCUMENT_KINDS.pdf.kind);
  if (!pdf) throw new Response("Not found", { status: 404 });
  const doc = buildDocument({
    reference: submission.reference, flow, rechtsstand: submission.rechtsstand, receivedAt: new Date(submission.receivedAt),
    language: submission.language, jobcenter, model,
  });
  const bytes = await renderReceiptPdf(doc, { language: submission.language, documentSha256: pdf.sha256, accessCode: formatAccessCode(accessCode(submission.id)) });
  return pdfResponse(bytes, `eingangsbestaetigung-${submission.reference}.pdf`);
}
