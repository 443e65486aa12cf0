/**
 * Nachforderung (§§ 60, 66 SGB I): the caseworker picks missing Nachweise from the submission's
 * own checklist, adds a note and a deadline. The request is stored encrypted with the
 * submission's key (the note may name people); the applicant sees it on their status page in
 * their language (Nachweis names by key; the note as written, in German). A Nachreichung after
 * the request answers it and flags the submission in the inbox.
 */
import { randomUUID } from "node:crypto";
import * as z from "zod/mini";
import { decrypt, encrypt } from "~/security/crypto.server";
import type { DB } from "~/store/db.server";
import { submissionKey } from "~/store/submissions.server";
import { checklistOfModel, checklistSlots, keyOfSlot } from "~/uploads/checklist";
import { OTHER_NACHWEIS } from "~/uploads/limits";
import type { Caseworker } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { markDocumentsRequested, WORKING_ROLES, WorkflowConflictError, WorkflowForbiddenError, type Status, type WorkflowState } from "./workflow.server";
import { isUniqueViolation } from "~/store/errors.server";

export const NOTE_MAX = 1000;
/** Deadlines between tomorrow and three months ahead (two to four weeks is usual). */
export const MAX_DEADLINE_DAYS = 92;
export const DEFAULT_DEADLINE_DAYS = 14;

export interface RequestableSlot {
  slot: string;
  key: string;
  person?: string;
}

/** What can be requested: the submission's checklist slots, and "Weitere Unterlagen". */
export function requestableSlots(model: unknown): RequestableSlot[] {
  const slots: RequestableSlot[] = checklistSlots(checklistOfModel(model)).map((s) => ({ slot: s.slot, key: s.key, ...(s.person !== undefined ? { person: s.person } : {}) }));
  return [...new Map([...slots, { slot: OTHER_NACHWEIS, key: OTHER_NACHWEIS }].map((s) => [s.slot, s])).values()];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export const defaultDeadline = (now: Date = new Date()) => isoDay(addDays(now, DEFAULT_DEADLINE_DAYS));

/** The form's schema; error messages are keys under sachbearbeitung:nachforderung.fehler. */
export function nachforderungSchema(allowed: readonly string[], now: Date = new Date()) {
  const min = isoDay(addDays(now, 1));
  const max = isoDay(addDays(now, MAX_DEADLINE_DAYS));
  return z.object({
    nachweise: z.array(z.string()).check(
      z.minLength(1, "keineNachweise"),
      z.refine((list) => list.every((s) => allowed.includes(s)), "unbekannt"),
    ),
    notiz: z.string().check(z.maxLength(NOTE_MAX, "notizZuLang")),
    frist: z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, "fristFormat"),
      z.refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && isoDay(new Date(`${d}T00:00:00Z`)) === d, "fristFormat"),
      z.refine((d) => d >= min, "fristZuFrueh"),
      z.refine((d) => d <= max, "fristZuSpaet"),
    ),
  });
}

export type NachforderungInput = z.infer<ReturnType<typeof nachforderungSchema>>;

export interface StoredNachforderung {
  id: string;
  nummer: number;
  createdAt: string;
  createdBy: string;
  frist: string;
  slots: RequestableSlot[];
  notiz: string;
  answeredAt: string | null;
}

const aad = (submissionId: string, id: string) => `${submissionId}:nachforderung:${id}`;

/**
 * Stores the request and moves the submission to "Unterlagen angefordert". `seenCount` is the
 * number of requests the caseworker's page showed: the new one gets number seenCount + 1, and
 * the unique (submission, nummer) turns a double click or a colleague's simultaneous request
 * into a WorkflowConflictError instead of a second letter.
 */
export async function createNachforderung(
  db: DB, actor: Caseworker, state: WorkflowState & { firstActionAt: string | null }, model: unknown, input: NachforderungInput, seenCount: number, now: Date = new Date(),
): Promise<StoredNachforderung> {
  if (!WORKING_ROLES.includes(actor.role) || state.status === "abgeschlossen" || state.jobcenterId !== actor.jobcenterId) throw new WorkflowForbiddenError("nachfordern");
  const requestable = requestableSlots(model);
  const slots = input.nachweise.map((s) => requestable.find((r) => r.slot === s)).filter((s): s is RequestableSlot => Boolean(s));
  const at = now.toISOString();
  const id = randomUUID();
  const nummer = seenCount + 1;
  const last = await db.selectFrom("nachforderungen").select((eb) => eb.fn.max("nummer").as("n")).where("submission_id", "=", state.id).executeTakeFirst();
  if (Number(last?.n ?? 0) !== seenCount) throw new WorkflowConflictError("nachforderung exists");
  try {
  await db.transaction().execute(async (trx) => {
    await markDocumentsRequested(trx, actor, state, now);
    await trx.insertInto("nachforderungen").values({
      id, submission_id: state.id, nummer, created_at: at, created_by: actor.id, frist: input.frist,
      payload: encrypt(JSON.stringify({ slots: slots.map((s) => s.slot), notiz: input.notiz.trim() }), submissionKey(state.id), aad(state.id, id)),
      answered_at: null, answered_by_nachreichung: null,
    }).execute();
    await recordAudit(trx, {
      caseworkerId: actor.id, jobcenterId: actor.jobcenterId, submissionId: state.id, action: "nachforderung_gestellt",
      detail: { nummer, anzahl: slots.length, frist: input.frist, von: state.status, nach: "unterlagen_angefordert" satisfies Status },
    }, now);
  });
  } catch (error) {
    if (isUniqueViolation(error)) throw new WorkflowConflictError("nachforderung exists");
    throw error;
  }
  return { id, nummer, createdAt: at, createdBy: actor.id, frist: input.frist, slots, notiz: input.notiz.trim(), answeredAt: null };
}

export async function listNachforderungen(db: DB, submissionId: string, model: unknown): Promise<StoredNachforderung[]> {
  const rows = await db.selectFrom("nachforderungen").selectAll().where("submission_id", "=", submissionId).orderBy("nummer").execute();
  const requestable = requestableSlots(model);
  return rows.map((r) => {
    const body = JSON.parse(decrypt(r.payload, submissionKey(submissionId), aad(submissionId, r.id))) as { slots: string[]; notiz: string };
    return {
      id: r.id, nummer: r.nummer, createdAt: r.created_at, createdBy: r.created_by, frist: r.frist, notiz: body.notiz, answeredAt: r.answered_at,
      slots: body.slots.map((slot) => requestable.find((s) => s.slot === slot) ?? { slot, key: keyOfSlot(slot) }),
    };
  });
}

