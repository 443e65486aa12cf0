/**
 * HA B: nationality and residence, for the applicant and for every further person who is not
 * German (Anlage WEP / KI), and until when AsylbLG is paid.
 */
import type { AnswerView, FieldDef, MemberCondition } from "~/flows/engine/types";
import { inBlock } from "../block";
import { unter15, weiterePerson15 } from "../haushalt/members";
import { both, is, not, PERSON, YES_NO } from "../shared";

export const STAATSANGEHOERIGKEIT = ["deutsch", "eu", "andere", "staatenlos"] as const;

/**
 * HA B, one question per page (#18, ADR 0039): the nationality; the right of residence, with
 * each document described; the entry date; AsylbLG and a sponsor's Verpflichtungserklärung only
 * for the statuses they can concern; the numbers on the papers. All bound to one Aufenthalt
 * (the applicant's or a member's); the texts are the applicant's pages', person-neutral.
 */
const LAND: readonly FieldDef[] = [{ name: "land", kind: "country", unknown: true }];
const STATUS: readonly FieldDef[] = [
  { name: "status", kind: "radio", options: ["freizuegigkeit", "aufenthaltstitel", "niederlassung", "fiktion", "gestattungDuldung", "keiner"], hint: true, optionHints: true, bind: "aufenthaltsstatus" },
];
const EINREISE: readonly FieldDef[] = [{ name: "einreise", kind: "date", relative: "past", optional: true, hint: true }];
const ASYL: readonly FieldDef[] = [{ name: "asylbewerberleistungen", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("asylbewerberleistungen") }];
const VERPFLICHTUNG: readonly FieldDef[] = [{ name: "verpflichtungserklaerung", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("verpflichtungserklaerung") }];
const NUMMERN: readonly FieldDef[] = [
  { name: "azrNummer", kind: "text", maxLength: 30, optional: true, hint: true },
  { name: "nationaleId", kind: "text", maxLength: 50, optional: true, hint: true },
];
/** AsylbLG can only be paid with these papers (§ 1 AsylbLG); EU citizens and settled residents are not asked. */
const ASYL_STATUS = ["aufenthaltstitel", "fiktion", "gestattungDuldung", "keiner"];
/** A sponsor's Verpflichtungserklärung (§ 68 AufenthG) stands behind a visa or a residence title. */
const VERPFLICHTUNG_STATUS = ["aufenthaltstitel", "niederlassung", "fiktion"];

/**
 * Audit E3: what the residence title rests on and until when it is valid — § 7 Abs. 1 S. 2 SGB II
 * excludes some titles (job-seeking), others lead to AsylbLG (§ 1 AsylbLG) — read off the card,
 * with "I do not know" for whoever cannot.
 */
const TITEL: readonly FieldDef[] = [
  { name: "rechtsgrundlage", kind: "radio", options: ["p24", "p25", "ausbildung", "arbeit", "familie", "andere", "unbekannt"], hint: true },
  { name: "gueltigBis", kind: "date", optional: true, hint: true },
];
/** Audit E3: on what an EU citizen's right of residence rests (§ 7 Abs. 1 S. 2 Nr. 2 SGB II: job-seeking alone excludes). */
const FREIZUEGIGKEIT: readonly FieldDef[] = [
  { name: "grund", kind: "radio", options: ["arbeitnehmer", "selbststaendig", "arbeitsuche", "familie", "daueraufenthalt", "andere"], hint: true, bind: "freizuegigkeitsgrund" },
];
/** A further person who is not German: their WEP or KI page says so. */
const auslaendischePerson: MemberCondition = (m, a) =>
  (weiterePerson15(m, a) && !a.has(`wep/${m.index}`, "staatsangehoerigkeit", "deutsch")) || (unter15(m, a) && !a.has(`kind/${m.index}`, "staatsangehoerigkeit", "deutsch"));
/** The applicant's residence status is one of these. */
const eigenerStatus = (...statuses: string[]) => (a: AnswerView) => statuses.some((st) => a.has("aufenthalt", "status", st));
/** A further person's residence status (from their WEP or KI status page) is one of these. */
const statusOf = (...statuses: string[]): MemberCondition => (m, a) => m.index > 0 && statuses.some((st) => a.has(aufenthaltPage(m.index, a) ?? "", "status", st));

/** HA 25: the end of AsylbLG receipt tells the jobcenter from when SGB II takes over. */
const ASYLBEZUG: readonly FieldDef[] = [
  { name: "bis", kind: "date", optional: true, hint: true, bind: "asylbewerberleistungenBis" },
];

const OWN = "antragsteller.aufenthalt";
const MEMBER = `${PERSON}.aufenthalt`;
const nichtDeutsch = not(is("herkunft", "staatsangehoerigkeit", "deutsch"));

