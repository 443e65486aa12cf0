/**
 * The BuT-Antrag's pages (issue #16, ../shared/domain/wba-but.md part B): which benefit the family
 * receives, the parent, the children once each, then per child the categories it can get and one
 * page per category asked for (a list for trips and clubs, which come several a year), the
 * parent's account when money goes to them. Texts:
 * locales/<lng>/but.json under steps.<stepId>.
 */
import { ADDRESS_FIELDS, BIRTH_DATE_FIELD, NAME_FIELDS } from "../common-fields";
import type { AnswerView, Condition, FieldDef, Member, Step, StepModel } from "../engine/types";
import { KATEGORIEN, LEISTUNG_OF, REASONS, withheldFor, type Kategorie } from "./eligibility";

const regime = (...values: string[]): Condition => (a) => values.some((v) => a.has("leistung", "leistung", v));
const BKGG = regime("wohngeld", "kinderzuschlag");

/** A child (member ≥ 1) for whom this category was picked on their "leistungen" page. */
const picked = (kategorie: Kategorie) => (m: Member, a: AnswerView) => m.index > 0 && a.has(`leistungen/${m.index}`, "kategorien", kategorie);

/** A request records one Leistung of its child. */
const request = (kategorie: Kategorie): StepModel => ({ at: "kinder.{g}.leistungen", create: "item", item: { art: LEISTUNG_OF[kategorie] } });

/**
 * How a request is paid, asked alike on every page that has a provider (texts once, at
 * steps.zahlung): to the provider, whose IBAN the parent may know, or back to the parent who
 * already paid (their account is asked once, on "konto").
 */
const ZAHLUNG: readonly FieldDef[] = [
  { name: "zahlung", kind: "radio", options: ["anbieter", "erstattung"], texts: "zahlung", hint: true },
  { name: "anbieterIban", kind: "iban", optional: true, texts: "zahlung", hint: true, onlyWhen: { field: "zahlung", is: "anbieter" } },
];

/**
 * Day trips, class trips and clubs come several a year: each child's requests of such a
 * category are a list (one entry each, at least one once the category is picked).
 */
const SEVERAL = { minItems: 1, maxItems: 12 } as const;

const money = (name: string, max = 5000): FieldDef => ({ name, kind: "money", max });

/** Whether any request goes to the parent: a refund, or what is paid as cash (Schulbedarf, Schülerbeförderung). */
export const paysParent: Condition = (a) => a.members().slice(1).some((m) =>
  a.has(`leistungen/${m.index}`, "kategorien", "schulbedarf") || a.has(`leistungen/${m.index}`, "kategorien", "befoerderung")
  || KATEGORIEN.some((k) => a.entries(`${k}/${m.index}`).some((r) => r.zahlung === "erstattung")));

