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
import { steps as A } from "~/blocks/antragsteller/steps";
import { steps as C } from "~/blocks/antragstellung/steps";
import { steps as B } from "~/blocks/aufenthalt/steps";
import { LEISTUNGSEINKOMMEN, leistungStepId, leistungsSteps as EK_LEISTUNGEN, steps as EK } from "~/blocks/einkommen/steps";
import { steps as EKS } from "~/blocks/eks/steps";
import { steps as G } from "~/blocks/haushalt/steps";
import { steps as KDU } from "~/blocks/kdu/steps";
import { steps as L } from "~/blocks/lebenslage/steps";
import { steps as UH } from "~/blocks/unterhalt/steps";
import { postenStepId, steps as VM, vermoegensSteps as VM_POSTEN } from "~/blocks/vermoegen/steps";
import { steps as SV } from "~/blocks/versicherung/steps";
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
  A.person, A.herkunft,
  B.aufenthalt, B.asylbezug,
  A.anschrift, A.postanschrift, A.kontakt, A.konto, A.kontodaten, A.keinKonto, A.kennnummern, A.vertretung,
  A.vertreter,
  G.familienstand, G.familienstandSeit,
  UH.uh1,
  G.wohnsituation, G.haushalt, G.partnerschaft, G.wep,
  B.wepAufenthalt,
  G.kind,
  B.kindAufenthalt, B.asylbezugPerson,
  L.kindLebenslage, L.lebenslage, L.schwangerschaft,
  UH.uh2,
  L.ausbildung, L.behinderung, L.ernaehrung, L.besondererBedarf, L.stationaer,
  UH.elternteil, UH.uh3,
  W.vorher, W.vorleistung, W.beschaeftigung, W.arbeitgeberAnschrift,
  EKS.selbststaendigkeit, EKS.eks,
  W.lohnersatz, W.ansprueche, W.unfall,
  SV.versicherung, SV.krankenkasse, SV.sv,
  EK.einkommen, EK.erwerb, EK.abzuege,
  ...EK_LEISTUNGEN,
  EK.ekSonstiges,
  UH.kindUnterhalt,
  EK.kindEinkommen,
  G.hg,
  KDU.unterkunft, KDU.wohnform, KDU.miete, KDU.eigentum, KDU.heizung, KDU.warmwasserEnergie, KDU.direktzahlung,
  KDU.vermieter,
  VM.vermoegenKarenzzeit, VM.vermoegen,
  ...VM_POSTEN,
  anmerkungen,
];
