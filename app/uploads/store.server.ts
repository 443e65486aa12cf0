/**
 * Uploaded Nachweis files at rest. Envelope encryption with AES-256-GCM: each file gets a random
 * 256-bit data key; the PDF bytes and the original file name are sealed with it; the data key is
 * wrapped with the owner's key:
 *   - a draft's: HKDF(master key, resume code, draft id), like the draft itself, so the database
 *     plus the master key do not open a draft's files either;
 *   - a submission's: HKDF(master key, submission id), like its sealed documents, so the
 *     jobcenter side reads them without the applicant's code.
 * At submit only the small wrapped keys are rewrapped (in the submit transaction), never the
 * files. Each ciphertext carries the upload id as associated data.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { decrypt, decryptBytes, deriveKey, encrypt, encryptBytes, hmac } from "~/security/crypto.server";
import type { DB } from "~/store/db.server";
import type { DraftHandle } from "~/store/drafts.server";
import { isUniqueViolation } from "~/store/errors.server";
import type { Database } from "~/store/schema";
import { sha256, submissionKey } from "~/store/submissions.server";
import { pdfFileName } from "./filename";
import { STORED_MEDIA_TYPE } from "./limits";

export type UploadOwner = { kind: "draft"; handle: DraftHandle } | { kind: "submission"; submissionId: string };

export interface UploadInfo {
  id: string;
  nachweis: string;
  /** The sanitised name from the device. */
  originalName: string;
  /** Name of the stored PDF ("Kontoauszug.pdf" for "Kontoauszug.jpg"). */
  fileName: string;
  size: number;
  sha256: string;
  createdAt: string;
  nachreichungId: string | null;
}

export interface NewUpload {
  nachweis: string;
  originalName: string;
  /** The PDF to store (already converted and checked). */
  pdf: Buffer;
  /** SHA-256 (hex) of the bytes as received; with it, the same file for the same Nachweis is stored once per owner. */
  receivedSha256?: string;
}

/**
 * The dedup key of an upload (ADR 0021): keyed, so the database alone cannot confirm that a
 * known document was uploaded. Undefined without the received bytes' hash.
 */
export const contentKeyOf = (input: Pick<NewUpload, "nachweis" | "receivedSha256">): string | undefined =>
  input.receivedSha256 ? hmac("upload-content", `${input.nachweis}\u0000${input.receivedSha256}`) : undefined;

type UploadRow = Database["uploads"];

const draftWrapKey = (handle: DraftHandle) => deriveKey(`upload-draft:${handle.code}`, handle.id);
const ownerKey = (owner: UploadOwner) => (owner.kind === "draft" ? draftWrapKey(owner.handle) : submissionKey(owner.submissionId));

const aad = {
  key: (id: string) => `upload-key:${id}`,
  name: (id: string) => `upload-name:${id}`,
  bytes: (id: string) => `upload:${id}`,
};

const unwrap = (row: Pick<UploadRow, "id" | "wrapped_key">, key: Buffer) => Buffer.from(decrypt(row.wrapped_key, key, aad.key(row.id)), "base64");
const wrap = (id: string, dataKey: Buffer, key: Buffer) => encrypt(dataKey.toString("base64"), key, aad.key(id));

/**
 * The row for a new upload, sealed for its owner (ownership columns are set by the caller).
 * `index` is the file's place in its batch: created_at is one millisecond apart per file, so the
 * Anlagen keep the order in which they were sent.
 */
export function sealUpload(owner: UploadOwner, input: NewUpload, now: Date, index = 0): Omit<UploadRow, "draft_id" | "submission_id" | "nachreichung_id"> {
  const id = randomUUID();
  const dataKey = randomBytes(32);
  return {
    id,
    nachweis: input.nachweis,
    original_name: encrypt(input.originalName, dataKey, aad.name(id)),
    media_type: STORED_MEDIA_TYPE,
    size: input.pdf.length,
    sha256: sha256(input.pdf),
    wrapped_key: wrap(id, dataKey, ownerKey(owner)),
    payload: encryptBytes(input.pdf, dataKey, aad.bytes(id)),
    created_at: new Date(now.getTime() + index).toISOString(),
    content_key: contentKeyOf(input) ?? null,
  };
}