export const steps = inBlock("aufenthalt", {
  // HA B for the applicant: one question per page.
  staatsangehoerigkeit: { kind: "question", id: "staatsangehoerigkeit", section: "person", model: { at: OWN }, when: nichtDeutsch, fields: LAND },
  aufenthalt: { kind: "question", id: "aufenthalt", section: "person", model: { at: OWN }, when: nichtDeutsch, fields: STATUS },
  titel: { kind: "question", id: "titel", section: "person", model: { at: OWN }, when: is("aufenthalt", "status", "aufenthaltstitel"), fields: TITEL },
  freizuegigkeit: { kind: "question", id: "freizuegigkeit", section: "person", model: { at: OWN }, when: is("aufenthalt", "status", "freizuegigkeit"), fields: FREIZUEGIGKEIT },
  einreise: { kind: "question", id: "einreise", section: "person", model: { at: OWN }, when: nichtDeutsch, fields: EINREISE },
  asyl: { kind: "question", id: "asyl", section: "person", model: { at: OWN }, when: eigenerStatus(...ASYL_STATUS), fields: ASYL },
  asylbezug: { kind: "question", id: "asylbezug", section: "person", model: { at: OWN }, when: (a) => eigenerStatus(...ASYL_STATUS)(a) && a.has("asyl", "asylbewerberleistungen", "ja"), fields: ASYLBEZUG },
  verpflichtung: { kind: "question", id: "verpflichtung", section: "person", model: { at: OWN }, when: eigenerStatus(...VERPFLICHTUNG_STATUS), fields: VERPFLICHTUNG },
  nummern: { kind: "question", id: "nummern", section: "person", model: { at: OWN }, when: nichtDeutsch, fields: NUMMERN },
  // The same for every further person who is not German (Anlage WEP / KI), with the applicant's texts.
  staatsangehoerigkeitPerson: {
    kind: "question", id: "staatsangehoerigkeitPerson", section: "personen", model: { at: MEMBER }, texts: "staatsangehoerigkeit", forEach: auslaendischePerson, fields: LAND,
  },
  wepAufenthalt: {
    kind: "question", id: "wepAufenthalt", section: "personen", model: { at: MEMBER }, texts: "aufenthalt",
    forEach: both(weiterePerson15, (m, a) => !a.has(`wep/${m.index}`, "staatsangehoerigkeit", "deutsch")),
    fields: STATUS,
  },
  kindAufenthalt: {
    kind: "question", id: "kindAufenthalt", section: "personen", model: { at: MEMBER }, texts: "aufenthalt",
    forEach: both(unter15, (m, a) => !a.has(`kind/${m.index}`, "staatsangehoerigkeit", "deutsch")),
    fields: STATUS,
  },
  // Audit E3 for further persons and children (texts of the applicant's pages).
  titelPerson: { kind: "question", id: "titelPerson", section: "personen", model: { at: MEMBER }, texts: "titel", forEach: statusOf("aufenthaltstitel"), fields: TITEL },
  freizuegigkeitPerson: { kind: "question", id: "freizuegigkeitPerson", section: "personen", model: { at: MEMBER }, texts: "freizuegigkeit", forEach: statusOf("freizuegigkeit"), fields: FREIZUEGIGKEIT },
  einreisePerson: { kind: "question", id: "einreisePerson", section: "personen", model: { at: MEMBER }, texts: "einreise", forEach: auslaendischePerson, fields: EINREISE },
  asylPerson: { kind: "question", id: "asylPerson", section: "personen", model: { at: MEMBER }, texts: "asyl", forEach: statusOf(...ASYL_STATUS), fields: ASYL },
  asylbezugPerson: {
    // HA 25 for further persons and children: until when AsylbLG is paid.
    kind: "question", id: "asylbezugPerson", section: "personen", model: { at: MEMBER }, texts: "asylbezug",
    forEach: (m, a) => statusOf(...ASYL_STATUS)(m, a) && a.has(`asylPerson/${m.index}`, "asylbewerberleistungen", "ja"),
    fields: ASYLBEZUG,
  },
  verpflichtungPerson: { kind: "question", id: "verpflichtungPerson", section: "personen", model: { at: MEMBER }, texts: "verpflichtung", forEach: statusOf(...VERPFLICHTUNG_STATUS), fields: VERPFLICHTUNG },
  nummernPerson: { kind: "question", id: "nummernPerson", section: "personen", model: { at: MEMBER }, texts: "nummern", forEach: auslaendischePerson, fields: NUMMERN },
});

/**
 * The page that holds a person's residence answers (HA B), if they were asked: the applicant's
 * own page, or the Anlage WEP / KI page of a further person. The one place that knows it.
 */
export function aufenthaltPage(index: number, a: AnswerView): string | undefined {
  if (index === 0) return a.answered("aufenthalt") ? "aufenthalt" : undefined;
  return [`wepAufenthalt/${index}`, `kindAufenthalt/${index}`].find((key) => a.answered(key));
}

/** A person's answer to one of the residence pages after the status ("asyl", "verpflichtung", …): the applicant's page or the person's. */
export const aufenthaltAnswer = (index: number, a: AnswerView, page: "asyl" | "verpflichtung", field: string) =>
  a.value(index === 0 ? page : `${page}Person/${index}`, field);
