/**
 * Submissions: stored once per draft, with their sealed documents and outbox entries, in one
 * transaction that also deletes the draft. A second submit of the same draft (double click,
 * retried POST, back button) returns the first one.
 */
import { createHash, randomUUID } from "node:crypto";
import { decrypt, deriveKey, encrypt } from "~/security/crypto.server";
import type { Transaction } from "kysely";
import type { DB } from "./db.server";
import type { Database } from "./schema";
import { isUniqueViolation } from "./errors.server";

export interface NewSubmission {
  id: string;
  reference: string;
  draftId: string;
  flow: string;
  formVersion: string;
  rechtsstand: string;
  jobcenterId: string;
  language: string;
  receivedAt: Date;
  model: unknown;
  /** Sealed documents stored with the submission (encrypted at rest). */
  documents: NewDocument[];
  /** Delivery connectors: an outbox entry each; "inbox" is delivered by the commit itself. */
  connectors: string[];
  /** Checklist slots that arrived without a file (for the inbox's completeness filter). */
  missingNachweise?: number;
  /** The day benefits must go on from (FlowDocument.dueDate), for the inbox's urgency order. */
  dueDate?: string;
  /** More work in the same transaction, before the draft is deleted (its uploads change owner). */
  alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>;
}

export interface NewDocument {
  kind: string;
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export interface StoredSubmission {
  id: string;
  reference: string;
  flow: string;
  formVersion: string;
  rechtsstand: string;
  jobcenterId: string;
  language: string;
  receivedAt: string;
  status: string;
}

/** The key of a submission and everything it owns (documents, data keys of its uploads, Nachreichungen). */
export const submissionKey = (id: string) => deriveKey("submission", id);

type Row = { id: string; reference: string; flow: string; form_version: string; rechtsstand: string; jobcenter_id: string; language: string; received_at: string; status: string };

function fromRow(r: Row): StoredSubmission {
  return {
    id: r.id, reference: r.reference, flow: r.flow, formVersion: r.form_version, rechtsstand: r.rechtsstand,
    jobcenterId: r.jobcenter_id, language: r.language, receivedAt: r.received_at, status: r.status,
  };
}

const columns = ["id", "reference", "flow", "form_version", "rechtsstand", "jobcenter_id", "language", "received_at", "status"] as const;

export async function findSubmissionByDraft(db: DB, draftId: string): Promise<StoredSubmission | undefined> {
  const row = await db.selectFrom("submissions").select(columns).where("draft_id", "=", draftId).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function getSubmission(db: DB, id: string): Promise<StoredSubmission | undefined> {
  const row = await db.selectFrom("submissions").select(columns).where("id", "=", id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function getSubmissionModel(db: DB, id: string): Promise<unknown> {
  const row = await db.selectFrom("submissions").select(["id", "payload"]).where("id", "=", id).executeTakeFirstOrThrow();
  return JSON.parse(decrypt(row.payload, submissionKey(row.id), row.id));
}

export type CommitResult = StoredSubmission | "reference-taken";

/**
 * Store the submission, its documents and outbox entries, and delete the draft — all in one
 * transaction. Idempotent per draft: a concurrent or repeated commit returns the first one.
 * A (very unlikely) reference collision is reported, so the caller can seal anew.
 */
export async function commitSubmission(db: DB, input: NewSubmission): Promise<CommitResult> {
  const existing = await findSubmissionByDraft(db, input.draftId);
  if (existing) return existing;
  const at = input.receivedAt.toISOString();
  const row = {
    id: input.id,
    reference: input.reference,
    draft_id: input.draftId,
    flow: input.flow,
    form_version: input.formVersion,
    rechtsstand: input.rechtsstand,
    jobcenter_id: input.jobcenterId,
    language: input.language,
    received_at: at,
    status: "eingegangen",
    assigned_to: null, status_changed_at: at, first_action_at: null, completed_by: null, approved_by: null, approved_at: null, flagged: 0,
    missing_nachweise: input.missingNachweise ?? null,
    due_date: input.dueDate ?? null,
    complete_on_arrival: input.missingNachweise === undefined ? null : input.missingNachweise === 0 ? 1 : 0,
    payload: encrypt(JSON.stringify(input.model), submissionKey(input.id), input.id),
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("submissions").values(row).execute();
      for (const d of input.documents) {
        await trx.insertInto("documents").values({
          id: randomUUID(), submission_id: input.id, kind: d.kind, file_name: d.fileName, media_type: d.mediaType,
          size: d.bytes.length, sha256: sha256(d.bytes),
          payload: encrypt(d.bytes.toString("base64"), submissionKey(input.id), `${input.id}:${d.kind}`),
          created_at: at,
        }).execute();
      }
      for (const connector of input.connectors) {
        const delivered = connector === "inbox";
        await trx.insertInto("outbox").values({
          id: randomUUID(), submission_id: input.id, nachreichung_id: null, connector, state: delivered ? "delivered" : "pending", attempts: 0,
          next_attempt_at: at, locked_until: null, last_error: null, delivered_at: delivered ? at : null, created_at: at, updated_at: at,
        }).execute();
      }
      await input.alsoInTransaction?.(trx);
      await trx.deleteFrom("drafts").where("id", "=", input.draftId).execute();
    });
    return fromRow(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findSubmissionByDraft(db, input.draftId);
    return winner ?? "reference-taken";
  }
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface StoredDocument {
  kind: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

export async function getDocument(db: DB, submissionId: string, kind: string): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom("documents").selectAll().where("submission_id", "=", submissionId).where("kind", "=", kind).executeTakeFirst();
  if (!row) return undefined;
  const bytes = Buffer.from(decrypt(row.payload, submissionKey(submissionId), `${submissionId}:${kind}`), "base64");
  return { kind: row.kind, fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, bytes };
}