/**
 * The files of a batch not yet stored for this owner (by content key), each once: an upload
 * retried after a lost answer, or the same file chosen twice, is stored once (ADR 0021).
 */
export async function withoutStored<T extends Pick<NewUpload, "nachweis" | "receivedSha256">>(db: DB | Transaction<Database>, owner: UploadOwner, files: readonly T[]): Promise<T[]> {
  const keys = files.map((f) => contentKeyOf(f));
  const wanted = keys.filter((k): k is string => k !== undefined);
  const [column, value] = ownedBy(owner);
  const stored = new Set(wanted.length === 0 ? [] : (await db.selectFrom("uploads").select("content_key").where(column, "=", value).where("content_key", "in", wanted).execute()).map((r) => r.content_key));
  const fresh: T[] = [];
  files.forEach((file, i) => {
    const key = keys[i];
    if (key !== undefined && stored.has(key)) return;
    if (key !== undefined) stored.add(key);
    fresh.push(file);
  });
  return fresh;
}

function ownedBy(owner: UploadOwner) {
  return owner.kind === "draft" ? (["draft_id", owner.handle.id] as const) : (["submission_id", owner.submissionId] as const);
}

/** How many files the owner holds; with `nachweise`, only those uploaded for one of them. */
export async function countUploads(db: DB | Transaction<Database>, owner: UploadOwner, nachweise?: ReadonlySet<string>): Promise<number> {
  const [column, value] = ownedBy(owner);
  let query = db.selectFrom("uploads").select((eb) => eb.fn.countAll<string | number>().as("n")).where(column, "=", value);
  if (nachweise) query = nachweise.size > 0 ? query.where("nachweis", "in", [...nachweise]) : query.where(sql<boolean>`1 = 0`);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export class TooManyFilesError extends Error {
  constructor() {
    super("Upload limit reached");
  }
}

/**
 * Stores a draft's new files; refuses (stores none) if they would exceed `max` files in all.
 * Files already stored for the draft (same Nachweis, same received bytes) are not stored again;
 * the result lists only the files stored now.
 */
export async function addDraftUploads(db: DB, handle: DraftHandle, files: NewUpload[], max: number, now: Date = new Date()): Promise<UploadInfo[]> {
  const owner: UploadOwner = { kind: "draft", handle };
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const fresh = await withoutStored(trx, owner, files);
        const rows = fresh.map((f, i) => sealUpload(owner, f, now, i));
        if (rows.length > 0 && (await countUploads(trx, owner)) + rows.length > max) throw new TooManyFilesError();
        for (const row of rows) await trx.insertInto("uploads").values({ ...row, draft_id: handle.id, submission_id: null, nachreichung_id: null }).execute();
        return rows.map((row, i) => info(row, fresh[i].originalName, null));
      });
    } catch (error) {
      // The same file arrived twice at once (a retry overtaking the first try): look again.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function info(row: Pick<UploadRow, "id" | "nachweis" | "size" | "sha256" | "created_at">, originalName: string, nachreichungId: string | null): UploadInfo {
  return {
    id: row.id, nachweis: row.nachweis, originalName, fileName: pdfFileName(originalName), size: row.size, sha256: row.sha256,
    createdAt: row.created_at, nachreichungId,
  };
}

const META = ["id", "nachweis", "original_name", "size", "sha256", "wrapped_key", "created_at", "nachreichung_id"] as const;

