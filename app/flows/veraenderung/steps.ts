/**
 * Veränderungsmitteilung (§ 60 Abs. 1 Nr. 2 SGB I): the applicant picks the areas of life that
 * changed, then the concrete events, and answers each event's own follow-up questions.
 * Texts live in locales/<lng>/veraenderung.json under steps.<stepId>.
 */
import { borrow } from "~/blocks/block";
import { HOME } from "~/blocks/kdu/steps";
import { ADDRESS_FIELDS, BIRTH_DATE_FIELD, NAME_FIELDS } from "../common-fields";
import { neuePersonenSteps } from "./neue-personen";
import type { Binding, Condition, FieldDef, StepModel, Step } from "../engine/types";

const area = (option: string): Condition => (a) => a.has("bereiche", "bereiche", option);
const event = (areaStep: string, option: string): Condition => (a) => a.has(areaStep, "ereignisse", option);

/** Each event the applicant can pick, and the Änderung (its `art` in the model) it is recorded as. */
const CHANGE_OF = {
  umzug: "Umzug", kosten: "Unterkunftskosten", abrechnung: "Abrechnung", untervermietung: "Untervermietung",
  einzugAuszug: "PersonEinzugAuszug", familienstand: "Familienstand", schwangerschaft: "Schwangerschaft", geburt: "Geburt", tod: "Tod",
  pflege: "Pflege", schuleKita: "SchuleKita", namensaenderung: "Namensaenderung", aufenthaltstitel: "Aufenthaltstitel",
  arbeitBeginn: "Arbeitsaufnahme", arbeitEnde: "Arbeitsende", lohn: "Lohnaenderung", selbststaendigkeit: "Selbststaendigkeit",
  ausbildung: "Ausbildung", rente: "Rente", andereLeistung: "AndereLeistung", sonstigesEinkommen: "SonstigesEinkommen",
  vermoegen: "Vermoegenszufluss", verkauf: "Vermoegensverkauf", versicherungsleistung: "Versicherungsleistung", konto: "Bankverbindung", kontakt: "Kontaktdaten",
  krankenkasse: "Krankenversicherung", arbeitsunfaehigkeit: "Arbeitsunfaehigkeit", stationaer: "StationaererAufenthalt",
  mehrbedarf: "Mehrbedarf", abwesenheit: "Ortsabwesenheit",
} as const;
type Event = keyof typeof CHANGE_OF;

/**
 * The areas of life, each with its events (an area with one event has no page of its own; an
 * area's page has the area's id, but the Vermögen area's is `vermoegensereignisse`, as the
 * inheritance page kept the id `vermoegen`).
 */
const EVENTS_OF = {
  wohnen: ["umzug", "kosten", "abrechnung", "untervermietung"],
  haushalt: ["einzugAuszug", "familienstand", "schwangerschaft", "geburt", "tod", "pflege", "schuleKita"],
  persoenliches: ["namensaenderung", "aufenthaltstitel"],
  arbeit: ["arbeitBeginn", "arbeitEnde", "lohn", "selbststaendigkeit", "ausbildung", "rente", "andereLeistung", "sonstigesEinkommen"],
  vermoegen: ["vermoegen", "verkauf", "versicherungsleistung"],
  kontoKontakt: ["konto", "kontakt"],
  gesundheit: ["krankenkasse", "arbeitsunfaehigkeit", "stationaer"],
  mehrbedarf: ["mehrbedarf"],
  abwesenheit: ["abwesenheit"],
} as const satisfies Record<string, readonly Event[]>;

export const AREAS = Object.keys(EVENTS_OF) as (keyof typeof EVENTS_OF)[];

