/**
 * What every connector delivers: the submission's header, its sealed documents, the uploaded
 * Nachweis files (PDF) and a manifest with a SHA-256 per file. A Nachreichung is a package of
 * its own: its sealed XML and its files, with the submission's reference as Bezug.
 */
import type { DB } from "~/store/db.server";
import { getDocument, getSubmission, type StoredDocument } from "~/store/submissions.server";
import { DOCUMENT_KINDS } from "~/submission/document";
import { getNachreichungXml } from "~/uploads/nachreichung.server";
import { deliveryNames, listUploads, readUpload } from "~/uploads/store.server";

/** A file of the package; uploaded Nachweise carry their Nachweis key. */
export type DeliveryFile = StoredDocument & { nachweis?: string };

export interface DeliveryPackage {
  deliveryId: string;
  submissionId: string;
  reference: string;
  flow: string;
  jobcenterId: string;
  receivedAt: string;
  language: string;
  /** Set for the delivery of a Nachreichung (files sent later). */
  nachreichung?: { id: string; nummer: number; eingang: string };
  documents: DeliveryFile[];
}

/** Kind of an uploaded file in a package (documents table kinds are "antrag-xml", "antrag-pdf"). */
export const ANLAGE_KIND = "anlage";
export const NACHREICHUNG_XML_KIND = "nachreichung-xml";

export async function loadPackage(db: DB, deliveryId: string, submissionId: string, nachreichungId: string | null = null): Promise<DeliveryPackage> {
  const submission = await getSubmission(db, submissionId);
  if (!submission) throw new Error(`Submission ${submissionId} not found`);
  const documents: DeliveryFile[] = [];
  let nachreichung: DeliveryPackage["nachreichung"];
  if (nachreichungId) {
    const xml = await getNachreichungXml(db, submissionId, nachreichungId);
    if (!xml) throw new Error(`Nachreichung ${nachreichungId} not found`);
    const row = await db.selectFrom("nachreichungen").select("received_at").where("id", "=", nachreichungId).executeTakeFirstOrThrow();
    nachreichung = { id: nachreichungId, nummer: xml.nummer, eingang: row.received_at };
    documents.push({ kind: NACHREICHUNG_XML_KIND, fileName: xml.fileName, mediaType: "application/xml", sha256: xml.sha256, bytes: xml.bytes });
  } else {
    for (const { kind } of Object.values(DOCUMENT_KINDS)) {
      const doc = await getDocument(db, submissionId, kind);
      if (doc) documents.push(doc);
    }
  }
  const owner = { kind: "submission", submissionId } as const;
  const uploads = (await listUploads(db, owner)).filter((u) => u.nachreichungId === nachreichungId);
  const names = deliveryNames(uploads);
  for (const [i, upload] of uploads.entries()) {
    const bytes = await readUpload(db, owner, upload.id);
    if (!bytes) throw new Error(`Upload ${upload.id} not found`);
    documents.push({ kind: ANLAGE_KIND, fileName: names[i], mediaType: "application/pdf", sha256: upload.sha256, bytes, nachweis: upload.nachweis });
  }
  return {
    deliveryId, submissionId, reference: submission.reference, flow: submission.flow, jobcenterId: submission.jobcenterId,
    receivedAt: submission.receivedAt, language: submission.language, nachreichung, documents,
  };
}

/** Folder (and idempotency) name of a package: the reference, or "<reference>-nachreichung-<n>". */
export function packageName(pkg: DeliveryPackage): string {
  return pkg.nachreichung ? `${pkg.reference}-nachreichung-${pkg.nachreichung.nummer}` : pkg.reference;
}

/** The manifest: which files belong to the package, with their SHA-256 hashes. */
export function manifest(pkg: DeliveryPackage) {
  return {
    version: 1,
    art: pkg.nachreichung ? "nachreichung" : "antrag",
    referenz: pkg.reference,
    submissionId: pkg.submissionId,
    ...(pkg.nachreichung ? { nachreichung: { nummer: pkg.nachreichung.nummer, eingang: pkg.nachreichung.eingang } } : {}),
    verfahren: pkg.flow,
    jobcenter: pkg.jobcenterId,
    eingang: pkg.receivedAt,
    sprache: pkg.language,
    dateien: pkg.documents.map((d) => ({
      name: d.fileName, mediaType: d.mediaType, groesse: d.bytes.length, sha256: d.sha256, ...(d.nachweis ? { nachweis: d.nachweis } : {}),
    })),
  };
}
