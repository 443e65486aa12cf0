/**
 * The journey through a declared flow: which pages are reachable with the current answers,
 * which are complete, where "continue" and "back" lead, where a returning applicant resumes,
 * and which answers survive pruning. Pure functions; the routes only call these.
 *
 * A page is a step, or a per-person step for one household member, keyed "<step>/<index>" (a
 * per-person group keeps that member's list there).
 * Keys starting with "_" hold system data (e.g. the Kurzantrag a draft continues), never answers
 * to a step: pruning keeps them.
 */
import { validateStep } from "./fields";
import { awaitsConfirmation, splitSystemKey } from "./prefill";
import type { AnswerView, Answers, FieldDef, FlowDefinition, Member, MembersSource, Page, QuestionStep, Step, StepValues } from "./types";

export const REVIEW = "pruefen";

export const memberKey = (stepId: string, index: number) => `${stepId}/${index}`;

export function answerView(answers: Answers, members?: MembersSource): AnswerView {
  const stepValues = (stepId: string): StepValues | undefined => {
    const v = answers[stepId];
    return v && !Array.isArray(v) ? v : undefined;
  };
  const items = (groupId: string) => {
    const v = answers[groupId];
    return Array.isArray(v) ? v : [];
  };
  return {
    value: (stepId, field) => stepValues(stepId)?.[field],
    has(stepId, field, option) {
      const v = stepValues(stepId)?.[field];
      return Array.isArray(v) ? v.includes(option) : v === option;
    },
    answered: (stepId) => answers[stepId] !== undefined,
    items,
    entries(key) {
      const v = answers[key];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
    members(): Member[] {
      if (!members) return [];
      const lead = stepValues(members.lead);
      if (!lead) return [];
      return [lead, ...items(members.group)].map((values, index) => ({ index, values }));
    },
  };
}

/** The flow's view of these answers (with its household, if it has one). */
export const viewOf = (flow: FlowDefinition, answers: Answers) => answerView(answers, flow.members);

function isComplete(step: Step, stored: Answers[string] | undefined, fields: readonly FieldDef[] = step.fields): boolean {
  if (step.kind === "question" && step.end) return false;
  if (step.kind === "group") {
    if (!Array.isArray(stored)) return false;
    if (stored.length < step.minItems || stored.length > step.maxItems) return false;
    return stored.every((item) => validateStep(step.fields, item).ok);
  }
  if (!stored || Array.isArray(stored)) return false;
  return validateStep(fields, stored).ok;
}

/** Answered validly, and, if it was prefilled, confirmed by the person (engine/prefill.ts). */
export function isPageComplete(page: Page, answers: Answers): boolean {
  return isComplete(page.step, answers[page.key], page.fields) && !awaitsConfirmation(answers, page.key);
}

/**
 * Pages reachable with these answers, in order. A condition only sees answers of pages that
 * are themselves reachable and come before it, so a stale answer on an abandoned branch can
 * never switch a later page on. A run of per-person steps is asked person by person.
 */
export function reachablePages(flow: FlowDefinition, answers: Answers): Page[] {
  const seen: Answers = {};
  for (const [key, value] of Object.entries(answers)) if (key.startsWith("_")) seen[key] = value;
  const result: Page[] = [];
  // One view for the whole walk: it reads `seen` live, so each condition sees the pages before it.
  const view = viewOf(flow, seen);
  let ended = false;
  const visit = (page: Page) => {
    if (ended) return;
    result.push(page.step.kind === "question" && page.step.withhold ? offered(page, page.step, view) : page);
    if (answers[page.key] !== undefined) seen[page.key] = answers[page.key];
    // A page that ends the flow: nothing after it is asked.
    if (page.step.kind === "question" && page.step.end) ended = true;
  };
  const steps = flow.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.forEach) {
      let end = i;
      while (end + 1 < steps.length && steps[end + 1].forEach) end++;
      const run = steps.slice(i, end + 1);
      for (const member of view.members()) {
        for (const s of run) {
          if (s.when && !s.when(view)) continue;
          if (s.forEach && !s.forEach(member, view)) continue;
          visit({ key: memberKey(s.id, member.index), step: s, member });
        }
      }
      i = end;
      continue;
    }
    if (step.when && !step.when(view)) continue;
    visit({ key: step.id, step });
  }
  return result;
}

/** A page with the options its step withholds from this member taken out of its fields (ADR 0034). */
function offered(page: Page, step: QuestionStep, view: AnswerView): Page {
  const rules = step.withhold!.of(page.member, view);
  const withheld: { field: string; option: string; reason: string }[] = [];
  const fields = step.fields.map((f): FieldDef => {
    const rule = rules[f.name];
    if (!rule || (f.kind !== "radio" && f.kind !== "checkboxes")) return f;
    for (const option of f.options) if (rule[option]) withheld.push({ field: f.name, option, reason: rule[option] });
    return { ...f, options: f.options.filter((o) => !rule[o]) };
  });
  return { ...page, fields, withheld };
}