/** A picked event stands for its recorded Änderung: the choice reads back from the model. */
const recorded = (events: readonly Event[]): Binding => ({
  options: Object.fromEntries(events.map((e) => [e, { present: `aenderungen.[art=${CHANGE_OF[e]}]` }])),
});
/** The new home after a move: the Umzug's NeueWohnung (an Unterkunft, as in the Anlage KDU). */
const NEUE_WOHNUNG: StepModel = { at: `aenderungen.[art=Umzug].neueWohnung` };
/** A page that only picks (its answers read back from what the other pages recorded). */
const PICK: StepModel = { at: "", create: "none" };
/** An event's page records one Änderung. */
const change = (event: Event): StepModel => ({ at: "aenderungen", create: "item", item: { art: CHANGE_OF[event] } });
const eventsOf = (areaId: keyof typeof EVENTS_OF) => ({
  name: "ereignisse", kind: "checkboxes", options: EVENTS_OF[areaId], bind: recorded(EVENTS_OF[areaId]),
} as const);

/**
 * Audit V1: whom a change concerns — asked alike on every page of a change that concerns one
 * person (texts once, at steps.betrifft), so that in a household of several the jobcenter knows
 * whose job, wage or sick leave it is. The name only when it is someone else.
 */
const BETRIFFT: readonly FieldDef[] = [
  { name: "betrifft", kind: "radio", options: ["selbst", "andere"], texts: "betrifft", bind: "betrifft.person" },
  { name: "betrifftVorname", kind: "name", texts: "betrifft", hint: true, onlyWhen: { field: "betrifft", is: "andere" }, bind: "betrifft.vorname" },
  { name: "betrifftNachname", kind: "name", texts: "betrifft", onlyWhen: { field: "betrifft", is: "andere" }, bind: "betrifft.nachname" },
];

