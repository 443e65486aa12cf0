/** Loading one submission for the caseworker view and its downloads: scoped, audited. */
import { getDocument, getSubmissionModel } from "~/store/submissions.server";
import { DOCUMENT_KINDS } from "~/submission/document";
import type { Fachdaten } from "~/submission/document";
import { findSubmissionForJobcenter } from "./inbox.server";
import type { Authenticated } from "./sessions.server";

/** The submission if it belongs to the caseworker's jobcenter; otherwise the same 404 as an unknown id. */
export async function requireSubmission(auth: Authenticated, id: string | undefined) {
  const submission = await findSubmissionForJobcenter(auth.database, auth.caseworker.jobcenterId, id);
  if (!submission) throw new Response("Not found", { status: 404 });
  return submission;
}

export async function loadModel(auth: Authenticated, id: string): Promise<Fachdaten> {
  return (await getSubmissionModel(auth.database, id)) as Fachdaten;
}

export async function loadSealedDocuments(auth: Authenticated, id: string) {
  const [pdf, xml] = await Promise.all([getDocument(auth.database, id, DOCUMENT_KINDS.pdf.kind), getDocument(auth.database, id, DOCUMENT_KINDS.xml.kind)]);
  return { pdf, xml };
}
