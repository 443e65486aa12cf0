/**
 * Prefill (ADR 0028): answers carried over from an earlier submission, page by page. Each
 * prefilled page keeps what was carried over under `_vor/<page>` and counts as answered only
 * once the person has confirmed or changed it (`_ok/<page>`); the documents then say per page
 * whether it was confirmed unchanged or changed. Amounts that must be current and fields marked
 * `prefill: false` are never carried over.
 */
import { findStep } from "./journey";
import type { Answers, AnswerView, FieldDef, FlowDefinition, Step, StepValues } from "./types";

export const PREFILLED = "_vor/";
export const CONFIRMED = "_ok/";

/** Whether a field's answer may be carried into a new application (FieldBase.prefill). */
export const carriesOver = (field: FieldDef) => field.prefill ?? field.kind !== "money";

export const isPrefilled = (answers: Answers, key: string) => answers[PREFILLED + key] !== undefined;

/** A prefilled page the person has not yet confirmed or changed. */
export const awaitsConfirmation = (answers: Answers, key: string) => isPrefilled(answers, key) && answers[CONFIRMED + key] === undefined;

/** The answers with this page confirmed (a valid POST of the page, or "continue" on a list). */
export function confirmed(answers: Answers, key: string): Answers {
  return isPrefilled(answers, key) ? { ...answers, [CONFIRMED + key]: {} } : answers;
}

function keep(fields: readonly FieldDef[], values: StepValues): StepValues {
  const out: StepValues = {};
  for (const f of fields) if (carriesOver(f) && values[f.name] !== undefined) out[f.name] = values[f.name];
  return out;
}

/**
 * The answers a flow starts with from another submission's answers: only pages this flow has,
 * only fields that carry over, each page marked as prefilled. System data (`_…`) stays behind.
 */
export function prefillAnswers(flow: FlowDefinition, source: Answers): Answers {
  const out: Answers = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith("_")) continue;
    const step = findStep(flow, key.split("/")[0]);
    if (!step) continue;
    const kept = Array.isArray(value) ? value.map((item) => keep(step.fields, item)) : keep(step.fields, value);
    if (!Array.isArray(kept) && Object.keys(kept).length === 0) continue;
    out[key] = kept;
    out[PREFILLED + key] = kept;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a prefilled page still holds every answer that was carried over (what the documents call "bestätigt"). */
export function unchanged(a: AnswerView, step: Step, key: string): boolean {
  if (step.kind === "group") {
    const before = a.items(PREFILLED + key);
    const now = a.items(key);
    return now.length === before.length && before.every((item, i) => Object.entries(item).every(([f, v]) => same(now[i][f], v)));
  }
  return step.fields.every((f) => {
    const before = a.value(PREFILLED + key, f.name);
    return before === undefined || same(a.value(key, f.name), before);
  });
}

/** Every prefilled page of the journey so far (the view's answered pages) with whether it is unchanged. */
export function comparison(flow: FlowDefinition, a: AnswerView): { key: string; unchanged: boolean }[] {
  const out: { key: string; unchanged: boolean }[] = [];
  for (const step of flow.steps) {
    const keys = step.forEach ? a.members().map((m) => `${step.id}/${m.index}`) : [step.id];
    for (const key of keys) if (a.answered(key) && a.answered(PREFILLED + key)) out.push({ key, unchanged: unchanged(a, step, key) });
  }
  return out;
}

/** System keys that follow a page key ("_vor/<step>/<i>"): split into prefix and page key. */
export function splitSystemKey(key: string): [prefix: string, page: string] {
  for (const prefix of [PREFILLED, CONFIRMED]) if (key.startsWith(prefix)) return [prefix, key.slice(prefix.length)];
  return ["", key];
}
