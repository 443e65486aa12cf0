/** The sealed German PDF of the applicant's own submission, as the jobcenter received it. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDocument } from "~/store/submissions.server";
import { DOCUMENT_KINDS } from "~/submission/document";
import { pdfResponse, requireOwnSubmission } from "~/submission/receipt-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { database, submission } = await requireOwnSubmission(request, params.id);
  const pdf = await getDocument(database, submission.id, DOCUMENT_KINDS.pdf.kind);
  if (!pdf) throw new Response("Not found", { status: 404 });
  return pdfResponse(pdf.bytes, `antrag-${submission.reference}.pdf`);
}