/** Only the answers of reachable pages (and system data): what the model, review and documents may read. */
export function prune(flow: FlowDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const [key, value] of Object.entries(answers)) if (key.startsWith("_")) kept[key] = value;
  for (const page of reachablePages(flow, answers)) {
    if (answers[page.key] !== undefined) kept[page.key] = answers[page.key];
  }
  return kept;
}

/** The first reachable page that is not complete, or REVIEW when all are. */
export function firstIncomplete(flow: FlowDefinition, answers: Answers): string {
  const page = reachablePages(flow, answers).find((p) => !isPageComplete(p, answers));
  return page ? page.key : REVIEW;
}

/**
 * A page may be shown only if it is reachable and every reachable page before it is complete:
 * nobody jumps ahead by typing a URL. Returns where to send the browser instead, or null.
 */
export function guard(flow: FlowDefinition, answers: Answers, key: string): string | null {
  const pages = reachablePages(flow, answers);
  const target = key === REVIEW ? pages.length : pages.findIndex((p) => p.key === key);
  if (target === -1) return firstIncomplete(flow, answers);
  const blocking = pages.slice(0, target).find((p) => !isPageComplete(p, answers));
  return blocking ? blocking.key : null;
}

export function nextStep(flow: FlowDefinition, answers: Answers, key: string): string {
  const pages = reachablePages(flow, answers);
  const i = pages.findIndex((p) => p.key === key);
  return pages[i + 1]?.key ?? REVIEW;
}

/** The page before this one, or null on the first page. */
export function previousStep(flow: FlowDefinition, answers: Answers, key: string): string | null {
  const pages = reachablePages(flow, answers);
  if (key === REVIEW) return pages.at(-1)?.key ?? null;
  const i = pages.findIndex((p) => p.key === key);
  return i > 0 ? pages[i - 1].key : null;
}

export interface Progress {
  section: string;
  sectionIndex: number;
  sectionCount: number;
  sections: readonly string[];
  /**
   * How far through the pages the answers so far lead to (0–1), for the bar: it moves with
   * every page, also through the long run of per-person pages within one section (#18).
   */
  share: number;
}

/**
 * Progress: the text names the section (the sections do not change with the answers); the bar
 * moves page by page — this page's place among the pages the answers so far make reachable,
 * check-answers last. An estimate: an answer can add or remove pages ahead.
 */
export function progress(flow: FlowDefinition, key: string, answers?: Answers): Progress {
  const sections = [...flow.sections, REVIEW];
  const section = key === REVIEW ? REVIEW : findStep(flow, key.split("/")[0])?.section ?? sections[0];
  const sectionIndex = sections.indexOf(section);
  let share = (sectionIndex + 1) / sections.length;
  if (answers && key !== REVIEW) {
    const pages = reachablePages(flow, answers);
    const at = pages.findIndex((p) => p.key === key);
    if (at >= 0) share = (at + 1) / (pages.length + 1);
  }
  return { section, sectionIndex, sectionCount: sections.length, sections, share };
}

export function findStep(flow: FlowDefinition, stepId: string): Step | undefined {
  return flow.steps.find((s) => s.id === stepId);
}

/**
 * Answers after removing household member `index` (≥ 1): their per-person answers go, and
 * the later members' answers move up one place, so that "<step>/<i>" stays member i.
 */
export function withoutMember(flow: FlowDefinition, answers: Answers, index: number): Answers {
  const perPerson = new Set(flow.steps.filter((s) => s.forEach).map((s) => s.id));
  const out: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    // A prefilled page's system keys ("_vor/<step>/<i>") move with the page.
    const [prefix, page] = splitSystemKey(key);
    const [stepId, i] = page.split("/");
    if (i === undefined || !perPerson.has(stepId)) { out[key] = value; continue; }
    const n = Number(i);
    if (n < index) out[key] = value;
    else if (n > index) out[prefix + memberKey(stepId, n - 1)] = value;
  }
  return out;
}

/** The steps behind the reachable pages (a per-person step once per member it is asked for). */
export function reachableSteps(flow: FlowDefinition, answers: Answers): Step[] {
  return reachablePages(flow, answers).map((p) => p.step);
}

/** Every namespace a flow's pages read: the flow's own, then its blocks' (ADR 0026). */
export function flowNamespaces(flow: Pick<FlowDefinition, "namespace" | "steps">): string[] {
  // …and the namespaces of questions borrowed from a block (FieldBase.texts "kdu:miete").
  const borrowed = flow.steps.flatMap((s) => s.fields.flatMap((f) => (f.texts?.includes(":") ? [f.texts.split(":")[0]] : [])));
  return [...new Set([flow.namespace, ...flow.steps.map((s) => s.namespace ?? flow.namespace), ...borrowed])];
}

/** Where a step's texts live: its building block's namespace, else the flow's (ADR 0026). */
export function stepNamespace(flow: Pick<FlowDefinition, "namespace">, step: Step): string {
  return step.namespace ?? flow.namespace;
}
