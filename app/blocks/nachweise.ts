/**
 * The personalised Nachweis checklist of the Hauptantrag's blocks (sgb2-facts § 1.1, § 1.3): what
 * the household's answers call for, per person where the Nachweis is a person's. Vermögen proofs
 * are asked "wenn das Jobcenter dazu auffordert" (BA), so only the statements the VM names. A
 * renewal (wba-but.md A.4) asks identity documents only of persons new since the last
 * application, and tenancy papers only after a move.
 */
import { memberName } from "~/flows/engine/members";
import type { AnswerView, NachweisRequirement } from "~/flows/engine/types";
import { aufenthaltAnswer, aufenthaltPage } from "./aufenthalt/steps";
import { LEISTUNGSEINKOMMEN, leistungStepId } from "./einkommen/steps";
import { household } from "./haushalt/members";

/** What differs for a renewal: whether it is one, and which household members are new. */
export interface NachweisKontext {
  renewal: boolean;
  /** Whether member i joined since the last application (an Erstantrag: everyone). */
  neu(index: number): boolean;
}
const ERSTANTRAG: NachweisKontext = { renewal: false, neu: () => true };

/** Every Nachweis this flow can ask for: its texts are `nachweise.<key>` in the flow's namespace. */
export const NACHWEIS_KEYS = [
  "aerztlicheBescheinigung", "anspruchsnachweis", "arbeitsbescheinigung", "arbeitsvertrag", "asylblgBescheid", "aufenthaltstitel",
  "aufnahmebescheinigung", "ausweis", "bestellungsurkunde", "bwa", "depotauszug", "einkommenHaushaltsgemeinschaft",
  "einkommensnachweis", "fahrzeugschein", "foerderbescheid", "freizuegigkeitsnachweis", "geburtsurkunde", "gewerbeanmeldung", "grundbuchauszug",
  "grundsteuerbescheid", "heizkostennachweis", "kindergeldbescheid", "kontoauszuege", "kostennachweis", "krankenversicherung",
  "kreditvertrag", "lohnabrechnungen", "lohnersatzbescheid", "meldebescheinigung", "mietvertrag", "mutterpass",
  "nebenkostenabrechnung", "rueckkaufswert", "scheidungTrennung", "schulbescheinigung", "schwerbehindertenausweis", "steuerbescheid",
  "teilhabebescheid", "unfallbericht", "unterhaltsnachweis", "unterhaltstitel", "uvgBescheid", "vaterschaftsanerkennung",
  "verpflichtungserklaerung", "versicherungsbeitrag", "vollmacht",
  ...LEISTUNGSEINKOMMEN.map((art) => `bescheid.${art}` as const),
] as const;
/** A renewal's further Nachweis: the final EKS of the provisional period that ends (§ 41a Abs. 3). */
export const RENEWAL_NACHWEIS_KEYS = [...NACHWEIS_KEYS, "abschliessendeEks"] as const;
export type NachweisKey = (typeof RENEWAL_NACHWEIS_KEYS)[number];