export const steps: readonly Step[] = [
  {
    kind: "question", id: "leistung", section: "familie", model: { at: "" },
    fields: [{ name: "leistung", kind: "radio", options: ["grundsicherung", "wohngeld", "kinderzuschlag", "sozialhilfe", "asylbewerberleistungen"], hint: true, bind: "rechtskreis" }],
  },
  // SGB XII and AsylbLG: BuT comes from the Sozialamt or the AsylbLG office, not from here.
  { kind: "question", id: "andereStelle", section: "familie", when: regime("sozialhilfe", "asylbewerberleistungen"), end: true, fields: [] },
  // Wohngeld or Kinderzuschlag where the jobcenter names no office for them (BKGG): the Stadt or Kreis decides.
  { kind: "question", id: "keineStelle", section: "familie", when: (a) => BKGG(a) && a.has("_mandant", "bkgg", "nein"), end: true, fields: [] },
  {
    kind: "question", id: "antragsteller", section: "familie", model: { at: "antragsperson" },
    fields: [
      ...NAME_FIELDS,
      BIRTH_DATE_FIELD,
      { name: "aktenzeichen", kind: "text", optional: true, hint: true, maxLength: 40 },
      { name: "telefon", kind: "tel", optional: true, hint: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },
  // § 67a SGB X: the Jobcenter has the address and the household; the BKGG office needs them.
  { kind: "question", id: "anschrift", section: "familie", when: BKGG, model: { at: "anschrift" }, fields: ADDRESS_FIELDS },
  {
    kind: "question", id: "bescheid", section: "familie", when: BKGG, model: { at: "bescheid" },
    fields: [
      { name: "bewilligtVon", kind: "date" },
      { name: "bewilligtBis", kind: "date", notBefore: "bewilligtVon", hint: true },
    ],
  },
  {
    kind: "group", id: "kinder", section: "kinder", minItems: 1, maxItems: 10, itemLabel: ["vorname", "nachname"],
    model: { at: "kinder", create: "item" },
    fields: [
      ...NAME_FIELDS,
      { ...BIRTH_DATE_FIELD, autocomplete: undefined },
      { name: "einrichtung", kind: "radio", options: ["kita", "kindertagespflege", "schule", "keine"] },
      { name: "einrichtungName", kind: "text", maxLength: 120, optional: true, hint: true, onlyWhen: { field: "einrichtung", is: ["kita", "kindertagespflege", "schule"] } },
      { name: "klasse", kind: "text", maxLength: 20, optional: true, onlyWhen: { field: "einrichtung", is: "schule" } },
      { name: "ausbildungsverguetung", kind: "radio", options: ["ja", "nein"], hint: true, bind: { path: "ausbildungsverguetung", as: "yesNo" }, onlyWhen: { field: "einrichtung", is: "schule" } },
    ],
  },
  // Per child: what it can get (the rest is named with the reason), then a page per request.
  {
    kind: "question", id: "leistungen", section: "leistungen", forEach: (m) => m.index > 0, model: { at: "kinder.{g}", create: "none" },
    withhold: { reasons: REASONS, of: withheldFor },
    // What this page is, said honestly: a report of costs already applied for (SGB II), or the application (BKGG).
    notice: { values: ["grundsicherung", "bkgg"], of: (a) => (BKGG(a) ? "bkgg" : "grundsicherung") },
    fields: [{
      name: "kategorien", kind: "checkboxes", options: [...KATEGORIEN, "keine"], exclusive: "keine", hint: true,
      bind: { options: Object.fromEntries(KATEGORIEN.map((k) => [k, { present: `leistungen.[art=${LEISTUNG_OF[k]}]` }])), otherwise: "keine" },
    }],
  },
  {
    kind: "group", id: "ausflug", section: "leistungen", forEach: picked("ausflug"), model: request("ausflug"), ...SEVERAL, itemLabel: ["beschreibung"],
    fields: [
      { name: "beschreibung", kind: "text", maxLength: 200, hint: true },
      { name: "datum", kind: "date", hint: true },
      money("kosten", 500),
      { name: "anbieter", kind: "text", maxLength: 120, hint: true },
      ...ZAHLUNG,
    ],
  },
  {
    kind: "group", id: "klassenfahrt", section: "leistungen", forEach: picked("klassenfahrt"), model: request("klassenfahrt"), ...SEVERAL, itemLabel: ["reiseziel"],
    fields: [
      { name: "reiseziel", kind: "text", maxLength: 120 },
      { name: "von", kind: "date" },
      { name: "bis", kind: "date", notBefore: "von" },
      money("kosten", 3000),
      { name: "anbieter", kind: "text", maxLength: 120, hint: true },
      ...ZAHLUNG,
    ],
  },
  {
    kind: "question", id: "schulbedarf", section: "leistungen", forEach: picked("schulbedarf"), model: request("schulbedarf"),
    fields: [{ name: "raten", kind: "checkboxes", options: ["august", "februar"], hint: true }],
  },
  {
    kind: "question", id: "befoerderung", section: "leistungen", forEach: picked("befoerderung"), model: request("befoerderung"),
    fields: [
      { name: "schulwegKm", kind: "number", min: 0, max: 300, hint: true },
      { name: "fahrkarte", kind: "text", maxLength: 120, hint: true },
      money("kostenMonatlich", 1000),
      { name: "ab", kind: "date" },
      { name: "schultraeger", kind: "radio", options: ["nichtBeantragt", "abgelehnt", "teilweise"], hint: true },
      { ...money("schultraegerBetrag", 1000), onlyWhen: { field: "schultraeger", is: "teilweise" } },
    ],
  },
  {
    kind: "question", id: "lernfoerderung", section: "leistungen", forEach: picked("lernfoerderung"), model: request("lernfoerderung"),
    form: "schulbestaetigung",
    fields: [
      { name: "faecher", kind: "checkboxes", options: ["deutsch", "mathematik", "englisch", "fremdsprache", "naturwissenschaften", "andere"] },
      { name: "grund", kind: "textarea", maxLength: 1000, hint: true },
      { name: "stundenProWoche", kind: "number", min: 1, max: 10 },
      { name: "von", kind: "date" },
      { name: "bis", kind: "date", notBefore: "von" },
      { name: "anbieter", kind: "text", maxLength: 120 },
      money("preisProStunde", 200),
      // The expydoc form's declarations: an integration help (§ 35a SGB VIII) comes first …
      { name: "leistungen35a", kind: "radio", options: ["nein", "ja"], hint: true },
      // … and the school confirms the need (form part B, downloadable in German).
      { name: "schuleBestaetigt", kind: "radio", options: ["ja", "nein"], hint: true, bind: { path: "schuleBestaetigt", as: "yesNo" } },
      ...ZAHLUNG,
    ],
  },
  {
    kind: "question", id: "mittagessen", section: "leistungen", forEach: picked("mittagessen"), model: request("mittagessen"),
    fields: [
      { name: "anbieter", kind: "text", maxLength: 120, hint: true },
      money("preisProEssen", 20),
      { name: "tageProWoche", kind: "number", min: 1, max: 6 },
      { name: "ab", kind: "date" },
      ...ZAHLUNG,
    ],
  },
  {
    kind: "group", id: "teilhabe", section: "leistungen", forEach: picked("teilhabe"), model: request("teilhabe"), ...SEVERAL, itemLabel: ["aktivitaet"],
    fields: [
      { name: "aktivitaet", kind: "text", maxLength: 120, hint: true },
      { name: "anbieter", kind: "text", maxLength: 120 },
      money("beitrag", 1000),
      { name: "rhythmus", kind: "radio", options: ["monatlich", "vierteljaehrlich", "jaehrlich", "einmalig"] },
      { name: "ab", kind: "date" },
      ...ZAHLUNG,
    ],
  },
  {
    kind: "question", id: "konto", section: "zahlung", when: paysParent, model: { at: "konto" },
    fields: [
      { name: "kontoinhaber", kind: "name", autocomplete: "name" },
      { name: "iban", kind: "iban", hint: true },
    ],
  },
];
