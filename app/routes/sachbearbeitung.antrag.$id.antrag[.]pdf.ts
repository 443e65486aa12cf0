/** The sealed caseworker PDF: inline (?ansicht=1, for the page's frame) or as a download. Audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileResponse } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { loadSealedDocuments, requireSubmission } from "~/caseworker/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const submission = await requireSubmission(auth, params.id);
  const { pdf } = await loadSealedDocuments(auth, submission.id);
  if (!pdf) throw new Response("Not found", { status: 404 });
  const inline = new URL(request.url).searchParams.get("ansicht") === "1";
  await recordAudit(auth.database, {
    caseworkerId: auth.caseworker.id, jobcenterId: auth.caseworker.jobcenterId, submissionId: submission.id,
    action: inline ? "pdf_angezeigt" : "pdf_heruntergeladen", detail: { sha256: pdf.sha256 },
  });
  return fileResponse(pdf.bytes, "application/pdf", `antrag-${submission.reference}.pdf`, inline);
}