export const steps: readonly Step[] = [
  {
    kind: "question", id: "person", section: "person", model: { at: "mitteilendePerson" },
    fields: [
      ...NAME_FIELDS,
      BIRTH_DATE_FIELD,
      { name: "bgNummer", kind: "text", optional: true, hint: true, maxLength: 30 },
      { name: "telefon", kind: "tel", optional: true, hint: true, autocomplete: "tel" },
    ],
  },
  {
    kind: "question", id: "bereiche", section: "aenderungen", model: PICK,
    fields: [{
      name: "bereiche", kind: "checkboxes", options: AREAS,
      bind: { options: Object.fromEntries(AREAS.map((a) => [a, { present: EVENTS_OF[a].map((e) => `aenderungen.[art=${CHANGE_OF[e]}]`) }])) },
    }],
  },
  {
    kind: "question", id: "wohnen", section: "aenderungen", when: area("wohnen"), model: PICK,
    fields: [eventsOf("wohnen")],
  },
  {
    kind: "question", id: "haushalt", section: "aenderungen", when: area("haushalt"), model: PICK,
    fields: [eventsOf("haushalt")],
  },
  {
    kind: "question", id: "persoenliches", section: "aenderungen", when: area("persoenliches"), model: PICK,
    fields: [eventsOf("persoenliches")],
  },
  {
    kind: "question", id: "arbeit", section: "aenderungen", when: area("arbeit"), model: PICK,
    fields: [eventsOf("arbeit")],
  },
  {
    kind: "question", id: "vermoegensereignisse", section: "aenderungen", when: area("vermoegen"), model: PICK,
    fields: [eventsOf("vermoegen")],
  },
  {
    kind: "question", id: "kontoKontakt", section: "aenderungen", when: area("kontoKontakt"), model: PICK,
    fields: [eventsOf("kontoKontakt")],
  },
  {
    kind: "question", id: "gesundheit", section: "aenderungen", when: area("gesundheit"), model: PICK,
    fields: [eventsOf("gesundheit")],
  },

  // Wohnen
  {
    kind: "question", id: "umzug", section: "angaben", when: event("wohnen", "umzug"), model: change("umzug"),
    fields: [
      { name: "status", kind: "radio", options: ["geplant", "erfolgt"] },
      { name: "datum", kind: "date", hint: true },
      { name: "zusicherung", kind: "radio", options: ["erteilt", "beantragt", "nein"], hint: true },
      // Audit V4: moving costs, a deposit and the costs of finding the flat are taken over only
      // on application and after a prior Zusicherung (§ 22 Abs. 6 SGB II): offered here.
      { name: "kostenuebernahme", kind: "checkboxes", options: ["kaution", "umzugskosten", "wohnungsbeschaffung", "keine"], exclusive: "keine", hint: true },
    ],
  },
  {
    kind: "question", id: "neueAnschrift", section: "angaben", when: event("wohnen", "umzug"),
    model: { at: `aenderungen.[art=${CHANGE_OF.umzug}].neueAnschrift` },
    fields: ADDRESS_FIELDS,
  },
  // Audit V4: the new home as the Anlage KDU asks about one (the jobcenter checks what is
  // appropriate, § 22 SGB II), with the KDU block's questions and texts.
  {
    kind: "question", id: "neueWohnform", section: "angaben", when: event("wohnen", "umzug"), model: NEUE_WOHNUNG,
    fields: borrow("kdu", "wohnform", HOME.wohnform),
  },
  {
    kind: "question", id: "neueMiete", section: "angaben", when: (a) => event("wohnen", "umzug")(a) && !a.has("neueWohnform", "art", "eigentum"), model: NEUE_WOHNUNG,
    fields: borrow("kdu", "miete", HOME.miete),
  },
  {
    kind: "question", id: "neuesEigentum", section: "angaben", when: (a) => event("wohnen", "umzug")(a) && a.has("neueWohnform", "art", "eigentum"), model: NEUE_WOHNUNG,
    fields: borrow("kdu", "eigentum", HOME.eigentum),
  },
  {
    kind: "question", id: "neueHeizung", section: "angaben", when: event("wohnen", "umzug"), model: NEUE_WOHNUNG,
    fields: borrow("kdu", "heizung", HOME.heizung),
  },
  {
    kind: "question", id: "neueWarmwasserEnergie", section: "angaben", when: (a) => event("wohnen", "umzug")(a) && a.has("neueHeizung", "warmwasser", "dezentral"), model: NEUE_WOHNUNG,
    fields: borrow("kdu", "warmwasserEnergie", HOME.warmwasserEnergie),
  },
  {
    kind: "question", id: "kosten", section: "angaben", when: event("wohnen", "kosten"), model: change("kosten"),
    fields: [
      { name: "ab", kind: "date" },
      { name: "grundmiete", kind: "money", max: 10000, hint: true },
      { name: "nebenkosten", kind: "money", max: 5000 },
      { name: "heizkosten", kind: "money", max: 5000 },
    ],
  },
  {
    kind: "question", id: "abrechnung", section: "angaben", when: event("wohnen", "abrechnung"), model: change("abrechnung"),
    fields: [
      { name: "art", kind: "radio", options: ["betriebskosten", "heizkosten", "beides"], bind: "abrechnungsart" },
      { name: "ergebnis", kind: "radio", options: ["guthaben", "nachzahlung"] },
      { name: "betrag", kind: "money", max: 50000 },
      { name: "datum", kind: "date", relative: "past", hint: true },
    ],
  },
  // Audit V2: rent from a subtenant is income of the household (§ 11 SGB II).
  {
    kind: "question", id: "untervermietung", section: "angaben", when: event("wohnen", "untervermietung"), model: change("untervermietung"),
    fields: [
      { name: "aenderung", kind: "radio", options: ["beginn", "ende", "betrag"] },
      { name: "ab", kind: "date", hint: true },
      { name: "einnahme", kind: "money", max: 5000, hint: true, onlyWhen: { field: "aenderung", is: ["beginn", "betrag"] } },
    ],
  },

  // Haushalt / Bedarfsgemeinschaft
  {
    kind: "group", id: "personen", section: "angaben", when: event("haushalt", "einzugAuszug"), model: change("einzugAuszug"),
    minItems: 1, maxItems: 10, itemLabel: ["vorname", "nachname"],
    fields: [
      { name: "richtung", kind: "radio", options: ["einzug", "auszug"] },
      { name: "vorname", kind: "name", bind: "person.vorname" },
      { name: "nachname", kind: "name", bind: "person.nachname" },
      { name: "geburtsdatum", kind: "date", relative: "past", bind: "person.geburtsdatum" },
      // The Erstantrag's question and texts: a spouse or registered partner apart from an unmarried
      // partner, who is asked the Anlage VE (neue-personen.ts, ADR 0042).
      ...borrow("haushalt", "haushalt", [{ name: "beziehung", kind: "radio", options: ["ehepartner", "partner", "kind", "elternteil", "verwandt", "sonstige"], hint: true }]),
      { name: "datum", kind: "date" },
      // Audit V3: what the Anlage WEP / KI records of a new person (the Erstantrag's household question).
      ...borrow("haushalt", "haushalt", [{ name: "geschlecht", kind: "radio", options: ["weiblich", "maennlich", "divers", "keineAngabe"], onlyWhen: { field: "richtung", is: "einzug" }, bind: "angaben.geschlecht" }]),
    ],
  },
  // Audit V3: each person who moved in, as the Erstantrag asks a further person (neue-personen.ts).
  ...neuePersonenSteps,
  {
    kind: "question", id: "familienstand", section: "angaben", when: event("haushalt", "familienstand"), model: change("familienstand"),
    fields: [
      { name: "neu", kind: "radio", options: ["verheiratet", "lebenspartnerschaft", "getrennt", "geschieden", "verwitwet"], bind: "familienstand" },
      { name: "seit", kind: "date", relative: "past" },
    ],
  },
  {
    kind: "question", id: "schwangerschaftMeldung", section: "angaben", when: event("haushalt", "schwangerschaft"), model: change("schwangerschaft"),
    fields: [...BETRIFFT, { name: "entbindungstermin", kind: "date", relative: "future", hint: true }],
  },
  {
    kind: "question", id: "geburt", section: "angaben", when: event("haushalt", "geburt"), model: change("geburt"),
    fields: [
      { name: "vorname", kind: "name", bind: "kind.vorname" },
      { name: "nachname", kind: "name", bind: "kind.nachname" },
      { name: "geburtsdatum", kind: "date", relative: "past", bind: "kind.geburtsdatum" },
    ],
  },
  // Audit V3: what the jobcenter needs of a newborn — Kindergeld, insurance, maintenance from a
  // parent outside the household and, then, paternity — with the Anlage KI's questions.
  {
    kind: "question", id: "geburtAngaben", section: "angaben", when: event("haushalt", "geburt"), model: { at: `aenderungen.[art=${CHANGE_OF.geburt}]` },
    fields: [
      ...borrow("haushalt", "kind", [
        { name: "kindergeld", kind: "radio", options: ["ja", "beantragt", "nein"] },
        { name: "versicherung", kind: "radio", options: ["familie", "andere"], hint: true, bind: "kinderversicherung" },
        { name: "unterhalt", kind: "radio", options: ["keiner", "unterhalt", "unterhaltsvorschuss", "beideEltern"], hint: true, bind: "kindesunterhalt" },
      ]),
      ...borrow("unterhalt", "uh2", [
        { name: "vaterschaft", kind: "radio", options: ["anerkannt", "nichtAnerkannt", "unbekannt"], onlyWhen: { field: "unterhalt", is: ["keiner", "unterhalt", "unterhaltsvorschuss"] } },
      ]),
    ],
  },
  {
    kind: "question", id: "tod", section: "angaben", when: event("haushalt", "tod"), model: change("tod"),
    fields: [
      { name: "vorname", kind: "name", bind: "person.vorname" },
      { name: "nachname", kind: "name", bind: "person.nachname" },
      { name: "sterbedatum", kind: "date", relative: "past" },
    ],
  },
  // Audit V2: caring for a relative can make work unreasonable (§ 10 Abs. 1 Nr. 4 SGB II).
  {
    kind: "question", id: "pflege", section: "angaben", when: event("haushalt", "pflege"), model: change("pflege"),
    fields: [
      ...BETRIFFT,
      { name: "aenderung", kind: "radio", options: ["beginn", "ende"], bind: "richtung" },
      { name: "ab", kind: "date", hint: true },
      { name: "gepflegtePerson", kind: "text", maxLength: 150, hint: true },
      { name: "pflegegrad", kind: "radio", options: ["1", "2", "3", "4", "5", "beantragt", "keiner"], hint: true, onlyWhen: { field: "aenderung", is: "beginn" } },
      { name: "stundenProWoche", kind: "number", min: 1, max: 168, optional: true, hint: true, onlyWhen: { field: "aenderung", is: "beginn" } },
    ],
  },
  // Audit V2: a child starting or leaving school or Kita (Bildung und Teilhabe; a pupil of 15
  // who leaves school may have to look for work or training).
  {
    kind: "question", id: "schuleKita", section: "angaben", when: event("haushalt", "schuleKita"), model: change("schuleKita"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["kita", "schule"], bind: "einrichtungsart" },
      { name: "aenderung", kind: "radio", options: ["beginn", "wechsel", "ende"] },
      { name: "datum", kind: "date", hint: true },
      { name: "name", kind: "text", maxLength: 150, optional: true, hint: true, bind: "einrichtung" },
      { name: "danach", kind: "radio", options: ["schule", "ausbildung", "arbeit", "studium", "offen"], onlyWhen: { field: "aenderung", is: "ende" } },
    ],
  },

  // Name und Aufenthalt
  {
    kind: "question", id: "namensaenderung", section: "angaben", when: event("persoenliches", "namensaenderung"), model: change("namensaenderung"),
    fields: [
      ...BETRIFFT,
      { name: "neuerVorname", kind: "name", hint: true },
      { name: "neuerNachname", kind: "name" },
      { name: "grund", kind: "radio", options: ["heirat", "scheidung", "einbuergerung", "sonstiger"] },
      { name: "seit", kind: "date", relative: "past" },
    ],
  },
  {
    kind: "question", id: "aufenthaltstitel", section: "angaben", when: event("persoenliches", "aufenthaltstitel"), model: change("aufenthaltstitel"),
    fields: [
      ...BETRIFFT,
      { name: "aenderung", kind: "radio", options: ["verlaengert", "neuerTitel", "fiktion", "abgelaufen", "einbuergerung"], optionHints: true },
      { name: "ab", kind: "date", hint: true },
      { name: "gueltigBis", kind: "date", relative: "future", optional: true, hint: true, notBefore: "ab", onlyWhen: { field: "aenderung", is: ["verlaengert", "neuerTitel", "fiktion"] } },
    ],
  },

  // Arbeit und Einkommen
  {
    kind: "question", id: "arbeitBeginn", section: "angaben", when: event("arbeit", "arbeitBeginn"), model: change("arbeitBeginn"),
    fields: [
      ...BETRIFFT,
      { name: "arbeitgeber", kind: "text", maxLength: 150 },
      { name: "beginn", kind: "date" },
      { name: "art", kind: "radio", options: ["minijob", "sozialversicherungspflichtig", "sonstige"], bind: "beschaeftigungsart" },
      { name: "brutto", kind: "money", optional: true, hint: true, max: 20000, bind: "bruttoMonatlich" },
      // Audit V5: the hours (they decide the Erwerbstätigen-Freibetrag check and the duty to
      // work more) and the payday, which decides the month the wage counts in (Zuflussprinzip),
      // asked as the Erstantrag's wage page asks it.
      { name: "stundenProWoche", kind: "number", min: 1, max: 60, optional: true, hint: true },
      ...borrow("einkommen", "erwerb", [{ name: "zahltag", kind: "number", min: 1, max: 31, optional: true, hint: true }]),
    ],
  },
  {
    kind: "question", id: "arbeitEnde", section: "angaben", when: event("arbeit", "arbeitEnde"), model: change("arbeitEnde"),
    fields: [
      ...BETRIFFT,
      { name: "arbeitgeber", kind: "text", maxLength: 150 },
      { name: "ende", kind: "date" },
      { name: "grund", kind: "radio", options: ["kuendigungArbeitgeber", "eigeneKuendigung", "befristung", "aufhebungsvertrag", "sonstiger"] },
    ],
  },
  {
    kind: "question", id: "lohn", section: "angaben", when: event("arbeit", "lohn"), model: change("lohn"),
    fields: [
      ...BETRIFFT,
      { name: "arbeitgeber", kind: "text", maxLength: 150 },
      { name: "ab", kind: "date" },
      { name: "brutto", kind: "money", max: 20000 },
      { name: "netto", kind: "money", optional: true, max: 20000 },
    ],
  },
  {
    kind: "question", id: "selbststaendigkeitMeldung", section: "angaben", when: event("arbeit", "selbststaendigkeit"), model: change("selbststaendigkeit"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["beginn", "ende"], bind: "richtung" },
      { name: "datum", kind: "date" },
      { name: "taetigkeit", kind: "text", maxLength: 200 },
    ],
  },
  {
    kind: "question", id: "ausbildungMeldung", section: "angaben", when: event("arbeit", "ausbildung"), model: change("ausbildung"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["beginn", "ende"], bind: "richtung" },
      { name: "datum", kind: "date" },
      { name: "einrichtung", kind: "text", maxLength: 150 },
      { name: "foerderung", kind: "radio", options: ["bafoeg", "bab", "beantragt", "keine"] },
    ],
  },
  {
    kind: "question", id: "rente", section: "angaben", when: event("arbeit", "rente"), model: change("rente"),
    fields: [
      ...BETRIFFT,
      { name: "stand", kind: "radio", options: ["beantragt", "bewilligt", "abgelehnt"] },
      { name: "rentenart", kind: "radio", options: ["altersrente", "erwerbsminderungsrente", "hinterbliebenenrente", "sonstige"] },
      { name: "datum", kind: "date", hint: true },
      { name: "betrag", kind: "money", optional: true, max: 10000 },
    ],
  },
  // Audit V2: another benefit that counts as income or replaces one starts, ends or changes.
  {
    kind: "question", id: "andereLeistung", section: "angaben", when: event("arbeit", "andereLeistung"), model: change("andereLeistung"),
    fields: [
      ...BETRIFFT,
      { name: "leistung", kind: "radio", options: ["kindergeld", "unterhalt", "unterhaltsvorschuss", "arbeitslosengeld", "krankengeld", "elterngeld", "wohngeld", "kinderzuschlag", "sonstige"] },
      { name: "aenderung", kind: "radio", options: ["beginn", "ende", "betrag"] },
      { name: "ab", kind: "date", hint: true },
      { name: "betrag", kind: "money", optional: true, hint: true, max: 10000 },
    ],
  },
  {
    kind: "question", id: "sonstigesEinkommen", section: "angaben", when: event("arbeit", "sonstigesEinkommen"), model: change("sonstigesEinkommen"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["steuererstattung", "abfindung", "einmalzahlung", "sonstige"], bind: "einkommensart" },
      { name: "betrag", kind: "money", max: 1000000 },
      { name: "zufluss", kind: "date", hint: true },
      { name: "beschreibung", kind: "text", optional: true, maxLength: 200 },
    ],
  },

  // Vermögen
  {
    kind: "question", id: "vermoegen", section: "angaben", when: event("vermoegensereignisse", "vermoegen"), model: change("vermoegen"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["erbschaft", "schenkung", "gewinn", "sonstiges"], bind: "vermoegensart" },
      { name: "wert", kind: "money", max: 100000000 },
      { name: "datum", kind: "date", relative: "past" },
      { name: "beschreibung", kind: "textarea", optional: true, hint: true, maxLength: 1000 },
    ],
  },
  // Audit V2: what a sale brings in, and an insurance's payout, are counted (§§ 11, 12 SGB II).
  {
    kind: "question", id: "verkauf", section: "angaben", when: event("vermoegensereignisse", "verkauf"), model: change("verkauf"),
    fields: [
      ...BETRIFFT,
      { name: "gegenstand", kind: "radio", options: ["fahrzeug", "immobilie", "wertpapiere", "wertsachen", "sonstiges"] },
      { name: "beschreibung", kind: "text", maxLength: 200, hint: true },
      { name: "datum", kind: "date", relative: "past" },
      { name: "erloes", kind: "money", max: 100000000, hint: true },
    ],
  },
  {
    kind: "question", id: "versicherungsleistung", section: "angaben", when: event("vermoegensereignisse", "versicherungsleistung"), model: change("versicherungsleistung"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["lebensversicherung", "rentenversicherung", "unfallversicherung", "schadensersatz", "sonstige"], bind: "versicherungsart" },
      { name: "betrag", kind: "money", max: 100000000 },
      { name: "zufluss", kind: "date", hint: true },
      { name: "beschreibung", kind: "text", maxLength: 200, optional: true, hint: true },
    ],
  },

  // Konto und Kontakt
  {
    kind: "question", id: "konto", section: "angaben", when: event("kontoKontakt", "konto"), model: change("konto"),
    fields: [
      { name: "kontoinhaber", kind: "name", autocomplete: "name" },
      { name: "iban", kind: "iban", hint: true },
      { name: "ab", kind: "date" },
    ],
  },
  {
    kind: "question", id: "kontakt", section: "angaben", when: event("kontoKontakt", "kontakt"), model: change("kontakt"),
    fields: [
      { name: "telefon", kind: "tel", optional: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },

  // Gesundheit und Versicherung
  {
    kind: "question", id: "krankenkasseMeldung", section: "angaben", when: event("gesundheit", "krankenkasse"), model: change("krankenkasse"),
    fields: [
      ...BETRIFFT,
      { name: "name", kind: "text", maxLength: 150, bind: "krankenkasse" },
      { name: "art", kind: "radio", options: ["gesetzlich", "privat"], bind: "versicherungsart" },
      { name: "ab", kind: "date" },
    ],
  },
  {
    kind: "question", id: "arbeitsunfaehigkeit", section: "angaben", when: event("gesundheit", "arbeitsunfaehigkeit"), model: change("arbeitsunfaehigkeit"),
    fields: [
      ...BETRIFFT,
      // Audit V6: every sick leave is reported (§ 56 SGB II), the certificate from the 4th day.
      { name: "von", kind: "date", relative: "past", hint: true },
      { name: "bis", kind: "date", notBefore: "von", hint: true },
    ],
  },
  {
    kind: "question", id: "stationaerMeldung", section: "angaben", when: event("gesundheit", "stationaer"), model: change("stationaer"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["krankenhaus", "reha", "pflegeeinrichtung", "werkstatt", "sonstige"], bind: "einrichtungsart" },
      { name: "einrichtung", kind: "text", maxLength: 150 },
      { name: "von", kind: "date" },
      { name: "bis", kind: "date", optional: true, notBefore: "von", hint: true },
    ],
  },

  // Mehrbedarf (§ 21 SGB II): a need beyond the Regelbedarf begins or ends.
  {
    kind: "question", id: "mehrbedarf", section: "angaben", when: area("mehrbedarf"), model: change("mehrbedarf"),
    fields: [
      ...BETRIFFT,
      { name: "art", kind: "radio", options: ["ernaehrung", "behinderung", "merkzeichenG", "alleinerziehend", "unabweisbar", "warmwasser", "sonstiger"], optionHints: true, bind: "mehrbedarfsart" },
      { name: "aenderung", kind: "radio", options: ["beginn", "ende"], bind: "richtung" },
      { name: "ab", kind: "date", hint: true },
      { name: "beschreibung", kind: "textarea", maxLength: 1000, optional: true, hint: true },
    ],
  },

  // Ortsabwesenheit
  {
    kind: "question", id: "abwesenheit", section: "angaben", when: area("abwesenheit"), model: change("abwesenheit"),
    fields: [
      ...BETRIFFT,
      { name: "von", kind: "date", relative: "future", hint: true },
      { name: "bis", kind: "date", notBefore: "von" },
      { name: "ziel", kind: "radio", options: ["inland", "ausland"] },
      { name: "grund", kind: "text", optional: true, maxLength: 200 },
    ],
  },

  {
    kind: "question", id: "weiteres", section: "angaben", model: PICK,
    fields: [{ name: "anmerkungen", kind: "textarea", optional: true, hint: true, maxLength: 2000 }],
  },
];
