/**
 * HA D (Familienstand) and G (the household), Anlage VE (partnership), the person pages of
 * Anlage WEP and KI, and Anlage HG for relatives outside the Bedarfsgemeinschaft.
 */
import { STAATSANGEHOERIGKEIT } from "../aufenthalt/steps";
import { inBlock } from "../block";
import { GATE, is, not, PERSON, YES_NO } from "../shared";
import { BEZIEHUNGEN } from "./household";
import { GRUENDE, GRUPPEN, haushaltsUebersicht } from "./overview";
import { hgMitglied, kind15bis17, unter15, weiterePerson15 } from "./members";
import type { FieldDef } from "~/flows/engine/types";

/**
 * Audit E5: where a minor child mainly lives — with the applicant, about half the time in each
 * parent's home (Wechselmodell), or mainly with the other parent and here on contact days. It
 * decides the single parent's Mehrbedarf (§ 21 Abs. 3 SGB II) and a temporary Bedarfsgemeinschaft.
 */
const LEBENSMITTELPUNKT: FieldDef = { name: "lebensmittelpunkt", kind: "radio", options: ["ueberwiegend", "haelftig", "umgang"], hint: true };

export const steps = inBlock("haushalt", {
  // HA D (Familienstand) and G: the household.
  familienstand: {
    kind: "question", id: "familienstand", section: "haushalt", model: { at: "antragsteller" },
    fields: [
      { name: "stand", bind: "familienstand", kind: "radio", options: ["ledig", "verheiratet", "lebenspartnerschaft", "getrennt", "geschieden", "verwitwet", "aufgehoben"] },
    ],
  },
  familienstandSeit: {
    kind: "question", id: "familienstandSeit", section: "haushalt", model: { at: "antragsteller" }, when: not(is("familienstand", "stand", "ledig")),
    fields: [{ name: "seit", kind: "date", relative: "past", optional: true, bind: "familienstandSeit" }],
  },
  wohnsituation: {
    kind: "question", id: "wohnsituation", section: "haushalt", model: { at: "", create: "none" },
    fields: [{ name: "alleine", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("mitglieder.1", "nein", "ja") }],
  },
  haushalt: {
    kind: "group", id: "haushalt", section: "haushalt", when: is("wohnsituation", "alleine", "nein"),
    minItems: 1, maxItems: 12, itemLabel: ["vorname", "nachname"], itemDetail: ["beziehung", "geburtsdatum"],
    fields: [
      { name: "vorname", kind: "name" },
      { name: "nachname", kind: "name" },
      { name: "geburtsdatum", kind: "date", relative: "past" },
      { name: "geschlecht", kind: "radio", options: ["weiblich", "maennlich", "divers", "keineAngabe"] },
      { name: "beziehung", kind: "radio", options: BEZIEHUNGEN, hint: true },
    ],
  },
  partnerschaft: {
    // Anlage VE: indicators of a Verantwortungs- und Einstehensgemeinschaft (§ 7 Abs. 3a).
    kind: "question", id: "partnerschaft", section: "haushalt", model: { at: "verantwortungsgemeinschaft" },
    when: (a) => a.items("haushalt").some((p) => p.beziehung === "partner"),
    fields: [
      { name: "hinweise", kind: "checkboxes", options: ["ueberEinJahr", "gemeinsamesKind", "versorgung", "verfuegung"], optional: true, hint: true },
      { name: "einstehen", kind: "radio", options: ["ja", "nein"], hint: true, bind: YES_NO("einstehenswille") },
    ],
  },
  // #18 household builder: the household as the jobcenter counts it, and why, before the
  // per-person pages. Nothing to answer; the answers so far decide it.
  uebersicht: {
    kind: "question", id: "uebersicht", section: "haushalt", when: is("wohnsituation", "alleine", "nein"),
    overview: { groups: GRUPPEN, reasons: GRUENDE, of: (a) => haushaltsUebersicht(a) },
    fields: [],
  },
  // Person by person: HA D–F for the applicant, Anlage WEP for everyone else from 15, KI for
  // children under 15, HG for relatives outside the BG – each with the Anlagen they trigger.
  wep: {
    kind: "question", id: "wep", section: "personen", model: { at: PERSON }, forEach: weiterePerson15,
    fields: [
      { name: "geburtsname", kind: "name", optional: true, hint: true },
      { name: "geburtsort", kind: "text", maxLength: 100 },
      { name: "geburtsland", kind: "country" },
      { name: "staatsangehoerigkeit", kind: "radio", options: STAATSANGEHOERIGKEIT },
      { name: "steuerId", kind: "steuerId", optional: true, hint: true },
      { name: "rvNummer", kind: "rvNummer", optional: true, hint: true },
    ],
  },
  // Audit E5: a minor child aged 15–17 — where does it live? (The KI page asks it of younger children.)
  kindLebensmittelpunkt: {
    kind: "question", id: "kindLebensmittelpunkt", section: "personen", model: { at: PERSON }, forEach: kind15bis17,
    fields: [{ ...LEBENSMITTELPUNKT, texts: "kind" }],
  },
  // Anlage KI: children under 15.
  kind: {
    kind: "question", id: "kind", section: "personen", model: { at: PERSON }, forEach: unter15,
    fields: [
      { name: "staatsangehoerigkeit", kind: "radio", options: STAATSANGEHOERIGKEIT },
      LEBENSMITTELPUNKT,
      { name: "kindergeld", kind: "radio", options: ["ja", "beantragt", "nein"], bind: "kinderangaben.kindergeld" },
      { name: "betreuung", kind: "radio", options: ["keine", "kita", "schule"], bind: "kinderangaben.betreuung" },
      { name: "versicherung", kind: "radio", options: ["familie", "andere"], hint: true, bind: "kinderangaben.kinderversicherung" },
      { name: "unterhalt", kind: "radio", options: ["keiner", "unterhalt", "unterhaltsvorschuss", "beideEltern"], hint: true, bind: "kinderangaben.kindesunterhalt" },
    ],
  },
  // Anlage HG: relatives in the household outside the BG (§ 9 Abs. 5 SGB II).
  hg: {
    kind: "question", id: "hg", section: "personen", model: { at: `${PERSON}.haushaltsgemeinschaft` }, forEach: hgMitglied,
    fields: [
      { name: "einkommen", kind: "radio", options: ["ja", "nein", "unbekannt"], hint: true, bind: "einkommenVorhanden" },
      { name: "einkommenBetrag", kind: "money", max: 50000, optional: true, hint: true },
      { name: "vermoegen", kind: "radio", options: ["ja", "nein", "unbekannt"], hint: true, bind: "vermoegenVorhanden" },
      { name: "vermoegenBetrag", kind: "money", max: 10000000, optional: true, hint: true },
      { name: "unterstuetzung", kind: "radio", options: ["ja", "nein"], hint: true, bind: YES_NO("unterstuetzung") },
    ],
  },
});
