/**
 * Helpers every block uses: conditions on answers and the shapes of bindings that recur
 * (engine/binding.ts). Nothing here knows a flow.
 */
import type { Condition, MemberCondition } from "~/flows/engine/types";

export const is = (step: string, field: string, option: string): Condition => (a) => a.has(step, field, option);
export const not = (c: Condition): Condition => (a) => !c(a);
/** The member's own answer on an earlier per-person step. */
export const own = (step: string, field: string, option: string): MemberCondition => (m, a) => a.has(`${step}/${m.index}`, field, option);
export const both = (...tests: MemberCondition[]): MemberCondition => (m, a) => tests.every((t) => t(m, a));

/** A "ja"/"nein" answer stored as a boolean. */
export const YES_NO = (path: string) => ({ path, as: "yesNo" } as const);
/** A gate whose "ja" leads to a page that records `path`: it reads back from whether `path` exists. */
export const GATE = (path: string, yes = "ja", no = "nein") => ({ options: { [yes]: { present: path } }, otherwise: no });
/** The "none of these" option of a list question (ChoiceField.exclusive). */
export const NONE = "keine";
/** A person's page (`{i}` is the member; the applicant is member 0). */
export const PERSON = "mitglieder.{i}";
