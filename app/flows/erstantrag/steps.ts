/**
 * Erstantrag (Hauptantrag Jobcenter-HA 04/2026 with its Anlagen) as one adaptive flow, composed
 * of building blocks (app/blocks, ADR 0026): the applicant's own data (HA A–C), the household
 * (HA G), then person by person what HA D–F, Anlage WEP, KI, EK, EKS, SV, MEB, BB, UF and UH1–UH3
 * ask, then housing (KDU) and Vermögen (VM). Each Anlage is asked only when an answer triggers
 * it. Each block holds its questions, their bindings to the model and (in its namespace) their
 * texts; this file only decides the order. Where each official question went:
 * docs/coverage/erstantrag.md.
 */
import type { Step } from "../engine/types";
import { PERSON_UND_HAUSHALT, UNTERKUNFT, VERSICHERUNG_UND_EINKOMMEN, WERDEGANG } from "~/blocks/sequences";
import { steps as C } from "~/blocks/antragstellung/steps";
import { LEISTUNGSEINKOMMEN, leistungStepId } from "~/blocks/einkommen/steps";
import { steps as KDU } from "~/blocks/kdu/steps";
import { postenStepId, steps as VM, vermoegensSteps as VM_POSTEN } from "~/blocks/vermoegen/steps";
import { steps as W } from "~/blocks/werdegang/steps";

export { aufenthaltPage } from "~/blocks/aufenthalt/steps";
export { household } from "~/blocks/haushalt/members";
export { VERMOEGENSARTEN, vermoegensRegel } from "~/blocks/vermoegen/steps";
export { EINKOMMENSARTEN } from "~/blocks/einkommen/steps";
export { LEISTUNGSEINKOMMEN };

export const stepIdOf = { leistung: leistungStepId, posten: postenStepId };

export const SECTIONS = ["antrag", "person", "haushalt", "personen", "wohnen", "vermoegen"] as const;

/** The Erstantrag's own last question. */
const anmerkungen: Step = {
  kind: "question", id: "anmerkungen", section: "vermoegen", model: { at: "", create: "none" },
  fields: [{ name: "text", kind: "textarea", maxLength: 2000, optional: true, hint: true, bind: "anmerkungen" }],
};

export const steps: readonly Step[] = [
  C.antragsdatum, C.formlos, C.beginn, C.beginnDatum,
  ...PERSON_UND_HAUSHALT,
  ...WERDEGANG,
  ...VERSICHERUNG_UND_EINKOMMEN,
  // HA 73, after the person's income: asked only when neither the past nor the income says it.
  W.lebensunterhalt,
  ...UNTERKUNFT,
  // § 22 Abs. 5 (audit E6 b): the renewal asks its own "moved since" with the Zusicherung.
  KDU.auszug,
  VM.vermoegenKarenzzeit, VM.vermoegen,
  ...VM_POSTEN,
  anmerkungen,
];