export function nachweise(a: AnswerView, on?: string, kontext: NachweisKontext = ERSTANTRAG): NachweisRequirement[] {
  const out: NachweisRequirement[] = [];
  const need = (key: NachweisKey, reason: string, person?: string) => {
    if (!out.some((n) => n.key === key && n.person === person)) out.push({ key, reason, ...(person ? { person } : {}) });
  };
  const members = household(a, on);

  // For every application (HA).
  need("kontoauszuege", "konto");
  const umgezogen = a.has("umzug", "umgezogen", "ja");
  if (!kontext.renewal || umgezogen) need("meldebescheinigung", kontext.renewal ? "umzug" : "anschrift");
  if (a.has("vertretung", "art", "vollmacht")) need("vollmacht", "vertretung");
  if (a.has("vertretung", "art", "betreuung") || a.has("vertretung", "art", "vormundschaft")) need("bestellungsurkunde", "vertretung");
  if (a.answered("uh1")) need("scheidungTrennung", "uh1");
  if (a.has("uh1", "unterhalt", "tituliert")) need("unterhaltstitel", "uh1");

  for (const h of members) {
    const i = h.member.index;
    const name = memberName(h.member);
    const has = (step: string, field: string, option: string) => a.has(`${step}/${i}`, field, option);
    const answered = (step: string) => a.answered(`${step}/${i}`);
    // Anlage HG: the relative's income, to test the presumption of support (voluntary).
    if (has("hg", "einkommen", "ja")) need("einkommenHaushaltsgemeinschaft", "hg", name);
    if (h.zugehoerigkeit !== "Bedarfsgemeinschaft") continue;
    const aufenthalt = aufenthaltPage(i, a);
    const neu = kontext.neu(i);
    // A renewal: a residence title again only if it changed (W6); a new person's as for an Erstantrag.
    const titelNeu = neu || a.has("aenderungen", "arten", "aufenthaltstitel");
    // Audit E2: EU/EEA citizens have no Aufenthaltstitel (Freizügigkeit); their right of residence
    // shows in work, self-employment or the length of residence (§ 7 (1) S. 4 SGB II).
    const titel = aufenthalt && a.has(aufenthalt, "status", "freizuegigkeit") ? "freizuegigkeitsnachweis" : "aufenthaltstitel";
    if (h.alter >= 15) {
      if (neu) need("ausweis", i === 0 ? "person" : "wep", name);
      if (aufenthalt && titelNeu) need(titel, aufenthalt.split("/")[0], name);
      if (neu && !has("versicherung", "art", "keine")) need("krankenversicherung", "versicherung", name);
      if (answered("sv")) need("versicherungsbeitrag", "sv", name);
    } else {
      if (neu) need("geburtsurkunde", "kind", name);
      if (aufenthalt && titelNeu) need(titel, aufenthalt.split("/")[0], name);
      if (answered("kindEinkommen")) need("einkommensnachweis", "kindEinkommen", name);
      if (has("kind", "kindergeld", "ja")) need("kindergeldbescheid", "kind", name);
      if (has("kind", "unterhalt", "unterhaltsvorschuss")) need("uvgBescheid", "kindUnterhalt", name);
      if (has("kind", "unterhalt", "unterhalt")) need("unterhaltsnachweis", "kindUnterhalt", name);
    }
    // Residence: a sponsor's Verpflichtungserklärung and a current AsylbLG-Bescheid (Anlage HA, Abschnitt B).
    if (aufenthalt && aufenthaltAnswer(i, a, "verpflichtung", "verpflichtungserklaerung") === "ja") need("verpflichtungserklaerung", "verpflichtung", name);
    if (aufenthalt && aufenthaltAnswer(i, a, "asyl", "asylbewerberleistungen") === "ja") need("asylblgBescheid", "asyl", name);
    if (answered("ansprueche")) need("anspruchsnachweis", "ansprueche", name);
    if (Number(a.value(`abzuege/${i}`, "unterhaltTitel") ?? 0) > 0) need("unterhaltstitel", "abzuege", name);
    if (answered("schwangerschaft")) need("mutterpass", "schwangerschaft", name);
    if (has("uh2", "vaterschaft", "anerkannt")) need("vaterschaftsanerkennung", "uh2", name);
    if (answered("ausbildung")) {
      need("schulbescheinigung", "ausbildung", name);
      if (has("ausbildung", "foerderung", "bafoeg") || has("ausbildung", "foerderung", "bab")) need("foerderbescheid", "ausbildung", name);
    }
    if (answered("behinderung") && !has("behinderung", "teilhabe", "keine")) need("teilhabebescheid", "behinderung", name);
    if (has("merkzeichen", "merkzeichenG", "ja")) need("schwerbehindertenausweis", "behinderung", name);
    if (answered("ernaehrung")) need("aerztlicheBescheinigung", "ernaehrung", name);
    if (answered("besondererBedarf")) need("kostennachweis", "besondererBedarf", name);
    if (answered("stationaer")) need("aufnahmebescheinigung", "stationaer", name);
    if (has("uh3", "unterhalt", "tituliert") || has("uh3", "unterhalt", "erhalten")) need("unterhaltsnachweis", "uh3", name);
    if (has("uh2", "unterhalt", "tituliert")) need("unterhaltstitel", "uh2", name);
    if (answered("beschaeftigung") && has("beschaeftigung", "offenerLohn", "ja")) need("arbeitsbescheinigung", "beschaeftigung", name);
    if (answered("selbststaendigkeit")) {
      if (neu) need("gewerbeanmeldung", "selbststaendigkeit", name);
      need("steuerbescheid", "selbststaendigkeit", name);
    }
    if (answered("eks")) need("bwa", "eks", name);
    // § 41a Abs. 3: the provisional period that ends needs its final declaration.
    if (kontext.renewal && answered("eks")) need("abschliessendeEks", "eks", name);
    if (answered("unfall")) need("unfallbericht", "unfall", name);
    if (answered("lohnersatz")) need("lohnersatzbescheid", "lohnersatz", name);
    if (answered("erwerb")) {
      need("lohnabrechnungen", "erwerb", name);
      need("arbeitsvertrag", "erwerb", name);
    }
    for (const art of LEISTUNGSEINKOMMEN) if (answered(leistungStepId(art))) need(`bescheid.${art}`, leistungStepId(art), name);
    if (answered("ekSonstiges")) need("einkommensnachweis", "ekSonstiges", name);
  }

  // Anlage KDU (a renewal: after a move; the Abrechnung received, W3.3)
  if (a.has("abrechnung", "erhalten", "ja")) need("nebenkostenabrechnung", "abrechnung");
  // A renewal without a move: the jobcenter has the tenancy papers.
  const wohnungNeu = !kontext.renewal || umgezogen;
  if (wohnungNeu && a.answered("miete")) {
    need("mietvertrag", "miete");
    // A Pauschalmiete has no Nebenkostenabrechnung (KDU-10).
    if (!a.has("miete", "aufteilung", "pauschal")) need("nebenkostenabrechnung", "miete");
  }
  if (wohnungNeu && a.answered("eigentum")) {
    need("kreditvertrag", "eigentum");
    need("grundsteuerbescheid", "eigentum");
  }
  if (a.has("heizung", "art", "ofen") || a.has("heizung", "art", "etage")) need("heizkostennachweis", "heizung");
  // Anlage VM: statements for the assets named.
  if (a.has("vermoegen", "arten", "fahrzeug")) need("fahrzeugschein", "vmFahrzeug");
  if (a.has("vermoegen", "arten", "immobilien")) need("grundbuchauszug", "vmImmobilien");
  if (a.has("vermoegen", "arten", "versicherungen")) need("rueckkaufswert", "vmVersicherungen");
  if (a.has("vermoegen", "arten", "wertpapiere") || a.has("vermoegen", "arten", "bausparen")) need("depotauszug", "vermoegen");
  return out;
}
