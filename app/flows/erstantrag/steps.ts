/**
 * Erstantrag (Hauptantrag Jobcenter-HA 04/2026 with its Anlagen) as one adaptive flow: the
 * applicant's own data (HA A–C), the household (HA G), then person by person what HA D–F,
 * Anlage WEP, KI, EK, EKS, SV, MEB, BB, UF and UH1–UH3 ask, then housing (KDU) and Vermögen (VM).
 * Each Anlage is asked only when an answer triggers it. Texts: locales/<lng>/erstantrag.json.
 * Where each official question went: docs/coverage/erstantrag.md.
 */
import { todayIso } from "../engine/fields";
import { ADDRESS_FIELDS, NAME_FIELDS } from "../common-fields";
import type { AnswerView, Condition, FieldDef, MemberCondition, Step } from "../engine/types";
import { BEZIEHUNGEN, haushalt, inBg, mitglied, stichtag, type Haushaltsmitglied } from "./household";
import { bewilligungsbeginn, RECHTSSTAND_BEGINN, rechtsstandAm } from "~/rechtsstand/parameter";

// ---- condition helpers --------------------------------------------------------------------

const is = (step: string, field: string, option: string): Condition => (a) => a.has(step, field, option);
const not = (c: Condition): Condition => (a) => !c(a);
const person = (test: (h: Haushaltsmitglied, a: AnswerView) => boolean): MemberCondition => (m, a) => {
  const h = mitglied(a, m, todayIso());
  return h !== undefined && test(h, a);
};
/** The member's own answer on an earlier per-person step. */
const own = (step: string, field: string, option: string): MemberCondition => (m, a) => a.has(`${step}/${m.index}`, field, option);
const both = (...tests: MemberCondition[]): MemberCondition => (m, a) => tests.every((t) => t(m, a));

/** BG members from 15: the applicant (HA) and everyone with an Anlage WEP. */
export const ab15 = person((h) => inBg(h) && h.alter >= 15);
/** Children under 15 in the BG: Anlage KI. */
export const unter15 = person((h) => inBg(h) && h.alter < 15);
/** Relatives in the household outside the BG: Anlage HG. */
export const hgMitglied = person((h) => h.zugehoerigkeit === "Haushaltsgemeinschaft");
const weiterePerson15 = both(ab15, (m) => m.index > 0);
/** A situation ticked for an adult (lebenslage) or a child (kindLebenslage): the same follow-up page. */
const situation = (option: string): MemberCondition => (m, a) =>
  a.has(`lebenslage/${m.index}`, "lage", option) || a.has(`kindLebenslage/${m.index}`, "lage", option);
const applicant: MemberCondition = (m) => m.index === 0;

/** Vermögen: the regime in force at the start of the Bewilligungszeitraum (§ 65a SGB II). */
export function vermoegensRegel(a: AnswerView, on = todayIso()) {
  return rechtsstandAm(bewilligungsbeginn(stichtag(a, on))).vermoegen;
}
const karenzzeit: Condition = (a) => vermoegensRegel(a).regime === "Karenzzeit";

// ---- bindings (engine/binding.ts) ------------------------------------------------------

/** A "ja"/"nein" answer stored as a boolean. */
const YES_NO = (path: string) => ({ path, as: "yesNo" } as const);
/** A gate whose "ja" leads to a page that records `path`: it reads back from whether `path` exists. */
const GATE = (path: string, yes = "ja", no = "nein") => ({ options: { [yes]: { present: path } }, otherwise: no });
/** A person's page (`{i}` is the member; the applicant is member 0). */
const PERSON = "mitglieder.{i}";

// ---- shared field lists ------------------------------------------------------------------

const STAATSANGEHOERIGKEIT = ["deutsch", "eu", "andere", "staatenlos"] as const;
/** HA B, bound to an Aufenthalt (the applicant's or a member's). */
const AUFENTHALT: readonly FieldDef[] = [
  { name: "land", kind: "text", maxLength: 100, hint: true },
  { name: "status", kind: "radio", options: ["freizuegigkeit", "aufenthaltstitel", "niederlassung", "fiktion", "gestattungDuldung", "keiner"], hint: true, bind: "aufenthaltsstatus" },
  { name: "einreise", kind: "date", relative: "past", optional: true, hint: true },
  { name: "asylbewerberleistungen", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("asylbewerberleistungen") },
  { name: "verpflichtungserklaerung", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("verpflichtungserklaerung") },
  { name: "azrNummer", kind: "text", maxLength: 30, optional: true, hint: true },
  { name: "nationaleId", kind: "text", maxLength: 50, optional: true, hint: true },
];
/** HA 25: the end of AsylbLG receipt tells the jobcenter from when SGB II takes over. */
const ASYLBEZUG: readonly FieldDef[] = [
  { name: "bis", kind: "date", optional: true, hint: true, bind: "asylbewerberleistungenBis" },
];

/** Income from work, per person: Anlage EK Abschnitt 2. */
export const LEISTUNGSEINKOMMEN = [
  "alg", "krankengeld", "elterngeld", "rente", "kindergeld", "unterhalt", "unterhaltsvorschuss", "bafoegBab", "wohngeld", "kinderzuschlag",
] as const;
export const EINKOMMENSARTEN = ["erwerb", ...LEISTUNGSEINKOMMEN, "sonstiges"] as const;
/** Where each kind of income is recorded in a person's `einkommen` list (relative to it). */
const EINKOMMEN_ITEM = Object.fromEntries(EINKOMMENSARTEN.map((art) => [art,
  art === "erwerb" ? "[art=Erwerbseinkommen]" : art === "sonstiges" ? "[art=WeiteresEinkommen]" : `[leistungsart=${art}]`,
])) as Record<(typeof EINKOMMENSARTEN)[number], string>;

