/**
 * Submissions: stored once per draft in one transaction that also deletes the draft. A second
 * submit of the same draft (double click, retried POST, back button) returns the first one.
 */
import { randomUUID } from "node:crypto";
import { decrypt, deriveKey, encrypt, randomCode } from "~/security/crypto.server";
import type { DB } from "./db.server";

export interface NewSubmission {
  draftId: string;
  flow: string;
  formVersion: string;
  rechtsstand: string;
  jobcenterId: string;
  language: string;
  receivedAt: Date;
  model: unknown;
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

const submissionKey = (id: string) => deriveKey("submission", id);

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

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_UNIQUE" || /UNIQUE constraint/i.test(e?.message ?? "");
}

/** Store the submission and delete its draft atomically; idempotent per draft. */
export async function commitSubmission(db: DB, input: NewSubmission): Promise<StoredSubmission> {
  const existing = await findSubmissionByDraft(db, input.draftId);
  if (existing) return existing;
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = randomUUID();
    const row = {
      id,
      reference: randomCode(8),
      draft_id: input.draftId,
      flow: input.flow,
      form_version: input.formVersion,
      rechtsstand: input.rechtsstand,
      jobcenter_id: input.jobcenterId,
      language: input.language,
      received_at: input.receivedAt.toISOString(),
      status: "eingegangen",
      payload: encrypt(JSON.stringify(input.model), submissionKey(id), id),
    };
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("submissions").values(row).execute();
        await trx.deleteFrom("drafts").where("id", "=", input.draftId).execute();
      });
      return fromRow(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await findSubmissionByDraft(db, input.draftId);
      if (winner) return winner; // a concurrent submit of the same draft got there first
      // otherwise the reference collided: draw a new one
    }
  }
  throw new Error("Could not allocate a unique reference");
}
