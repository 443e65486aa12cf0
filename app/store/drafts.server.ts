/**
 * Drafts: the answers of an application in progress, encrypted, kept DRAFT_TTL_DAYS from the
 * last save, found again by resume code. The code itself is never stored (only its HMAC).
 */
import { randomUUID } from "node:crypto";
import type { Answers } from "~/flows/engine/types";
import { decrypt, deriveKey, encrypt, hmac, randomCode, RESUME_CODE_LENGTH } from "~/security/crypto.server";
import type { DB } from "./db.server";

export interface Draft {
  id: string;
  flow: string;
  jobcenterId: string;
  language: string;
  answers: Answers;
  expiresAt: string;
}

export interface DraftHandle {
  id: string;
  code: string;
}

const draftKey = (handle: DraftHandle) => deriveKey(`draft:${handle.code}`, handle.id);
const lookupHash = (code: string) => hmac("resume-code", code);

function expiry(now: Date, ttlDays: number): string {
  return new Date(now.getTime() + ttlDays * 86_400_000).toISOString();
}

export async function createDraft(
  db: DB,
  input: { flow: string; jobcenterId: string; language: string; ttlDays: number; now?: Date },
): Promise<DraftHandle> {
  const now = input.now ?? new Date();
  const handle = { id: randomUUID(), code: randomCode(RESUME_CODE_LENGTH) };
  await db.insertInto("drafts").values({
    id: handle.id,
    flow: input.flow,
    jobcenter_id: input.jobcenterId,
    language: input.language,
    lookup_hash: lookupHash(handle.code),
    payload: encrypt(JSON.stringify({}), draftKey(handle), handle.id),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    expires_at: expiry(now, input.ttlDays),
  }).execute();
  return handle;
}

/** The draft, if the handle is right and it has not expired. */
export async function loadDraft(db: DB, handle: DraftHandle, now: Date = new Date()): Promise<Draft | undefined> {
  const row = await db.selectFrom("drafts").selectAll().where("id", "=", handle.id)
    .where("lookup_hash", "=", lookupHash(handle.code)).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  const answers = JSON.parse(decrypt(row.payload, draftKey(handle), row.id)) as Answers;
  return { id: row.id, flow: row.flow, jobcenterId: row.jobcenter_id, language: row.language, answers, expiresAt: row.expires_at };
}

/** Store new answers; every save extends the draft's life. */
export async function saveDraft(
  db: DB, handle: DraftHandle, answers: Answers, ttlDays: number, now: Date = new Date(),
): Promise<string> {
  const expiresAt = expiry(now, ttlDays);
  await db.updateTable("drafts").set({
    payload: encrypt(JSON.stringify(answers), draftKey(handle), handle.id),
    updated_at: now.toISOString(),
    expires_at: expiresAt,
  }).where("id", "=", handle.id).execute();
  return expiresAt;
}

/** Activity without new answers (an upload) also extends the draft's life. */
export async function touchDraft(db: DB, id: string, ttlDays: number, now: Date = new Date()): Promise<void> {
  await db.updateTable("drafts").set({ updated_at: now.toISOString(), expires_at: expiry(now, ttlDays) }).where("id", "=", id).execute();
}

/** Resume: the draft id for a code, if such a live draft exists. */
export async function findDraftByCode(db: DB, code: string, now: Date = new Date()): Promise<{ id: string; flow: string } | undefined> {
  return db.selectFrom("drafts").select(["id", "flow"]).where("lookup_hash", "=", lookupHash(code))
    .where("expires_at", ">", now.toISOString()).executeTakeFirst();
}

/** The purge: expired drafts go, and with them their uploaded files (Nachweise). */
export async function deleteExpiredDrafts(db: DB, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("uploads")
      .where("draft_id", "in", trx.selectFrom("drafts").select("id").where("expires_at", "<=", at))
      .execute();
    const result = await trx.deleteFrom("drafts").where("expires_at", "<=", at).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