/** Vermögen kinds (Anlage VM); each chosen kind gets its own page. */
export const VERMOEGENSARTEN = [
  "bargeld", "konten", "wertpapiere", "bausparen", "versicherungen", "fahrzeug", "immobilien", "betriebsvermoegen", "sonstiges", "uebertragungen",
] as const;
const POSTEN = ["bargeld", "konten", "wertpapiere", "bausparen", "versicherungen", "betriebsvermoegen", "sonstiges"] as const;

export const stepIdOf = {
  leistung: (art: string) => `ek${art[0].toUpperCase()}${art.slice(1)}`,
  posten: (art: string) => `vm${art[0].toUpperCase()}${art.slice(1)}`,
};
const artOfPosten = (stepId: string) => (stepId[2].toLowerCase() + stepId.slice(3)) as (typeof VERMOEGENSARTEN)[number];

const leistungsSteps: Step[] = LEISTUNGSEINKOMMEN.map((art) => ({
  kind: "question", id: stepIdOf.leistung(art), section: "personen", texts: "einkommenLeistung",
  model: { at: `${PERSON}.einkommen`, create: "item", item: { art: "Leistungseinkommen", leistungsart: art } },
  forEach: own("einkommen", "arten", art),
  fields: [
    { name: "betrag", kind: "money", max: 10000, hint: true },
    { name: "seit", kind: "date", relative: "past", optional: true },
  ],
}));

const postenSteps: Step[] = POSTEN.map((art) => ({
  kind: "question", id: stepIdOf.posten(art), section: "vermoegen", texts: "vermoegenPosten",
  model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: art } },
  when: is("vermoegen", "arten", art),
  fields: [
    { name: "wert", kind: "money", max: 10000000, hint: true },
    { name: "beschreibung", kind: "text", maxLength: 300, optional: true, hint: true },
  ],
}));

const vermoegensposten: Step[] = [
  ...postenSteps,
  {
    kind: "question", id: "vmFahrzeug", section: "vermoegen", model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: "fahrzeug" } }, when: is("vermoegen", "arten", "fahrzeug"),
    fields: [
      { name: "bezeichnung", kind: "text", maxLength: 200, hint: true, bind: "beschreibung" },
      { name: "baujahr", kind: "number", min: 1900, max: 2100 },
      { name: "wert", kind: "money", max: 1000000, hint: true },
    ],
  },
  {
    kind: "question", id: "vmImmobilien", section: "vermoegen", model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: "immobilien" } }, when: is("vermoegen", "arten", "immobilien"),
    fields: [
      { name: "art", kind: "radio", options: ["haus", "wohnung", "grundstueck"], bind: "immobilienart" },
      { name: "selbstgenutzt", kind: "radio", options: ["ja", "nein"], bind: YES_NO("selbstgenutzt") },
      { name: "anteil", kind: "text", maxLength: 50, optional: true, hint: true },
      { name: "wert", kind: "money", max: 10000000, hint: true },
    ],
  },
  {
    kind: "question", id: "vmUebertragungen", section: "vermoegen", model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: "uebertragungen" } }, when: is("vermoegen", "arten", "uebertragungen"),
    fields: [
      { name: "beschreibung", kind: "textarea", maxLength: 1000, hint: true },
      { name: "wert", kind: "money", max: 10000000 },
      { name: "datum", kind: "date", relative: "past" },
    ],
  },
];
/** A page per kind of Vermögen chosen, in the order of the list the person chose from (and the model lists them in). */
const vermoegensSteps = vermoegensposten.sort((a, b) => VERMOEGENSARTEN.indexOf(artOfPosten(a.id)) - VERMOEGENSARTEN.indexOf(artOfPosten(b.id)));

// ---- the flow --------------------------------------------------------------------------

export const SECTIONS = ["antrag", "person", "haushalt", "personen", "wohnen", "vermoegen"] as const;

