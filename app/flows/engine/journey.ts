/**
 * The journey through a declared flow: which steps are reachable with the current answers,
 * which are complete, where "continue" and "back" lead, where a returning applicant resumes,
 * and which answers survive pruning. Pure functions; the routes only call these.
 */
import { validateStep } from "./fields";
import type { AnswerView, Answers, FlowDefinition, Step, StepValues } from "./types";

export const REVIEW = "pruefen";

export function answerView(answers: Answers): AnswerView {
  const stepValues = (stepId: string): StepValues | undefined => {
    const v = answers[stepId];
    return v && !Array.isArray(v) ? v : undefined;
  };
  return {
    value: (stepId, field) => stepValues(stepId)?.[field],
    has(stepId, field, option) {
      const v = stepValues(stepId)?.[field];
      return Array.isArray(v) ? v.includes(option) : v === option;
    },
    answered: (stepId) => answers[stepId] !== undefined,
    items(groupId) {
      const v = answers[groupId];
      return Array.isArray(v) ? v : [];
    },
  };
}

export function isStepComplete(step: Step, answers: Answers): boolean {
  const stored = answers[step.id];
  if (step.kind === "group") {
    if (!Array.isArray(stored)) return false;
    if (stored.length < step.minItems || stored.length > step.maxItems) return false;
    return stored.every((item) => validateStep(step.fields, item).ok);
  }
  if (!stored || Array.isArray(stored)) return false;
  return validateStep(step.fields, stored).ok;
}

/**
 * Steps reachable with these answers, in order. A condition only sees answers of steps that
 * are themselves reachable and come before it, so a stale answer on an abandoned branch can
 * never switch a later step on.
 */
export function reachableSteps(flow: FlowDefinition, answers: Answers): Step[] {
  const seen: Answers = {};
  const result: Step[] = [];
  for (const step of flow.steps) {
    if (step.when && !step.when(answerView(seen))) continue;
    result.push(step);
    if (answers[step.id] !== undefined) seen[step.id] = answers[step.id];
  }
  return result;
}

/** Only the answers of reachable steps: what the model, review and documents may read. */
export function prune(flow: FlowDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const step of reachableSteps(flow, answers)) {
    if (answers[step.id] !== undefined) kept[step.id] = answers[step.id];
  }
  return kept;
}

/** The first reachable step that is not complete, or REVIEW when all are. */
export function firstIncomplete(flow: FlowDefinition, answers: Answers): string {
  const step = reachableSteps(flow, answers).find((s) => !isStepComplete(s, answers));
  return step ? step.id : REVIEW;
}

/**
 * A step may be shown only if it is reachable and every reachable step before it is complete:
 * nobody jumps ahead by typing a URL. Returns where to send the browser instead, or null.
 */
export function guard(flow: FlowDefinition, answers: Answers, stepId: string): string | null {
  const steps = reachableSteps(flow, answers);
  const target = stepId === REVIEW ? steps.length : steps.findIndex((s) => s.id === stepId);
  const incomplete = firstIncomplete(flow, answers);
  if (target === -1) return incomplete;
  const blocking = steps.slice(0, target).find((s) => !isStepComplete(s, answers));
  return blocking ? blocking.id : null;
}

export function nextStep(flow: FlowDefinition, answers: Answers, stepId: string): string {
  const steps = reachableSteps(flow, answers);
  const i = steps.findIndex((s) => s.id === stepId);
  return steps[i + 1]?.id ?? REVIEW;
}

/** The step before this one, or null on the first step. */
export function previousStep(flow: FlowDefinition, answers: Answers, stepId: string): string | null {
  const steps = reachableSteps(flow, answers);
  if (stepId === REVIEW) return steps.at(-1)?.id ?? null;
  const i = steps.findIndex((s) => s.id === stepId);
  return i > 0 ? steps[i - 1].id : null;
}

export interface Progress {
  section: string;
  sectionIndex: number;
  sectionCount: number;
  sections: readonly string[];
}

/** Progress by section: the number of steps changes with the answers, the sections do not. */
export function progress(flow: FlowDefinition, stepId: string): Progress {
  const sections = [...flow.sections, REVIEW];
  const section = stepId === REVIEW ? REVIEW : flow.steps.find((s) => s.id === stepId)?.section ?? sections[0];
  return { section, sectionIndex: sections.indexOf(section), sectionCount: sections.length, sections };
}

export function findStep(flow: FlowDefinition, stepId: string): Step | undefined {
  return flow.steps.find((s) => s.id === stepId);
}
