/**
 * What a POST to a step does, for every flow: validate with the step's schema, store the
 * answers in the encrypted draft, and say where to go next. Invalid input comes back with
 * its errors and the typed values; the stored draft is left untouched.
 */
import type { FlowContext } from "./context.server";
import { readForm, validateStep, type FieldErrors } from "./engine/fields";
import { firstIncomplete, nextStep, viewOf, withoutMember } from "./engine/journey";
import { confirmed } from "./engine/prefill";
import type { Answers, FieldDef, FieldValue, GroupStep, HandOver, QuestionStep, StepValues } from "./engine/types";
import { createDraft, saveDraft } from "~/store/drafts.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { commitSession, setDraftHandle } from "~/security/session.server";
import { getFlow } from "./registry.server";
import { stepUrl } from "./urls";

export type StepOutcome =
  | { kind: "redirect"; to: string; headers?: HeadersInit }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, FieldValue> };

async function store(ctx: FlowContext, answers: Answers) {
  await saveDraft(ctx.database, ctx.handle, answers, ctx.ttlDays);
}

function onward(ctx: FlowContext, answers: Answers, key: string, fromReview: boolean): string {
  const target = fromReview ? firstIncomplete(ctx.flow, answers) : nextStep(ctx.flow, answers, key);
  return stepUrl(ctx.flow.id, target, { fromReview: fromReview && target !== "pruefen" });
}

/** A question page: the step itself, or a per-person step for one member (`key` "<step>/<index>"). */
export async function answerQuestion(
  ctx: FlowContext, step: QuestionStep, key: string, form: FormData, fromReview: boolean,
  /** The fields as the page asks them (without withheld options, ADR 0034). */
  fields: readonly FieldDef[] = step.fields,
): Promise<StepOutcome> {
  const raw = readForm(fields, form);
  const result = validateStep(fields, raw);
  if (!result.ok) return { kind: "invalid", errors: result.errors, values: raw };
  const answers = confirmed({ ...ctx.draft.answers, [key]: result.values }, key);
  await store(ctx, answers);
  const handOver = ctx.flow.handOvers?.find((h) => h.when(viewOf(ctx.flow, answers)));
  if (handOver) return handOverTo(ctx, handOver, answers);
  return { kind: "redirect", to: onward(ctx, answers, key, fromReview) };
}

/**
 * The answers show this is the other flow's case: its draft starts with the answers so far (and
 * its own jobcenter settings), this flow's draft is let go, and the person lands on the first
 * page there that still needs an answer, told why (`?von=<flow>`).
 */
async function handOverTo(ctx: FlowContext, handOver: HandOver, answers: Answers): Promise<StepOutcome> {
  const next = getFlow(handOver.flowId);
  const jobcenter = getJobcenter(ctx.draft.jobcenterId);
  if (!next || !jobcenter) throw new Error(`hand-over to "${handOver.flowId}" is not possible`);
  const seeded: Answers = { ...(handOver.seed ? handOver.seed(answers) : answers) };
  delete seeded._mandant;
  if (next.tenantSettings) seeded._mandant = next.tenantSettings(jobcenter);
  const handle = await createDraft(ctx.database, { flow: next.id, jobcenterId: jobcenter.id, language: ctx.draft.language, ttlDays: ctx.ttlDays });
  await saveDraft(ctx.database, handle, seeded, ctx.ttlDays);
  setDraftHandle(ctx.session, next.id, handle);
  setDraftHandle(ctx.session, ctx.flow.id, undefined);
  const first = stepUrl(next.id, firstIncomplete(next, seeded));
  const to = handOver.notice ? `${first}?von=${encodeURIComponent(ctx.flow.id)}` : first;
  return { kind: "redirect", to, headers: { "Set-Cookie": await commitSession(ctx.session) } };
}

function itemsOf(ctx: FlowContext, key: string): StepValues[] {
  const v = ctx.draft.answers[key];
  return Array.isArray(v) ? v : [];
}

/** An item page of a repeating group (`key`: the group's page, "<step>/<index>" for a member's list). */
export async function answerGroupItem(
  ctx: FlowContext, step: GroupStep, key: string, index: number, form: FormData, fromReview: boolean,
): Promise<StepOutcome> {
  const raw = readForm(step.fields, form);
  const result = validateStep(step.fields, raw);
  if (!result.ok) return { kind: "invalid", errors: result.errors, values: raw };
  const items = [...itemsOf(ctx, key)];
  items[index] = result.values;
  await store(ctx, { ...ctx.draft.answers, [key]: items });
  return { kind: "redirect", to: stepUrl(ctx.flow.id, key, { fromReview }) };
}

/** The list page of a repeating group: add, remove, or continue. */
export async function answerGroupList(ctx: FlowContext, step: GroupStep, key: string, form: FormData, fromReview: boolean): Promise<StepOutcome> {
  const items = itemsOf(ctx, key);
  const intent = String(form.get("intent") ?? "continue");
  if (intent === "add" && items.length < step.maxItems) {
    return { kind: "redirect", to: stepUrl(ctx.flow.id, key, { index: items.length, fromReview }) };
  }
  if (intent.startsWith("remove:")) {
    const index = Number(intent.slice(7));
    if (Number.isInteger(index) && index >= 0 && index < items.length) {
      let answers: Answers = { ...ctx.draft.answers, [key]: items.filter((_, i) => i !== index) };
      // A person leaves the household: their per-person answers leave with them.
      if (ctx.flow.members?.group === step.id) answers = withoutMember(ctx.flow, answers, index + 1);
      await store(ctx, answers);
    }
    return { kind: "redirect", to: stepUrl(ctx.flow.id, key, { fromReview }) };
  }
  if (items.length < step.minItems) return { kind: "invalid", errors: { items: "groupMin" }, values: {} };
  // An entry that still lacks answers (one another flow started, e.g. a child from the Erstantrag): open it.
  const incomplete = items.findIndex((item) => !validateStep(step.fields, item).ok);
  if (incomplete >= 0) return { kind: "redirect", to: stepUrl(ctx.flow.id, key, { index: incomplete, fromReview }) };
  const answers = confirmed(ctx.draft.answers, key);
  if (answers !== ctx.draft.answers) await store(ctx, answers);
  return { kind: "redirect", to: onward(ctx, answers, key, fromReview) };
}
