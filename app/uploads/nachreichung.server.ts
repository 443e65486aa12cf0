/**
 * Nachreichung: files sent after the submission, with its reference. Each batch becomes a sealed
 * addendum – a small XML (<Nachreichung> in antrag-1.0.xsd: Bezug, Nummer, Eingang, the Anlagen
 * with SHA-256 and Nachweis key), checked against the schema and sealed with XMLDSig exactly
 * like the submission's XML – stored with its files and queued in the outbox for every
 * connector of the jobcenter, in one transaction. A caseworker's Nachforderung can reuse this:
 * whatever asks for more files ends in submitNachreichung.
 */
import { randomUUID } from "node:crypto";
import { decrypt, encrypt } from "~/security/crypto.server";
import type { DB } from "~/store/db.server";
import { sha256, submissionKey, type StoredSubmission } from "~/store/submissions.server";
import { SCHEMA_NAMESPACE, SCHEMA_VERSION, type DocumentAnlage } from "~/submission/document";
import { connectorsFor, InvalidDocumentError } from "~/submission/pipeline.server";
import { sealFor } from "~/submission/seal/certificates.server";
import { sealXml } from "~/submission/seal/xml-seal.server";
import { text } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import type { Jobcenter } from "~/tenants/jobcenter";
import { pdfFileName } from "./filename";
import { MAX_FILES } from "./limits";
import { contentKeyOf, countUploads, deliveryNames, listUploads, sealUpload, withoutStored, type NewUpload, type UploadInfo } from "./store.server";
import { isUniqueViolation } from "~/store/errors.server";

export interface NachreichungXmlInput {
  bezug: string;
  nummer: number;
  eingang: string;
  verfahren: string;
  jobcenter: Pick<Jobcenter, "id" | "name" | "anschrift">;
  anlagen: DocumentAnlage[];
}

const el = (name: string, value: string | number) => `<${name}>${text(String(value))}</${name}>`;

