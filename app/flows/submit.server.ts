/**
 * Submitting a flow: the declaration is checked, answers are pruned to what is reachable,
 * turned into the canonical model, and stored with the submission in one transaction that
 * deletes the draft. A repeated submit of the same draft returns the same submission.
 */
import { answerView, guard, prune } from "./engine/journey";
import { todayIso } from "./engine/fields";
import type { FlowContext } from "./context.server";
import { commitSubmission, type StoredSubmission } from "~/store/submissions.server";

export class IncompleteError extends Error {
  constructor(readonly stepId: string) {
    super(`Flow incomplete at ${stepId}`);
  }
}

export async function submitFlow(ctx: FlowContext, now: Date = new Date()): Promise<StoredSubmission> {
  const blocked = guard(ctx.flow, ctx.draft.answers, "pruefen");
  if (blocked) throw new IncompleteError(blocked);
  const pruned = prune(ctx.flow, ctx.draft.answers);
  const model = ctx.flow.toModel(answerView(pruned), { receivedAt: now, language: ctx.draft.language });
  return commitSubmission(ctx.database, {
    draftId: ctx.draft.id,
    flow: ctx.flow.id,
    formVersion: ctx.flow.formVersion,
    rechtsstand: todayIso(now),
    jobcenterId: ctx.draft.jobcenterId,
    language: ctx.draft.language,
    receivedAt: now,
    model,
  });
}
