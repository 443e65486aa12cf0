/**
 * What a POST to a step does, for every flow: validate with the step's schema, store the
 * answers in the encrypted draft, and say where to go next. Invalid input comes back with
 * its errors and the typed values; the stored draft is left untouched.
 */
import type { FlowContext } from "./context.server";
import { readForm, validateStep, type FieldErrors } from "./engine/fields";
import { firstIncomplete, nextStep, withoutMember } from "./engine/journey";
import type { Answers, FieldValue, GroupStep, QuestionStep, StepValues } from "./engine/types";
import { saveDraft } from "~/store/drafts.server";
import { stepUrl } from "./urls";

export type StepOutcome =
  | { kind: "redirect"; to: string }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, FieldValue> };

async function store(ctx: FlowContext, answers: Answers) {
  await saveDraft(ctx.database, ctx.handle, answers, ctx.ttlDays);
}

function onward(ctx: FlowContext, answers: Answers, key: string, fromReview: boolean): string {
  const target = fromReview ? firstIncomplete(ctx.flow, answers) : nextStep(ctx.flow, answers, key);
  return stepUrl(ctx.flow.id, target, { fromReview: fromReview && target !== "pruefen" });
}

/** A question page: the step itself, or a per-person step for one member (`key` "<step>/<index>"). */
export async function answerQuestion(ctx: FlowContext, step: QuestionStep, key: string, form: FormData, fromReview: boolean): Promise<StepOutcome> {
  const raw = readForm(step.fields, form);
  const result = validateStep(step.fields, raw);
  if (!result.ok) return { kind: "invalid", errors: result.errors, values: raw };
  const answers = { ...ctx.draft.answers, [key]: result.values };
  await store(ctx, answers);
  return { kind: "redirect", to: onward(ctx, answers, key, fromReview) };
}

function itemsOf(ctx: FlowContext, step: GroupStep): StepValues[] {
  const v = ctx.draft.answers[step.id];
  return Array.isArray(v) ? v : [];
}

export async function answerGroupItem(
  ctx: FlowContext, step: GroupStep, index: number, form: FormData, fromReview: boolean,
): Promise<StepOutcome> {
  const raw = readForm(step.fields, form);
  const result = validateStep(step.fields, raw);
  if (!result.ok) return { kind: "invalid", errors: result.errors, values: raw };
  const items = [...itemsOf(ctx, step)];
  items[index] = result.values;
  await store(ctx, { ...ctx.draft.answers, [step.id]: items });
  return { kind: "redirect", to: stepUrl(ctx.flow.id, step.id, { fromReview }) };
}

/** The list page of a repeating group: add, remove, or continue. */
export async function answerGroupList(ctx: FlowContext, step: GroupStep, form: FormData, fromReview: boolean): Promise<StepOutcome> {
  const items = itemsOf(ctx, step);
  const intent = String(form.get("intent") ?? "continue");
  if (intent === "add" && items.length < step.maxItems) {
    return { kind: "redirect", to: stepUrl(ctx.flow.id, step.id, { index: items.length, fromReview }) };
  }
  if (intent.startsWith("remove:")) {
    const index = Number(intent.slice(7));
    if (Number.isInteger(index) && index >= 0 && index < items.length) {
      let answers: Answers = { ...ctx.draft.answers, [step.id]: items.filter((_, i) => i !== index) };
      // A person leaves the household: their per-person answers leave with them.
      if (ctx.flow.members?.group === step.id) answers = withoutMember(ctx.flow, answers, index + 1);
      await store(ctx, answers);
    }
    return { kind: "redirect", to: stepUrl(ctx.flow.id, step.id, { fromReview }) };
  }
  if (items.length < step.minItems) return { kind: "invalid", errors: { items: "groupMin" }, values: {} };
  return { kind: "redirect", to: onward(ctx, ctx.draft.answers, step.id, fromReview) };
}
