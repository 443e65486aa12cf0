/** What every connector delivers: the submission's header, its sealed documents and a manifest. */
import type { DB } from "~/store/db.server";
import { getDocument, getSubmission, type StoredDocument } from "~/store/submissions.server";
import { DOCUMENT_KINDS } from "~/submission/document";

export interface DeliveryPackage {
  deliveryId: string;
  submissionId: string;
  reference: string;
  flow: string;
  jobcenterId: string;
  receivedAt: string;
  language: string;
  documents: StoredDocument[];
}

export async function loadPackage(db: DB, deliveryId: string, submissionId: string): Promise<DeliveryPackage> {
  const submission = await getSubmission(db, submissionId);
  if (!submission) throw new Error(`Submission ${submissionId} not found`);
  const documents: StoredDocument[] = [];
  for (const { kind } of Object.values(DOCUMENT_KINDS)) {
    const doc = await getDocument(db, submissionId, kind);
    if (doc) documents.push(doc);
  }
  return {
    deliveryId, submissionId, reference: submission.reference, flow: submission.flow, jobcenterId: submission.jobcenterId,
    receivedAt: submission.receivedAt, language: submission.language, documents,
  };
}

/** The manifest: which files belong to the submission, with their SHA-256 hashes. */
export function manifest(pkg: DeliveryPackage) {
  return {
    version: 1,
    referenz: pkg.reference,
    submissionId: pkg.submissionId,
    verfahren: pkg.flow,
    jobcenter: pkg.jobcenterId,
    eingang: pkg.receivedAt,
    sprache: pkg.language,
    dateien: pkg.documents.map((d) => ({ name: d.fileName, mediaType: d.mediaType, groesse: d.bytes.length, sha256: d.sha256 })),
  };
}