/** The unsealed XML, in the schema's element order. */
export function renderNachreichungXml(input: NachreichungXmlInput): string {
  const a = input.jobcenter.anschrift;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>\n<Nachreichung xmlns="${SCHEMA_NAMESPACE}" Schemaversion="${SCHEMA_VERSION}">`,
    el("Bezug", input.bezug), el("Nummer", input.nummer), el("Eingang", input.eingang), el("Verfahren", input.verfahren),
    "<Jobcenter>", el("Id", input.jobcenter.id), el("Name", input.jobcenter.name),
    "<Anschrift>", el("Strasse", a.strasse), el("Hausnummer", a.hausnummer), el("Postleitzahl", a.postleitzahl), el("Ort", a.ort), "</Anschrift>",
    "</Jobcenter>",
    "<Anlagen>",
    ...input.anlagen.map((x) => [
      "<Anlage>", el("Dateiname", x.dateiname), el("MimeType", x.mimeType), el("Groesse", x.groesse), el("SHA256", x.sha256),
      x.nachweisSchluessel ? el("NachweisSchluessel", x.nachweisSchluessel) : "", "</Anlage>",
    ].join("")),
    "</Anlagen>",
    "</Nachreichung>",
  ].join("");
}

/** Uploads → Anlagen of the XML, named as they are delivered. */
export function anlagenOf(uploads: readonly UploadInfo[]): DocumentAnlage[] {
  const names = deliveryNames(uploads);
  return uploads.map((u, i) => ({ dateiname: names[i], mimeType: "application/pdf", groesse: u.size, sha256: u.sha256, nachweisSchluessel: u.nachweis }));
}

export class TooManyNachreichungFilesError extends Error {}

/** Every file of the batch is already stored for the submission (a retried upload): nothing new to send. */
export class AlreadySentError extends Error {}

/**
 * The number of the Nachreichung that already holds these files (the latest, if several), or
 * undefined when they came with the submission itself or are not stored.
 */
export async function nummerHolding(db: DB, submissionId: string, files: readonly NewUpload[]): Promise<number | undefined> {
  const keys = files.map(contentKeyOf).filter((k): k is string => k !== undefined);
  if (keys.length === 0) return undefined;
  const row = await db.selectFrom("uploads").innerJoin("nachreichungen", "nachreichungen.id", "uploads.nachreichung_id")
    .select((eb) => eb.fn.max("nachreichungen.nummer").as("n"))
    .where("uploads.submission_id", "=", submissionId).where("uploads.content_key", "in", keys).executeTakeFirst();
  return row?.n == null ? undefined : Number(row.n);
}

export interface StoredNachreichung {
  id: string;
  nummer: number;
  receivedAt: string;
  fileName: string;
  sha256: string;
  files: UploadInfo[];
}

const xmlAad = (submissionId: string, id: string) => `${submissionId}:nachreichung:${id}`;

/** Seals and stores one batch of files for a submission; queues it for every connector. */
export async function submitNachreichung(
  db: DB, submission: StoredSubmission, jobcenter: Jobcenter, files: NewUpload[], now: Date = new Date(),
): Promise<StoredNachreichung> {
  const owner = { kind: "submission", submissionId: submission.id } as const;
  const seal = sealFor(jobcenter);
  const at = now.toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    // Files already stored for the submission (same Nachweis, same bytes) are not sent again (ADR 0021).
    const fresh = await withoutStored(db, owner, files);
    if (fresh.length === 0) throw new AlreadySentError();
    if ((await countUploads(db, owner)) + fresh.length > MAX_FILES) throw new TooManyNachreichungFilesError();
    // In the order listUploads returns them (by created_at): the XML's Anlagen and the delivered files agree.
    const sealedFiles = fresh.map((f, i) => ({ row: sealUpload(owner, f, now, i), originalName: f.originalName }));
    const rows = sealedFiles.map((x) => x.row);
    const uploads: UploadInfo[] = sealedFiles.map(({ row: r, originalName }) => ({
      id: r.id, nachweis: r.nachweis, originalName, fileName: pdfFileName(originalName),
      size: r.size, sha256: r.sha256, createdAt: r.created_at, nachreichungId: null,
    }));
    const last = await db.selectFrom("nachreichungen").select((eb) => eb.fn.max("nummer").as("n")).where("submission_id", "=", submission.id).executeTakeFirst();
    const nummer = Number(last?.n ?? 0) + 1;
    const id = randomUUID();
    const xml = renderNachreichungXml({
      bezug: submission.reference, nummer, eingang: at, verfahren: submission.flow,
      jobcenter: { id: jobcenter.id, name: jobcenter.name, anschrift: jobcenter.anschrift }, anlagen: anlagenOf(uploads),
    });
    const check = validateXml(xml);
    if (!check.valid) throw new InvalidDocumentError(check.errors);
    const sealed = Buffer.from(sealXml(xml, seal), "utf8");
    const fileName = `nachreichung-${nummer}.xml`;
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("nachreichungen").values({
          id, submission_id: submission.id, nummer, received_at: at, file_name: fileName, size: sealed.length, sha256: sha256(sealed),
          payload: encrypt(sealed.toString("base64"), submissionKey(submission.id), xmlAad(submission.id, id)),
        }).execute();
        for (const row of rows) await trx.insertInto("uploads").values({ ...row, draft_id: null, submission_id: submission.id, nachreichung_id: id }).execute();
        // Back to the caseworker's attention: the inbox flags it, open Nachforderungen count as answered.
        await trx.updateTable("submissions").set({ flagged: 1 }).where("id", "=", submission.id).execute();
        await trx.updateTable("nachforderungen").set({ answered_at: at, answered_by_nachreichung: id })
          .where("submission_id", "=", submission.id).where("answered_at", "is", null).execute();
        for (const connector of connectorsFor(jobcenter)) {
          const delivered = connector === "inbox";
          await trx.insertInto("outbox").values({
            id: randomUUID(), submission_id: submission.id, nachreichung_id: id, connector, state: delivered ? "delivered" : "pending", attempts: 0,
            next_attempt_at: at, locked_until: null, last_error: null, delivered_at: delivered ? at : null, created_at: at, updated_at: at,
          }).execute();
        }
      });
      return { id, nummer, receivedAt: at, fileName, sha256: sha256(sealed), files: uploads.map((u) => ({ ...u, nachreichungId: id })) };
    } catch (error) {
      // Another batch took this number at the same moment, or the same file arrived twice at once: look again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("Could not allocate a Nachreichung number");
}

export async function listNachreichungen(db: DB, submissionId: string): Promise<StoredNachreichung[]> {
  const rows = await db.selectFrom("nachreichungen").select(["id", "nummer", "received_at", "file_name", "sha256"])
    .where("submission_id", "=", submissionId).orderBy("nummer").execute();
  const files = await listUploads(db, { kind: "submission", submissionId });
  return rows.map((r) => ({
    id: r.id, nummer: r.nummer, receivedAt: r.received_at, fileName: r.file_name, sha256: r.sha256,
    files: files.filter((f) => f.nachreichungId === r.id),
  }));
}

export async function getNachreichungXml(db: DB, submissionId: string, id: string): Promise<{ nummer: number; fileName: string; sha256: string; bytes: Buffer } | undefined> {
  const row = await db.selectFrom("nachreichungen").selectAll().where("id", "=", id).where("submission_id", "=", submissionId).executeTakeFirst();
  if (!row) return undefined;
  const bytes = Buffer.from(decrypt(row.payload, submissionKey(submissionId), xmlAad(submissionId, id)), "base64");
  return { nummer: row.nummer, fileName: row.file_name, sha256: row.sha256, bytes };
}
