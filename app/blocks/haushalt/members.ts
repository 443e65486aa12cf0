/**
 * Who is who in the household, for per-person pages: the applicant is member 0, the persons of
 * the household question follow. Roles and ages come from household.ts.
 */
import { todayIso } from "~/flows/engine/fields";
import type { AnswerView, MemberCondition } from "~/flows/engine/types";
import { both } from "../shared";
import { haushalt, inBg, mitglied, type Haushaltsmitglied } from "./household";

/** A per-person condition on the member's household role and age (ages on the application date). */
export const memberWhere = (test: (h: Haushaltsmitglied, a: AnswerView) => boolean): MemberCondition => (m, a) => {
  const h = mitglied(a, m, todayIso());
  return h !== undefined && test(h, a);
};

/** BG members from 15: the applicant (HA) and everyone with an Anlage WEP. */
export const ab15 = memberWhere((h) => inBg(h) && h.alter >= 15);
/** Children under 15 in the BG: Anlage KI. */
export const unter15 = memberWhere((h) => inBg(h) && h.alter < 15);
/** Relatives in the household outside the BG: Anlage HG. */
export const hgMitglied = memberWhere((h) => h.zugehoerigkeit === "Haushaltsgemeinschaft");
/** Children of the BG aged 15 to 17 (Anlage WEP, but still minors: where they live matters, audit E5). */
export const kind15bis17 = memberWhere((h) => inBg(h) && h.beziehung === "kind" && h.alter >= 15 && h.alter < 18);
/** Further persons of the BG from 15: Anlage WEP. */
export const weiterePerson15 = both(ab15, (m) => m.index > 0);

/**
 * Members and their household roles, for model, Nachweise and texts: ages on the application
 * date, or on `on` (the day of receipt when the model is made; today while the person answers).
 */
export function household(a: AnswerView, on = todayIso()): Haushaltsmitglied[] {
  return haushalt(a, on);
}
