/** The ZIP export of a submission (XML, PDF, attachments, Nachreichungen, manifests). Audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileResponse } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { exportZip } from "~/caseworker/export.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { requireSubmission } from "~/caseworker/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const submission = await requireSubmission(auth, params.id);
  const exported = await exportZip(auth.database, submission);
  await recordAudit(auth.database, {
    caseworkerId: auth.caseworker.id, jobcenterId: auth.caseworker.jobcenterId, submissionId: submission.id,
    action: "export_heruntergeladen", detail: { dateien: exported.files, bytes: exported.bytes.length },
  });
  return fileResponse(exported.bytes, "application/zip", exported.fileName);
}