export const steps: readonly Step[] = [
  // HA C: when the application counts (§ 37 SGB II).
  {
    kind: "question", id: "antragsdatum", section: "antrag", when: (a) => !a.answered("_bezug"),
    fields: [{ name: "formlos", kind: "radio", options: ["nein", "ja"], hint: true }],
  },
  {
    kind: "question", id: "formlos", section: "antrag", when: (a) => !a.answered("_bezug") && a.has("antragsdatum", "formlos", "ja"),
    fields: [
      // Not before the parameter table: an older date has no law to apply here (audit R3, ADR 0024).
      { name: "datum", kind: "date", relative: "past", earliest: RECHTSSTAND_BEGINN, hint: true },
      { name: "weg", kind: "radio", options: ["telefonisch", "persoenlich", "schriftlich", "email"] },
    ],
  },
  {
    kind: "question", id: "beginn", section: "antrag",
    fields: [{ name: "ab", kind: "radio", options: ["sofort", "spaeter"], hint: true }],
  },
  {
    kind: "question", id: "beginnDatum", section: "antrag", when: is("beginn", "ab", "spaeter"),
    fields: [{ name: "datum", kind: "date", relative: "future" }],
  },

  // HA A: the applicant.
  {
    kind: "question", id: "person", section: "person", model: { at: "antragsteller" },
    fields: [
      ...NAME_FIELDS,
      { name: "geburtsname", kind: "name", optional: true, hint: true },
      { name: "geburtsdatum", kind: "date", relative: "past", autocomplete: "bday" },
      { name: "geschlecht", kind: "radio", options: ["weiblich", "maennlich", "divers", "keineAngabe"] },
    ],
  },
  {
    kind: "question", id: "herkunft", section: "person", model: { at: "antragsteller" },
    fields: [
      { name: "geburtsort", kind: "text", maxLength: 100 },
      { name: "geburtsland", kind: "text", maxLength: 100, autocomplete: "country-name" },
      { name: "staatsangehoerigkeit", kind: "radio", options: STAATSANGEHOERIGKEIT },
    ],
  },
  // HA B: nationality and residence.
  { kind: "question", id: "aufenthalt", section: "person", model: { at: "antragsteller.aufenthalt" }, when: not(is("herkunft", "staatsangehoerigkeit", "deutsch")), fields: AUFENTHALT },
  { kind: "question", id: "asylbezug", section: "person", model: { at: "antragsteller.aufenthalt" }, when: is("aufenthalt", "asylbewerberleistungen", "ja"), fields: ASYLBEZUG },
  {
    kind: "question", id: "anschrift", section: "person", model: { at: "antragsteller.anschrift" },
    fields: [
      ...ADDRESS_FIELDS,
      { name: "ohneFestenWohnsitz", kind: "checkboxes", options: ["ja"], optional: true, bind: { options: { ja: { flag: "../ohneFestenWohnsitz" } } } },
    ],
  },
  {
    kind: "question", id: "postanschrift", section: "person", model: { at: "antragsteller" }, when: is("anschrift", "ohneFestenWohnsitz", "ja"),
    fields: [
      { name: "wohnhaftBei", kind: "text", maxLength: 200, hint: true },
      { name: "postfach", kind: "text", maxLength: 30, optional: true },
    ],
  },
  {
    kind: "question", id: "kontakt", section: "person", model: { at: "antragsteller" },
    fields: [
      { name: "telefon", kind: "tel", optional: true, hint: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },
  {
    kind: "question", id: "konto", section: "person", model: { at: "antragsteller", create: "none" },
    fields: [{ name: "vorhanden", kind: "radio", options: ["ja", "nein"], hint: true, bind: { options: { ja: { present: "bankkonto" }, nein: { present: "keinKontoGrund" } } } }],
  },
  {
    kind: "question", id: "kontodaten", section: "person", model: { at: "antragsteller.bankkonto" }, when: is("konto", "vorhanden", "ja"),
    fields: [
      { name: "kontoinhaber", kind: "name", hint: true },
      { name: "iban", kind: "iban", hint: true },
    ],
  },
  {
    kind: "question", id: "keinKonto", section: "person", model: { at: "antragsteller" }, when: is("konto", "vorhanden", "nein"),
    fields: [{ name: "grund", kind: "textarea", maxLength: 1000, hint: true, bind: "keinKontoGrund" }],
  },
  {
    kind: "question", id: "kennnummern", section: "person", model: { at: "antragsteller" },
    fields: [
      { name: "steuerId", kind: "steuerId", optional: true, hint: true },
      { name: "rvNummer", kind: "rvNummer", optional: true, hint: true },
    ],
  },
  {
    kind: "question", id: "vertretung", section: "person", model: { at: "antragsteller", create: "none" },
    fields: [{ name: "art", kind: "radio", options: ["keine", "betreuung", "vollmacht", "vormundschaft"], hint: true, bind: { path: "vertretung.vertretungsart", none: "keine" } }],
  },
  {
    kind: "question", id: "vertreter", section: "person", model: { at: "antragsteller.vertretung" }, when: not(is("vertretung", "art", "keine")),
    fields: [
      { name: "name", kind: "text", maxLength: 200 },
      { name: "anschrift", kind: "textarea", maxLength: 300 },
      { name: "telefon", kind: "tel", optional: true },
      { name: "eingereichtVon", kind: "radio", options: ["antragsteller", "vertreter"], hint: true },
    ],
  },

  // HA D (Familienstand) and G: the household.
  {
    kind: "question", id: "familienstand", section: "haushalt", model: { at: "antragsteller" },
    fields: [
      { name: "stand", bind: "familienstand", kind: "radio", options: ["ledig", "verheiratet", "lebenspartnerschaft", "getrennt", "geschieden", "verwitwet", "aufgehoben"] },
    ],
  },
  {
    kind: "question", id: "familienstandSeit", section: "haushalt", model: { at: "antragsteller" }, when: not(is("familienstand", "stand", "ledig")),
    fields: [{ name: "seit", kind: "date", relative: "past", optional: true, bind: "familienstandSeit" }],
  },
  {
    // Anlage UH1: maintenance from a separated or former spouse or partner.
    kind: "question", id: "uh1", section: "haushalt", model: { at: "antragsteller.unterhaltEhegatte" },
    when: (a) => ["getrennt", "geschieden", "aufgehoben"].some((s) => a.has("familienstand", "stand", s)),
    fields: [
      { name: "name", kind: "text", maxLength: 200, hint: true },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true },
      { name: "unterhalt", kind: "radio", options: ["erhalten", "tituliert", "keiner"] },
      { name: "betrag", kind: "money", max: 10000, optional: true },
    ],
  },
  {
    kind: "question", id: "wohnsituation", section: "haushalt", model: { at: "", create: "none" },
    fields: [{ name: "alleine", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("mitglieder.1", "nein", "ja") }],
  },
  {
    kind: "group", id: "haushalt", section: "haushalt", when: is("wohnsituation", "alleine", "nein"),
    minItems: 1, maxItems: 12, itemLabel: ["vorname", "nachname"],
    fields: [
      { name: "vorname", kind: "name" },
      { name: "nachname", kind: "name" },
      { name: "geburtsdatum", kind: "date", relative: "past" },
      { name: "geschlecht", kind: "radio", options: ["weiblich", "maennlich", "divers", "keineAngabe"] },
      { name: "beziehung", kind: "radio", options: BEZIEHUNGEN, hint: true },
    ],
  },
  {
    // Anlage VE: indicators of a Verantwortungs- und Einstehensgemeinschaft (§ 7 Abs. 3a).
    kind: "question", id: "partnerschaft", section: "haushalt", model: { at: "verantwortungsgemeinschaft" },
    when: (a) => a.items("haushalt").some((p) => p.beziehung === "partner"),
    fields: [
      { name: "hinweise", kind: "checkboxes", options: ["ueberEinJahr", "gemeinsamesKind", "versorgung", "verfuegung"], optional: true, hint: true },
      { name: "einstehen", kind: "radio", options: ["ja", "nein"], hint: true, bind: YES_NO("einstehenswille") },
    ],
  },

  // Person by person: HA D–F for the applicant, Anlage WEP for everyone else from 15, KI for
  // children under 15, HG for relatives outside the BG – each with the Anlagen they trigger.
  {
    kind: "question", id: "wep", section: "personen", model: { at: PERSON }, forEach: weiterePerson15,
    fields: [
      { name: "geburtsname", kind: "name", optional: true, hint: true },
      { name: "geburtsort", kind: "text", maxLength: 100 },
      { name: "geburtsland", kind: "text", maxLength: 100 },
      { name: "staatsangehoerigkeit", kind: "radio", options: STAATSANGEHOERIGKEIT },
      { name: "steuerId", kind: "steuerId", optional: true },
      { name: "rvNummer", kind: "rvNummer", optional: true },
    ],
  },
  {
    kind: "question", id: "wepAufenthalt", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "aufenthalt",
    forEach: both(weiterePerson15, (m, a) => !a.has(`wep/${m.index}`, "staatsangehoerigkeit", "deutsch")),
    fields: AUFENTHALT,
  },
  // Anlage KI: children under 15.
  {
    kind: "question", id: "kind", section: "personen", model: { at: PERSON }, forEach: unter15,
    fields: [
      { name: "staatsangehoerigkeit", kind: "radio", options: STAATSANGEHOERIGKEIT },
      { name: "kindergeld", kind: "radio", options: ["ja", "beantragt", "nein"], bind: "kinderangaben.kindergeld" },
      { name: "betreuung", kind: "radio", options: ["keine", "kita", "schule"], bind: "kinderangaben.betreuung" },
      { name: "versicherung", kind: "radio", options: ["familie", "andere"], hint: true, bind: "kinderangaben.kinderversicherung" },
      { name: "unterhalt", kind: "radio", options: ["keiner", "unterhalt", "unterhaltsvorschuss", "beideEltern"], hint: true, bind: "kinderangaben.kindesunterhalt" },
    ],
  },
  {
    kind: "question", id: "kindAufenthalt", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "aufenthalt",
    forEach: both(unter15, (m, a) => !a.has(`kind/${m.index}`, "staatsangehoerigkeit", "deutsch")),
    fields: AUFENTHALT,
  },
  {
    // HA 25 for further persons and children: until when AsylbLG is paid.
    kind: "question", id: "asylbezugPerson", section: "personen", model: { at: `${PERSON}.aufenthalt` }, texts: "asylbezug",
    forEach: (m, a) => m.index > 0 && a.has(aufenthaltPage(m.index, a) ?? "", "asylbewerberleistungen", "ja"),
    fields: ASYLBEZUG,
  },
  {
    // Anlage KI: what else applies to the child (the follow-ups are the same pages as for adults).
    kind: "question", id: "kindLebenslage", section: "personen", model: { at: PERSON, create: "none" }, forEach: unter15,
    fields: [{
      name: "lage", kind: "checkboxes", options: ["behinderung", "ernaehrung", "besondererBedarf", "eigenesEinkommen"], optional: true, hint: true,
      bind: { options: {
        behinderung: { present: "lebenslage.behinderung" }, ernaehrung: { present: "lebenslage.ernaehrung" },
        besondererBedarf: { present: "lebenslage.besondererBedarf" }, eigenesEinkommen: { present: "kinderangaben.eigenesEinkommen" },
      } },
    }],
  },
  {
    kind: "question", id: "lebenslage", section: "personen", model: { at: `${PERSON}.lebenslage` }, forEach: ab15,
    fields: [{
      name: "lage", kind: "checkboxes", optional: true, hint: true,
      options: ["erwerbsunfaehig", "schwanger", "ausbildung", "behinderung", "ernaehrung", "besondererBedarf", "stationaer"],
      bind: { options: {
        erwerbsunfaehig: { flag: "erwerbsfaehig", negate: true }, schwanger: { present: "schwangerschaftsangaben" },
        ausbildung: { present: "schuleAusbildung" }, behinderung: { present: "behinderung" }, ernaehrung: { present: "ernaehrung" },
        besondererBedarf: { present: "besondererBedarf" }, stationaer: { present: "stationaer" },
      } },
    }],
  },
  {
    kind: "question", id: "schwangerschaft", section: "personen", model: { at: `${PERSON}.lebenslage.schwangerschaftsangaben` }, forEach: both(ab15, own("lebenslage", "lage", "schwanger")),
    fields: [{ name: "entbindungstermin", kind: "date", relative: "future", hint: true }],
  },
  {
    // Anlage UH2: maintenance because of pregnancy or care (§ 1615l BGB), if not married.
    kind: "question", id: "uh2", section: "personen", model: { at: `${PERSON}.lebenslage.schwangerschaftsangaben.unterhaltSchwangerschaft` },
    forEach: both(ab15, own("lebenslage", "lage", "schwanger"), (m, a) => {
      // Not when the father lives with her as spouse or partner: he is in the BG already.
      const partner = (b: unknown) => b === "ehepartner" || b === "partner";
      if (m.index > 0) return !partner(m.values.beziehung);
      const married = ["verheiratet", "lebenspartnerschaft"].some((s) => a.has("familienstand", "stand", s));
      return !married && !a.items("haushalt").some((p) => partner(p.beziehung));
    }),
    fields: [
      { name: "vater", kind: "text", maxLength: 200, optional: true, hint: true, bind: "name" },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true },
      { name: "vaterschaft", kind: "radio", options: ["anerkannt", "nichtAnerkannt", "unbekannt"] },
      { name: "unterhalt", kind: "radio", options: ["erhalten", "tituliert", "keiner"] },
      { name: "betrag", kind: "money", max: 10000, optional: true },
    ],
  },
  {
    kind: "question", id: "ausbildung", section: "personen", model: { at: `${PERSON}.lebenslage.schuleAusbildung` }, forEach: both(ab15, own("lebenslage", "lage", "ausbildung")),
    fields: [
      { name: "art", kind: "radio", options: ["schule", "berufsausbildung", "studium"], bind: "ausbildungsart" },
      { name: "einrichtung", kind: "text", maxLength: 200 },
      { name: "foerderung", kind: "radio", options: ["keine", "bafoeg", "bab", "beantragt"], hint: true },
      { name: "schulbuecher", kind: "money", max: 2000, optional: true, hint: true },
      { name: "auswaerts", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("auswaertsUntergebracht") },
    ],
  },
  {
    kind: "question", id: "behinderung", section: "personen", model: { at: `${PERSON}.lebenslage.behinderung` }, forEach: situation("behinderung"),
    fields: [
      { name: "teilhabe", kind: "radio", options: ["keine", "arbeitsleben", "eingliederungshilfe"], hint: true },
      { name: "merkzeichenG", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("merkzeichenG") },
    ],
  },
  {
    // Anlage MEB
    kind: "question", id: "ernaehrung", section: "personen", model: { at: `${PERSON}.lebenslage.ernaehrung` }, forEach: situation("ernaehrung"),
    fields: [
      { name: "erkrankung", kind: "textarea", maxLength: 500, hint: true },
      { name: "arzt", kind: "text", maxLength: 200 },
      // Anlage MEB: releasing the doctor from confidentiality is consent (Art. 9 DSGVO), so optional.
      { name: "schweigepflicht", kind: "checkboxes", options: ["ja"], optional: true, hint: true, bind: { options: { ja: { flag: "schweigepflichtentbindung" } } } },
    ],
  },
  {
    // Anlage BB (§ 21 Abs. 6 SGB II)
    kind: "question", id: "besondererBedarf", section: "personen", model: { at: `${PERSON}.lebenslage.besondererBedarf` }, forEach: situation("besondererBedarf"),
    fields: [
      { name: "beschreibung", kind: "textarea", maxLength: 1000, hint: true },
      { name: "betrag", kind: "money", max: 10000 },
      { name: "haeufigkeit", kind: "radio", options: ["monatlich", "mehrmalsJaehrlich", "einmalig"] },
    ],
  },
  {
    kind: "question", id: "stationaer", section: "personen", model: { at: `${PERSON}.lebenslage.stationaer` }, forEach: both(ab15, own("lebenslage", "lage", "stationaer")),
    fields: [
      { name: "art", kind: "radio", options: ["krankenhaus", "reha", "pflege", "justizvollzug", "sonstige"], bind: "einrichtungsart" },
      { name: "von", kind: "date" },
      { name: "bis", kind: "date", optional: true, notBefore: "von", hint: true },
    ],
  },
  {
    // Anlage UH3: a young person with a parent outside the BG.
    kind: "question", id: "elternteil", section: "personen", model: { at: PERSON, create: "none" },
    forEach: person((h) => inBg(h) && h.alter >= 15 && h.alter < 25 && (h.beziehung === "antragsteller" || h.beziehung === "kind")),
    fields: [{ name: "ausserhalb", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("lebenslage.unterhaltElternteil") }],
  },
  {
    kind: "question", id: "uh3", section: "personen", model: { at: `${PERSON}.lebenslage.unterhaltElternteil` }, forEach: both(ab15, own("elternteil", "ausserhalb", "ja")),
    fields: [
      { name: "name", kind: "text", maxLength: 200, optional: true },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true },
      { name: "unterhalt", kind: "radio", options: ["erhalten", "tituliert", "keiner"] },
      { name: "betrag", kind: "money", max: 10000, optional: true },
    ],
  },
  // HA E: the past.
  {
    kind: "question", id: "vorher", section: "personen", model: { at: PERSON, create: "none" }, forEach: ab15,
    fields: [{
      name: "lage", kind: "checkboxes", optional: true, hint: true,
      options: ["leistungen", "beschaeftigt", "selbststaendig", "lohnersatz", "dienst", "pflege", "ansprueche", "unfall"],
      bind: { options: {
        leistungen: { present: "werdegang.vorleistung" }, beschaeftigt: { present: "werdegang.beschaeftigung" },
        selbststaendig: { present: "selbststaendigeTaetigkeit" }, lohnersatz: { present: "werdegang.lohnersatz" },
        dienst: { flag: "werdegang.dienst" }, pflege: { flag: "werdegang.pflege" },
        ansprueche: { present: "werdegang.ansprueche" }, unfall: { present: "werdegang.unfall" },
      } },
    }],
  },
  {
    kind: "question", id: "vorleistung", section: "personen", model: { at: `${PERSON}.werdegang.vorleistung` }, forEach: both(ab15, own("vorher", "lage", "leistungen")),
    fields: [
      { name: "art", kind: "radio", options: ["buergergeld", "sozialhilfe", "asylbewerberleistungen"], bind: "leistungsart" },
      { name: "von", kind: "date", relative: "past", optional: true, hint: true },
      { name: "bis", kind: "date", relative: "past", notBefore: "von" },
      { name: "traeger", kind: "text", maxLength: 200, hint: true },
      { name: "traegerAnschrift", kind: "textarea", maxLength: 300, optional: true, hint: true },
    ],
  },
  {
    kind: "question", id: "beschaeftigung", section: "personen", model: { at: `${PERSON}.werdegang.beschaeftigung` }, forEach: both(ab15, own("vorher", "lage", "beschaeftigt")),
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 200 },
      { name: "bis", kind: "date", optional: true, hint: true },
      { name: "offenerLohn", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("offenerLohn") },
    ],
  },
  {
    kind: "question", id: "arbeitgeberAnschrift", section: "personen", model: { at: `${PERSON}.werdegang.beschaeftigung` }, forEach: both(ab15, own("beschaeftigung", "offenerLohn", "ja")),
    fields: [{ name: "anschrift", kind: "textarea", maxLength: 300, hint: true, bind: "arbeitgeberAnschrift" }],
  },
  {
    // Anlage EKS: self-employment in the last five years …
    kind: "question", id: "selbststaendigkeit", section: "personen", model: { at: `${PERSON}.selbststaendigeTaetigkeit` }, forEach: both(ab15, own("vorher", "lage", "selbststaendig")),
    fields: [
      { name: "taetigkeit", kind: "text", maxLength: 200 },
      { name: "seit", kind: "date", relative: "past" },
      { name: "aktuell", kind: "radio", options: ["ja", "nein"], bind: YES_NO("aktuell") },
    ],
  },
  {
    // … and, while it goes on, the provisional declaration: the forecast for the Bewilligungszeitraum.
    kind: "question", id: "eks", section: "personen", model: { at: `${PERSON}.selbststaendigeTaetigkeit.prognose` }, forEach: both(ab15, own("selbststaendigkeit", "aktuell", "ja")),
    fields: [
      { name: "einnahmen", kind: "money", max: 100000, hint: true },
      { name: "wareneinkauf", kind: "money", max: 100000, optional: true },
      { name: "raumkosten", kind: "money", max: 100000, optional: true },
      { name: "fahrzeugkosten", kind: "money", max: 100000, optional: true },
      { name: "personalkosten", kind: "money", max: 100000, optional: true },
      { name: "sonstigeAusgaben", kind: "money", max: 100000, optional: true, hint: true },
      { name: "steuern", kind: "money", max: 100000, optional: true, hint: true },
      { name: "umsatzsteuer", kind: "radio", options: ["regel", "kleinunternehmer"], hint: true },
    ],
  },
  {
    kind: "question", id: "lohnersatz", section: "personen", model: { at: `${PERSON}.werdegang.lohnersatz` }, forEach: both(ab15, own("vorher", "lage", "lohnersatz")),
    fields: [
      { name: "art", kind: "radio", options: ["alg", "krankengeld", "elterngeld", "uebergangsgeld", "sonstige"], bind: "leistungsart" },
      { name: "von", kind: "date", relative: "past", optional: true },
      { name: "bis", kind: "date", optional: true, notBefore: "von" },
    ],
  },
  {
    kind: "question", id: "ansprueche", section: "personen", model: { at: `${PERSON}.werdegang` }, forEach: both(ab15, own("vorher", "lage", "ansprueche")),
    fields: [{ name: "beschreibung", kind: "textarea", maxLength: 1000, hint: true, bind: "ansprueche" }],
  },
  {
    // Anlage UF
    kind: "question", id: "unfall", section: "personen", model: { at: `${PERSON}.werdegang.unfall` }, forEach: both(ab15, own("vorher", "lage", "unfall")),
    fields: [
      { name: "datum", kind: "date", relative: "past" },
      { name: "hergang", kind: "textarea", maxLength: 1000 },
      { name: "verursacher", kind: "text", maxLength: 200, optional: true },
      { name: "versicherung", kind: "text", maxLength: 200, optional: true, hint: true },
    ],
  },
  // HA F: health and long-term care insurance.
  {
    kind: "question", id: "versicherung", section: "personen", model: { at: `${PERSON}.krankenPflegeversicherung` }, forEach: ab15,
    fields: [{ name: "art", kind: "radio", options: ["pflicht", "familie", "freiwillig", "privat", "keine"], hint: true, bind: "versicherungsart" }],
  },
  {
    kind: "question", id: "krankenkasse", section: "personen", model: { at: `${PERSON}.krankenPflegeversicherung` }, forEach: both(ab15, (m, a) => !a.has(`versicherung/${m.index}`, "art", "keine")),
    fields: [{ name: "name", kind: "text", maxLength: 200, hint: true, bind: "krankenkasse" }],
  },
  {
    // Anlage SV: contribution subsidy for private, voluntary or no insurance (§ 26 SGB II).
    kind: "question", id: "sv", section: "personen", model: { at: `${PERSON}.krankenPflegeversicherung` },
    forEach: both(ab15, (m, a) => ["freiwillig", "privat", "keine"].some((o) => a.has(`versicherung/${m.index}`, "art", o))),
    fields: [
      { name: "tarif", kind: "text", maxLength: 200, optional: true, hint: true },
      { name: "beitragKv", kind: "money", max: 5000, optional: true },
      { name: "beitragPv", kind: "money", max: 5000, optional: true },
    ],
  },
  // Anlage EK: every kind of income, per person.
  {
    kind: "question", id: "einkommen", section: "personen", model: { at: `${PERSON}.einkommen`, create: "list" }, forEach: ab15,
    fields: [{
      name: "arten", kind: "checkboxes", options: EINKOMMENSARTEN, optional: true, hint: true,
      bind: { options: Object.fromEntries(EINKOMMENSARTEN.map((art) => [art, { present: EINKOMMEN_ITEM[art] }])) },
    }],
  },
  {
    kind: "question", id: "erwerb", section: "personen", model: { at: `${PERSON}.einkommen`, create: "item", item: { art: "Erwerbseinkommen" } }, forEach: both(ab15, own("einkommen", "arten", "erwerb")),
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 200 },
      { name: "art", kind: "radio", options: ["minijob", "teilzeit", "vollzeit", "ausbildung"], bind: "beschaeftigungsart" },
      { name: "brutto", kind: "money", max: 50000, hint: true },
      { name: "netto", kind: "money", max: 50000 },
      { name: "beginn", kind: "date", optional: true },
    ],
  },
  {
    // Anlage EK: what may be deducted from earned income (§ 11b SGB II) above the flat 100 €.
    kind: "question", id: "abzuege", section: "personen", model: { at: `${PERSON}.absetzungen` }, forEach: both(ab15, own("einkommen", "arten", "erwerb")),
    fields: [
      { name: "entfernungKm", kind: "number", min: 0, max: 500, optional: true, hint: true },
      { name: "versicherungen", kind: "money", max: 5000, optional: true, hint: true },
      { name: "riester", kind: "money", max: 5000, optional: true },
      { name: "unterhaltTitel", kind: "money", max: 10000, optional: true, hint: true },
    ],
  },
  ...leistungsSteps,
  {
    kind: "question", id: "ekSonstiges", section: "personen", model: { at: `${PERSON}.einkommen`, create: "item", item: { art: "WeiteresEinkommen" } }, forEach: both(ab15, own("einkommen", "arten", "sonstiges")),
    fields: [
      { name: "bezeichnung", kind: "text", maxLength: 200 },
      { name: "betrag", kind: "money", max: 100000 },
    ],
  },
  {
    // Anlage UH3: the other parent of a child under 15, whether or not they pay.
    kind: "question", id: "kindUnterhalt", section: "personen", model: { at: `${PERSON}.kinderangaben` },
    forEach: both(unter15, (m, a) => !a.has(`kind/${m.index}`, "unterhalt", "beideEltern")),
    fields: [
      { name: "betrag", kind: "money", max: 5000, optional: true, hint: true, bind: "unterhaltsbetrag" },
      { name: "elternteil", kind: "text", maxLength: 200, optional: true, hint: true, bind: "unterhaltspflichtiger" },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true, bind: "unterhaltspflichtigerAnschrift" },
    ],
  },
  {
    kind: "question", id: "kindEinkommen", section: "personen", model: { at: `${PERSON}.kinderangaben.eigenesEinkommen` }, forEach: both(unter15, own("kindLebenslage", "lage", "eigenesEinkommen")),
    fields: [
      { name: "bezeichnung", kind: "text", maxLength: 200, hint: true },
      { name: "betrag", kind: "money", max: 5000 },
    ],
  },
  // Anlage HG: relatives in the household outside the BG (§ 9 Abs. 5 SGB II).
  {
    kind: "question", id: "hg", section: "personen", model: { at: `${PERSON}.haushaltsgemeinschaft` }, forEach: hgMitglied,
    fields: [
      { name: "einkommen", kind: "radio", options: ["ja", "nein", "unbekannt"], hint: true, bind: "einkommenVorhanden" },
      { name: "einkommenBetrag", kind: "money", max: 50000, optional: true, hint: true },
      { name: "vermoegen", kind: "radio", options: ["ja", "nein", "unbekannt"], hint: true, bind: "vermoegenVorhanden" },
      { name: "vermoegenBetrag", kind: "money", max: 10000000, optional: true, hint: true },
      { name: "unterstuetzung", kind: "radio", options: ["ja", "nein"], hint: true, bind: YES_NO("unterstuetzung") },
    ],
  },

  // Anlage KDU
  {
    kind: "question", id: "unterkunft", section: "wohnen", model: { at: "", create: "none" },
    fields: [{ name: "kosten", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("unterkunft") }],
  },
  {
    kind: "question", id: "wohnform", section: "wohnen", model: { at: "unterkunft" }, when: is("unterkunft", "kosten", "ja"),
    fields: [
      { name: "art", kind: "radio", options: ["miete", "untermiete", "eigentum", "heim"], bind: "wohnform" },
      { name: "flaeche", kind: "number", min: 5, max: 1000, hint: true },
    ],
  },
  {
    kind: "question", id: "miete", section: "wohnen", model: { at: "unterkunft" }, when: (a) => a.has("unterkunft", "kosten", "ja") && !a.has("wohnform", "art", "eigentum"),
    fields: [
      { name: "grundmiete", kind: "money", max: 10000, hint: true },
      { name: "nebenkosten", kind: "money", max: 5000, hint: true },
      { name: "heizkosten", kind: "money", max: 5000, hint: true },
    ],
  },
  {
    kind: "question", id: "eigentum", section: "wohnen", model: { at: "unterkunft" }, when: (a) => a.has("unterkunft", "kosten", "ja") && a.has("wohnform", "art", "eigentum"),
    fields: [
      { name: "schuldzinsen", kind: "money", max: 10000, hint: true },
      { name: "nebenkosten", kind: "money", max: 5000, hint: true },
      { name: "heizkosten", kind: "money", max: 5000 },
    ],
  },
  {
    kind: "question", id: "heizung", section: "wohnen", model: { at: "unterkunft" }, when: is("unterkunft", "kosten", "ja"),
    fields: [
      { name: "art", kind: "radio", options: ["zentral", "etage", "fernwaerme", "ofen", "sonstige"], bind: "heizungsart" },
      { name: "warmwasser", kind: "radio", options: ["zentral", "dezentral"], hint: true },
    ],
  },
  {
    kind: "question", id: "warmwasserEnergie", section: "wohnen", model: { at: "unterkunft" }, when: is("heizung", "warmwasser", "dezentral"),
    fields: [{ name: "energie", kind: "radio", options: ["strom", "gas", "sonstige"], hint: true, bind: "warmwasserEnergie" }],
  },
  {
    kind: "question", id: "direktzahlung", section: "wohnen", model: { at: "unterkunft", create: "none" },
    when: (a) => a.has("unterkunft", "kosten", "ja") && !a.has("wohnform", "art", "eigentum"),
    fields: [{ name: "gewuenscht", kind: "radio", options: ["nein", "ja"], hint: true, bind: GATE("direktzahlung") }],
  },
  {
    kind: "question", id: "vermieter", section: "wohnen", model: { at: "unterkunft.direktzahlung" }, when: is("direktzahlung", "gewuenscht", "ja"),
    fields: [
      { name: "name", kind: "text", maxLength: 200 },
      { name: "anschrift", kind: "textarea", maxLength: 300 },
      { name: "iban", kind: "iban" },
    ],
  },

  // Anlage VM: the regime follows the start of the Bewilligungszeitraum.
  {
    kind: "question", id: "vermoegenKarenzzeit", section: "vermoegen", model: { at: "vermoegen" }, when: karenzzeit,
    fields: [{ name: "erheblich", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("erheblich") }],
  },
  {
    kind: "question", id: "vermoegen", section: "vermoegen", model: { at: "vermoegen" },
    when: (a) => !karenzzeit(a) || a.has("vermoegenKarenzzeit", "erheblich", "ja"),
    fields: [{
      name: "arten", kind: "checkboxes", options: VERMOEGENSARTEN, optional: true, hint: true,
      bind: { options: Object.fromEntries(VERMOEGENSARTEN.map((art) => [art, { present: `vermoegensposten.[vermoegensart=${art}]` }])) },
    }],
  },
  ...vermoegensSteps,
  {
    kind: "question", id: "anmerkungen", section: "vermoegen", model: { at: "", create: "none" },
    fields: [{ name: "text", kind: "textarea", maxLength: 2000, optional: true, hint: true, bind: "anmerkungen" }],
  },
];

/**
 * Members and their household roles, for model, Nachweise and texts: ages on the application
 * date, or on `on` (the day of receipt when the model is made; today while the person answers).
 */
export function household(a: AnswerView, on = todayIso()): Haushaltsmitglied[] {
  return haushalt(a, on);
}

/**
 * The page that holds a person's residence answers (HA B), if they were asked: the applicant's
 * own page, or the Anlage WEP / KI page of a further person. The one place that knows it.
 */
export function aufenthaltPage(index: number, a: AnswerView): string | undefined {
  if (index === 0) return a.answered("aufenthalt") ? "aufenthalt" : undefined;
  return [`wepAufenthalt/${index}`, `kindAufenthalt/${index}`].find((key) => a.answered(key));
}