/** The owner's files without their bytes, oldest first (the order of the Anlagen). */
export async function listUploads(db: DB, owner: UploadOwner): Promise<UploadInfo[]> {
  const [column, value] = ownedBy(owner);
  const rows = await db.selectFrom("uploads").select(META).where(column, "=", value).orderBy("created_at").orderBy("id").execute();
  const key = ownerKey(owner);
  return rows.map((row) => info(row, decrypt(row.original_name, unwrap(row, key), aad.name(row.id)), row.nachreichung_id));
}

/** One file's PDF bytes, if it belongs to the owner. */
export async function readUpload(db: DB, owner: UploadOwner, id: string): Promise<Buffer | undefined> {
  const [column, value] = ownedBy(owner);
  const row = await db.selectFrom("uploads").select(["id", "wrapped_key", "payload"]).where("id", "=", id).where(column, "=", value).executeTakeFirst();
  if (!row) return undefined;
  return decryptBytes(row.payload, unwrap(row, ownerKey(owner)), aad.bytes(row.id));
}

export async function removeDraftUpload(db: DB, handle: DraftHandle, id: string): Promise<boolean> {
  const result = await db.deleteFrom("uploads").where("id", "=", id).where("draft_id", "=", handle.id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * What submit needs from a draft's files: their list, their data keys rewrapped for the
 * submission, and the files left behind – uploaded for a Nachweis that the final answers no
 * longer call for (a branch the person left). Like pruned answers, those are not sent; they go
 * with the draft.
 */
export interface UploadTransfer {
  uploads: UploadInfo[];
  rewrapped: { id: string; wrappedKey: string }[];
  dropped: string[];
}

export async function prepareTransfer(db: DB, handle: DraftHandle, submissionId: string, nachweise: ReadonlySet<string>): Promise<UploadTransfer> {
  const rows = await db.selectFrom("uploads").select(META).where("draft_id", "=", handle.id).orderBy("created_at").orderBy("id").execute();
  const from = draftWrapKey(handle);
  const to = submissionKey(submissionId);
  const uploads: UploadInfo[] = [];
  const rewrapped: UploadTransfer["rewrapped"] = [];
  const dropped: string[] = [];
  for (const row of rows) {
    if (!nachweise.has(row.nachweis)) {
      dropped.push(row.id);
      continue;
    }
    const dataKey = unwrap(row, from);
    uploads.push(info(row, decrypt(row.original_name, dataKey, aad.name(row.id)), null));
    rewrapped.push({ id: row.id, wrappedKey: wrap(row.id, dataKey, to) });
  }
  return { uploads, rewrapped, dropped };
}

export class UploadsChangedError extends Error {
  constructor() {
    super("The draft's uploads changed while it was being submitted");
  }
}

/**
 * Inside the submit transaction: the draft's files become the submission's, the dropped ones are
 * deleted. Exactly the files listed in the sealed documents must move; a file added or removed
 * meanwhile (another tab) aborts the transaction, and the person submits again.
 */
export async function reownUploads(trx: Transaction<Database>, draftId: string, submissionId: string, transfer: UploadTransfer): Promise<void> {
  for (const { id, wrappedKey } of transfer.rewrapped) {
    const moved = await trx.updateTable("uploads").set({ draft_id: null, submission_id: submissionId, wrapped_key: wrappedKey })
      .where("id", "=", id).where("draft_id", "=", draftId).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new UploadsChangedError();
  }
  if (transfer.dropped.length > 0) await trx.deleteFrom("uploads").where("draft_id", "=", draftId).where("id", "in", transfer.dropped).execute();
  const left = await trx.selectFrom("uploads").select("id").where("draft_id", "=", draftId).executeTakeFirst();
  if (left) throw new UploadsChangedError();
}

/** Delivery file names, unique within one package: "01-Mietvertrag.pdf", "02-…". */
export function deliveryNames(uploads: readonly Pick<UploadInfo, "fileName">[]): string[] {
  return uploads.map((u, i) => `${String(i + 1).padStart(2, "0")}-${u.fileName}`);
}
