/** The applicant's own submission, for the receipt page and its downloads (session-bound). */
import { getFlow } from "~/flows/registry.server";
import { getSession, mayViewReceipt } from "~/security/session.server";
import { db } from "~/store/db.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { getSubmission, getSubmissionModel } from "~/store/submissions.server";
import type { Fachdaten } from "./document";

export async function requireOwnSubmission(request: Request, id: string | undefined) {
  const session = await getSession(request);
  // Only the browser that submitted sees it; others get the same 404 as a wrong id.
  if (!id || !mayViewReceipt(session, id)) throw new Response("Not found", { status: 404 });
  const database = await db();
  const submission = await getSubmission(database, id);
  const flow = submission ? getFlow(submission.flow) : undefined;
  const jobcenter = submission ? getJobcenter(submission.jobcenterId) : undefined;
  if (!submission || !flow || !jobcenter) throw new Response("Not found", { status: 404 });
  const model = (await getSubmissionModel(database, id)) as Fachdaten;
  return { database, submission, flow, jobcenter, model };
}

export function pdfResponse(bytes: Uint8Array, fileName: string): Response {
  return new Response(new Blob([bytes as BlobPart]), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
