/** The sealed XML as a download. Audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileResponse } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { loadSealedDocuments, requireSubmission } from "~/caseworker/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const submission = await requireSubmission(auth, params.id);
  const { xml } = await loadSealedDocuments(auth, submission.id);
  if (!xml) throw new Response("Not found", { status: 404 });
  await recordAudit(auth.database, {
    caseworkerId: auth.caseworker.id, jobcenterId: auth.caseworker.jobcenterId, submissionId: submission.id,
    action: "xml_heruntergeladen", detail: { sha256: xml.sha256 },
  });
  return fileResponse(xml.bytes, "application/xml", `antrag-${submission.reference}.xml`);
}
