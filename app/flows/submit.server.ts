/**
 * Submitting a flow: the answers are pruned to what is reachable, turned into the canonical
 * model, rendered and sealed as XML and PDF, and stored with the submission and its outbox
 * entries in one transaction that deletes the draft. Any failure before the commit leaves the
 * draft as it was. A repeated submit of the same draft returns the same submission.
 */
import { randomUUID } from "node:crypto";
import { randomCode } from "~/security/crypto.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { commitSubmission, findSubmissionByDraft, type StoredSubmission } from "~/store/submissions.server";
import { buildDocument } from "~/submission/build-document.server";
import { DOCUMENT_KINDS, type Fachdaten } from "~/submission/document";
import { connectorsFor, produceDocuments } from "~/submission/pipeline.server";
import { allowedNachweise, checklistSlots } from "~/uploads/checklist";
import { anlagenOf } from "~/uploads/nachreichung.server";
import { prepareTransfer, reownUploads } from "~/uploads/store.server";
import type { FlowContext } from "./context.server";
import { todayIso } from "./engine/fields";
import { guard, prune, viewOf } from "./engine/journey";
import { recipientOf } from "./recipient";

export class IncompleteError extends Error {
  constructor(readonly stepId: string) {
    super(`Flow incomplete at ${stepId}`);
  }
}

export async function submitFlow(ctx: FlowContext, now: Date = new Date()): Promise<StoredSubmission> {
  const existing = await findSubmissionByDraft(ctx.database, ctx.draft.id);
  if (existing) return existing;
  const blocked = guard(ctx.flow, ctx.draft.answers, "pruefen");
  if (blocked) throw new IncompleteError(blocked);
  const found = getJobcenter(ctx.draft.jobcenterId);
  if (!found) throw new Error(`Jobcenter ${ctx.draft.jobcenterId} is not configured`);
  const pruned = prune(ctx.flow, ctx.draft.answers);
  const view = viewOf(ctx.flow, pruned);
  // The office that decides (BuT: by the family's legal regime): it receives, seals and sees it (ADR 0034).
  const receiverId = recipientOf(ctx.flow, view, found);
  const jobcenter = getJobcenter(receiverId);
  if (!jobcenter) throw new Error(`Recipient ${receiverId} is not configured`);
  const model = ctx.flow.toModel(view, { receivedAt: now, language: ctx.draft.language }) as Fachdaten;
  const rechtsstand = ctx.flow.rechtsstand?.(view, todayIso(now)) ?? todayIso(now);
  const checklist = ctx.flow.nachweise(view);
  const nachweise = allowedNachweise(checklist);
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = randomUUID();
    const reference = randomCode(8);
    // The draft's uploaded Nachweise: listed with hashes in the sealed documents, moved to the submission on commit.
    const transfer = await prepareTransfer(ctx.database, ctx.handle, id, nachweise);
    const anlagen = anlagenOf(transfer.uploads);
    const uploaded = new Set(transfer.uploads.map((u) => u.nachweis));
    const missingNachweise = checklistSlots(checklist).filter((c) => !uploaded.has(c.slot)).length;
    const doc = buildDocument({ reference, flow: ctx.flow, rechtsstand, receivedAt: now, language: ctx.draft.language, jobcenter, model, anlagen });
    const sealed = await produceDocuments(doc, jobcenter);
    const result = await commitSubmission(ctx.database, {
      id, reference, draftId: ctx.draft.id, flow: ctx.flow.id, formVersion: ctx.flow.formVersion, rechtsstand,
      jobcenterId: jobcenter.id, language: ctx.draft.language, receivedAt: now, model,
      documents: [{ ...DOCUMENT_KINDS.xml, bytes: sealed.xml }, { ...DOCUMENT_KINDS.pdf, bytes: sealed.pdf }],
      connectors: connectorsFor(jobcenter), missingNachweise, dueDate: ctx.flow.document.dueDate?.(model),
      alsoInTransaction: (trx) => reownUploads(trx, ctx.draft.id, id, transfer),
    });
    if (result !== "reference-taken") return result;
  }
  throw new Error("Could not allocate a unique reference");
}
