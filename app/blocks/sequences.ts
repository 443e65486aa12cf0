/**
 * Runs of block steps that every Hauptantrag-shaped flow (Erstantrag, Weiterbewilligungsantrag)
 * asks in the same order: the current situation of the applicant and the household (HA A, B, D,
 * G, Anlagen WEP/KI/UH/MEB/BB), of insurance and income (HA F, SV, EK, HG), and of the housing
 * (KDU). A flow puts its own pages between them.
 */
import type { Step } from "~/flows/engine/types";
import { steps as A } from "./antragsteller/steps";
import { steps as B } from "./aufenthalt/steps";
import { steps as BT } from "./bildung/steps";
import { steps as EKS } from "./eks/steps";
import { leistungsSteps as EK_LEISTUNGEN, steps as EK } from "./einkommen/steps";
import { steps as G } from "./haushalt/steps";
import { steps as KDU } from "./kdu/steps";
import { steps as L } from "./lebenslage/steps";
import { steps as UH } from "./unterhalt/steps";
import { steps as SV } from "./versicherung/steps";
import { steps as W } from "./werdegang/steps";

/** The applicant, the household and each person's situation. */
export const PERSON_UND_HAUSHALT: readonly Step[] = [
  A.person, A.herkunft,
  B.staatsangehoerigkeit, B.aufenthalt, B.titel, B.freizuegigkeit, B.einreise, B.asyl, B.asylbezug, B.verpflichtung, B.nummern,
  A.anschrift, A.postanschrift, A.kontakt, A.konto, A.kontodaten, A.keinKonto, A.kennnummern, A.vertretung,
  A.vertreter,
  G.familienstand, G.familienstandSeit,
  UH.uh1,
  G.wohnsituation, G.haushalt, G.partnerschaft, G.uebersicht, G.wep, G.kindLebensmittelpunkt,
  G.kind,
  // Each further person's residence, after their WEP or KI page (one of the two applies to a person).
  B.staatsangehoerigkeitPerson, B.wepAufenthalt, B.kindAufenthalt, B.titelPerson, B.freizuegigkeitPerson,
  B.einreisePerson, B.asylPerson, B.asylbezugPerson, B.verpflichtungPerson, B.nummernPerson,
  L.kindLebenslage, L.lebenslage, L.schwangerschaft,
  UH.uh2,
  L.ausbildung, L.behinderung, L.merkzeichen, L.ernaehrung, L.besondererBedarf, L.stationaer,
  UH.elternteil, UH.uh3,
  // Bildung und Teilhabe: costs already known, and the Lernförderung to apply for separately.
  BT.butKosten,
];

/** How each person lived until now (HA E, Anlagen EKS and UF). */
export const WERDEGANG: readonly Step[] = [
  W.vorher, W.vorleistung, W.beschaeftigung, W.arbeitgeberAnschrift,
  EKS.selbststaendigkeit, EKS.eks,
  W.lohnersatz, W.beantragt, W.ansprueche, W.unfall,
];

/** Each person's insurance and income, and the relatives' Anlage HG. */
export const VERSICHERUNG_UND_EINKOMMEN: readonly Step[] = [
  SV.versicherung, SV.krankenkasse, SV.sv,
  EK.einkommen, EK.erwerb, EK.abzuege,
  ...EK_LEISTUNGEN,
  EK.ekSonstiges,
  UH.kindUnterhalt,
  EK.kindEinkommen,
  G.hg,
];

/** Anlage KDU. */
export const UNTERKUNFT: readonly Step[] = [
  KDU.unterkunft, KDU.wohnform, KDU.miete, KDU.eigentum, KDU.heizung, KDU.warmwasserEnergie, KDU.direktzahlung,
  KDU.vermieter,
];

/**
 * The Hauptantrag's pages for each further person of the household, in the Erstantrag's order:
 * Anlage WEP or KI with the residence, the situation (MEB, BB, UH2, UH3), the past (HA E, EKS,
 * UF), insurance (SV), income (EK) and Anlage HG. A flow that learns of a new person (the VÄM)
 * asks these (ADR 0042).
 */
export const JE_WEITERER_PERSON: readonly Step[] = [...PERSON_UND_HAUSHALT, ...WERDEGANG, ...VERSICHERUNG_UND_EINKOMMEN, W.lebensunterhalt]
  .filter((step) => step.forEach !== undefined);
