/** One attachment (Nachweis, stored as PDF) of the submission, as a download. Audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileResponse } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { requireSubmission } from "~/caseworker/submission.server";
import { listUploads, readUpload } from "~/uploads/store.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const submission = await requireSubmission(auth, params.id);
  const owner = { kind: "submission", submissionId: submission.id } as const;
  const info = (await listUploads(auth.database, owner)).find((u) => u.id === params.upload);
  const bytes = info ? await readUpload(auth.database, owner, info.id) : undefined;
  if (!info || !bytes) throw new Response("Not found", { status: 404 });
  await recordAudit(auth.database, {
    caseworkerId: auth.caseworker.id, jobcenterId: auth.caseworker.jobcenterId, submissionId: submission.id,
    action: "anlage_heruntergeladen", detail: { anlage: info.id, sha256: info.sha256 },
  });
  return fileResponse(bytes, "application/pdf", info.fileName);
}
