/**
 * The renewal's Nachweis checklist (wba-but.md A.4): the Hauptantrag blocks' rules for a renewal —
 * identity documents only for persons new since the prefilled application, tenancy papers only
 * after a move, the Abrechnung received, and the final EKS of a provisional period that ends.
 */
import { nachweise as blockNachweise, RENEWAL_NACHWEIS_KEYS } from "~/blocks/nachweise";
import type { AnswerView, NachweisRequirement } from "../engine/types";
import { householdChange } from "./household-change";

export const NACHWEIS_KEYS = RENEWAL_NACHWEIS_KEYS;

/** Member i is new if the prefilled household did not have them (without a prefill nobody is known to be new). */
export function nachweise(a: AnswerView, on?: string): NachweisRequirement[] {
  const neu = householdChange(a)?.neu ?? [];
  return blockNachweise(a, on, { renewal: true, neu: (i) => neu.includes(i) });
}
