/**
 * HA B: nationality and residence, for the applicant and for every further person who is not
 * German (Anlage WEP / KI), and until when AsylbLG is paid.
 */
import type { AnswerView, FieldDef } from "~/flows/engine/types";
import { inBlock } from "../block";
import { ab15, unter15, weiterePerson15 } from "../haushalt/members";
import { both, is, not, PERSON, YES_NO } from "../shared";

export const STAATSANGEHOERIGKEIT = ["deutsch", "eu", "andere", "staatenlos"] as const;
/** HA B, bound to an Aufenthalt (the applicant's or a member's). */
export const AUFENTHALT: readonly FieldDef[] = [
  { name: "land", kind: "country", unknown: true },
  { name: "status", kind: "radio", options: ["freizuegigkeit", "aufenthaltstitel", "niederlassung", "fiktion", "gestattungDuldung", "keiner"], hint: true, bind: "aufenthaltsstatus" },
  { name: "einreise", kind: "date", relative: "past", optional: true, hint: true },
  { name: "asylbewerberleistungen", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("asylbewerberleistungen") },
  { name: "verpflichtungserklaerung", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("verpflichtungserklaerung") },
  { name: "azrNummer", kind: "text", maxLength: 30, optional: true, hint: true },
  { name: "nationaleId", kind: "text", maxLength: 50, optional: true, hint: true },
];
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
/** A further person's residence status, from their WEP or KI page. */
const statusOf = (status: string) => (m: { index: number }, a: AnswerView) => m.index > 0 && a.has(aufenthaltPage(m.index, a) ?? "", "status", status);

/** HA 25: the end of AsylbLG receipt tells the jobcenter from when SGB II takes over. */
const ASYLBEZUG: readonly FieldDef[] = [
  { name: "bis", kind: "date", optional: true, hint: true, bind: "asylbewerberleistungenBis" },
];

export const steps = inBlock("aufenthalt", {
  // HA B: nationality and residence.
  aufenthalt: { kind: "question", id: "aufenthalt", section: "person", model: { at: "antragsteller.aufenthalt" }, when: not(is("herkunft", "staatsangehoerigkeit", "deutsch")), fields: AUFENTHALT },
  titel: { kind: "question", id: "titel", section: "person", model: { at: "antragsteller.aufenthalt" }, when: is("aufenthalt", "status", "aufenthaltstitel"), fields: TITEL },
  freizuegigkeit: { kind: "question", id: "freizuegigkeit", section: "person", model: { at: "antragsteller.aufenthalt" }, when: is("aufenthalt", "status", "freizuegigkeit"), fields: FREIZUEGIGKEIT },
  asylbezug: { kind: "question", id: "asylbezug", section: "person", model: { at: "antragsteller.aufenthalt" }, when: is("aufenthalt", "asylbewerberleistungen", "ja"), fields: ASYLBEZUG },
  wepAufenthalt: {
    kind: "question", id: "wepAufenthalt", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "aufenthalt",
    forEach: both(weiterePerson15, (m, a) => !a.has(`wep/${m.index}`, "staatsangehoerigkeit", "deutsch")),
    fields: AUFENTHALT,
  },
  kindAufenthalt: {
    kind: "question", id: "kindAufenthalt", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "aufenthalt",
    forEach: both(unter15, (m, a) => !a.has(`kind/${m.index}`, "staatsangehoerigkeit", "deutsch")),
    fields: AUFENTHALT,
  },
  asylbezugPerson: {
    // HA 25 for further persons and children: until when AsylbLG is paid.
    kind: "question", id: "asylbezugPerson", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "asylbezug",
    forEach: (m, a) => m.index > 0 && a.has(aufenthaltPage(m.index, a) ?? "", "asylbewerberleistungen", "ja"),
    fields: ASYLBEZUG,
  },
  // Audit E3 for further persons and children (texts of the applicant's pages).
  titelPerson: {
    kind: "question", id: "titelPerson", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "titel", forEach: statusOf("aufenthaltstitel"), fields: TITEL,
  },
  freizuegigkeitPerson: {
    kind: "question", id: "freizuegigkeitPerson", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "freizuegigkeit", forEach: statusOf("freizuegigkeit"), fields: FREIZUEGIGKEIT,
  },
});

/**
 * The page that holds a person's residence answers (HA B), if they were asked: the applicant's
 * own page, or the Anlage WEP / KI page of a further person. The one place that knows it.
 */
export function aufenthaltPage(index: number, a: AnswerView): string | undefined {
  if (index === 0) return a.answered("aufenthalt") ? "aufenthalt" : undefined;
  return [`wepAufenthalt/${index}`, `kindAufenthalt/${index}`].find((key) => a.answered(key));
}
