/**
 * Veränderungsmitteilung (§ 60 Abs. 1 Nr. 2 SGB I): the applicant picks the areas of life that
 * changed, then the concrete events, and answers each event's own follow-up questions.
 * Texts live in locales/<lng>/veraenderung.json under steps.<stepId>.
 */
import { ADDRESS_FIELDS, BIRTH_DATE_FIELD, NAME_FIELDS } from "../common-fields";
import type { Condition, Step } from "../engine/types";

const area = (option: string): Condition => (a) => a.has("bereiche", "bereiche", option);
const event = (areaStep: string, option: string): Condition => (a) => a.has(areaStep, "ereignisse", option);

export const AREAS = ["wohnen", "haushalt", "arbeit", "vermoegen", "kontoKontakt", "gesundheit", "abwesenheit"] as const;

export const steps: readonly Step[] = [
  {
    kind: "question", id: "person", section: "person",
    fields: [
      ...NAME_FIELDS,
      BIRTH_DATE_FIELD,
      { name: "bgNummer", kind: "text", optional: true, hint: true, maxLength: 30 },
      { name: "telefon", kind: "tel", optional: true, hint: true, autocomplete: "tel" },
    ],
  },
  {
    kind: "question", id: "bereiche", section: "aenderungen",
    fields: [{ name: "bereiche", kind: "checkboxes", options: AREAS }],
  },
  {
    kind: "question", id: "wohnen", section: "aenderungen", when: area("wohnen"),
    fields: [{ name: "ereignisse", kind: "checkboxes", options: ["umzug", "kosten", "abrechnung"] }],
  },
  {
    kind: "question", id: "haushalt", section: "aenderungen", when: area("haushalt"),
    fields: [{
      name: "ereignisse", kind: "checkboxes",
      options: ["einzugAuszug", "familienstand", "schwangerschaft", "geburt", "tod"],
    }],
  },
  {
    kind: "question", id: "arbeit", section: "aenderungen", when: area("arbeit"),
    fields: [{
      name: "ereignisse", kind: "checkboxes",
      options: ["arbeitBeginn", "arbeitEnde", "lohn", "selbststaendigkeit", "ausbildung", "rente", "sonstigesEinkommen"],
    }],
  },
  {
    kind: "question", id: "kontoKontakt", section: "aenderungen", when: area("kontoKontakt"),
    fields: [{ name: "ereignisse", kind: "checkboxes", options: ["konto", "kontakt"] }],
  },
  {
    kind: "question", id: "gesundheit", section: "aenderungen", when: area("gesundheit"),
    fields: [{ name: "ereignisse", kind: "checkboxes", options: ["krankenkasse", "arbeitsunfaehigkeit", "stationaer"] }],
  },

  // Wohnen
  {
    kind: "question", id: "umzug", section: "angaben", when: event("wohnen", "umzug"),
    fields: [
      { name: "status", kind: "radio", options: ["geplant", "erfolgt"] },
      { name: "datum", kind: "date", hint: true },
      { name: "zusicherung", kind: "radio", options: ["erteilt", "beantragt", "nein"], hint: true },
    ],
  },
  {
    kind: "question", id: "neueAnschrift", section: "angaben", when: event("wohnen", "umzug"),
    fields: [
      ...ADDRESS_FIELDS,
      { name: "gesamtmiete", kind: "money", optional: true, hint: true, max: 10000 },
    ],
  },
  {
    kind: "question", id: "kosten", section: "angaben", when: event("wohnen", "kosten"),
    fields: [
      { name: "ab", kind: "date" },
      { name: "grundmiete", kind: "money", max: 10000, hint: true },
      { name: "nebenkosten", kind: "money", max: 5000 },
      { name: "heizkosten", kind: "money", max: 5000 },
    ],
  },
  {
    kind: "question", id: "abrechnung", section: "angaben", when: event("wohnen", "abrechnung"),
    fields: [
      { name: "art", kind: "radio", options: ["betriebskosten", "heizkosten", "beides"] },
      { name: "ergebnis", kind: "radio", options: ["guthaben", "nachzahlung"] },
      { name: "betrag", kind: "money", max: 50000 },
      { name: "datum", kind: "date", relative: "past", hint: true },
    ],
  },

  // Haushalt / Bedarfsgemeinschaft
  {
    kind: "group", id: "personen", section: "angaben", when: event("haushalt", "einzugAuszug"),
    minItems: 1, maxItems: 10, itemLabel: ["vorname", "nachname"],
    fields: [
      { name: "richtung", kind: "radio", options: ["einzug", "auszug"] },
      { name: "vorname", kind: "name" },
      { name: "nachname", kind: "name" },
      { name: "geburtsdatum", kind: "date", relative: "past" },
      { name: "beziehung", kind: "radio", options: ["partner", "kind", "elternteil", "verwandt", "sonstige"] },
      { name: "datum", kind: "date" },
    ],
  },
  {
    kind: "question", id: "familienstand", section: "angaben", when: event("haushalt", "familienstand"),
    fields: [
      { name: "neu", kind: "radio", options: ["verheiratet", "lebenspartnerschaft", "getrennt", "geschieden", "verwitwet"] },
      { name: "seit", kind: "date", relative: "past" },
    ],
  },
  {
    kind: "question", id: "schwangerschaft", section: "angaben", when: event("haushalt", "schwangerschaft"),
    fields: [{ name: "entbindungstermin", kind: "date", relative: "future", hint: true }],
  },
  {
    kind: "question", id: "geburt", section: "angaben", when: event("haushalt", "geburt"),
    fields: [
      { name: "vorname", kind: "name" },
      { name: "nachname", kind: "name" },
      { name: "geburtsdatum", kind: "date", relative: "past" },
    ],
  },
  {
    kind: "question", id: "tod", section: "angaben", when: event("haushalt", "tod"),
    fields: [
      { name: "vorname", kind: "name" },
      { name: "nachname", kind: "name" },
      { name: "sterbedatum", kind: "date", relative: "past" },
    ],
  },

  // Arbeit und Einkommen
  {
    kind: "question", id: "arbeitBeginn", section: "angaben", when: event("arbeit", "arbeitBeginn"),
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 150 },
      { name: "beginn", kind: "date" },
      { name: "art", kind: "radio", options: ["minijob", "sozialversicherungspflichtig", "sonstige"] },
      { name: "brutto", kind: "money", optional: true, hint: true, max: 20000 },
    ],
  },
  {
    kind: "question", id: "arbeitEnde", section: "angaben", when: event("arbeit", "arbeitEnde"),
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 150 },
      { name: "ende", kind: "date" },
      { name: "grund", kind: "radio", options: ["kuendigungArbeitgeber", "eigeneKuendigung", "befristung", "aufhebungsvertrag", "sonstiger"] },
    ],
  },
  {
    kind: "question", id: "lohn", section: "angaben", when: event("arbeit", "lohn"),
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 150 },
      { name: "ab", kind: "date" },
      { name: "brutto", kind: "money", max: 20000 },
      { name: "netto", kind: "money", optional: true, max: 20000 },
    ],
  },
  {
    kind: "question", id: "selbststaendigkeit", section: "angaben", when: event("arbeit", "selbststaendigkeit"),
    fields: [
      { name: "art", kind: "radio", options: ["beginn", "ende"] },
      { name: "datum", kind: "date" },
      { name: "taetigkeit", kind: "text", maxLength: 200 },
    ],
  },
  {
    kind: "question", id: "ausbildung", section: "angaben", when: event("arbeit", "ausbildung"),
    fields: [
      { name: "art", kind: "radio", options: ["beginn", "ende"] },
      { name: "datum", kind: "date" },
      { name: "einrichtung", kind: "text", maxLength: 150 },
      { name: "foerderung", kind: "radio", options: ["bafoeg", "bab", "beantragt", "keine"] },
    ],
  },
  {
    kind: "question", id: "rente", section: "angaben", when: event("arbeit", "rente"),
    fields: [
      { name: "stand", kind: "radio", options: ["beantragt", "bewilligt", "abgelehnt"] },
      { name: "rentenart", kind: "radio", options: ["altersrente", "erwerbsminderungsrente", "hinterbliebenenrente", "sonstige"] },
      { name: "datum", kind: "date", hint: true },
      { name: "betrag", kind: "money", optional: true, max: 10000 },
    ],
  },
  {
    kind: "question", id: "sonstigesEinkommen", section: "angaben", when: event("arbeit", "sonstigesEinkommen"),
    fields: [
      { name: "art", kind: "radio", options: ["steuererstattung", "abfindung", "einmalzahlung", "sonstige"] },
      { name: "betrag", kind: "money", max: 1000000 },
      { name: "zufluss", kind: "date", hint: true },
      { name: "beschreibung", kind: "text", optional: true, maxLength: 200 },
    ],
  },

  // Vermögen
  {
    kind: "question", id: "vermoegen", section: "angaben", when: area("vermoegen"),
    fields: [
      { name: "art", kind: "radio", options: ["erbschaft", "schenkung", "gewinn", "sonstiges"] },
      { name: "wert", kind: "money", max: 100000000 },
      { name: "datum", kind: "date", relative: "past" },
      { name: "beschreibung", kind: "textarea", optional: true, hint: true, maxLength: 1000 },
    ],
  },

  // Konto und Kontakt
  {
    kind: "question", id: "konto", section: "angaben", when: event("kontoKontakt", "konto"),
    fields: [
      { name: "kontoinhaber", kind: "name", autocomplete: "name" },
      { name: "iban", kind: "iban", hint: true },
      { name: "ab", kind: "date" },
    ],
  },
  {
    kind: "question", id: "kontakt", section: "angaben", when: event("kontoKontakt", "kontakt"),
    fields: [
      { name: "telefon", kind: "tel", optional: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },

  // Gesundheit und Versicherung
  {
    kind: "question", id: "krankenkasse", section: "angaben", when: event("gesundheit", "krankenkasse"),
    fields: [
      { name: "name", kind: "text", maxLength: 150 },
      { name: "art", kind: "radio", options: ["gesetzlich", "privat"] },
      { name: "ab", kind: "date" },
    ],
  },
  {
    kind: "question", id: "arbeitsunfaehigkeit", section: "angaben", when: event("gesundheit", "arbeitsunfaehigkeit"),
    fields: [
      { name: "von", kind: "date", relative: "past" },
      { name: "bis", kind: "date", notBefore: "von", hint: true },
    ],
  },
  {
    kind: "question", id: "stationaer", section: "angaben", when: event("gesundheit", "stationaer"),
    fields: [
      { name: "art", kind: "radio", options: ["krankenhaus", "reha", "pflegeeinrichtung", "werkstatt", "sonstige"] },
      { name: "einrichtung", kind: "text", maxLength: 150 },
      { name: "von", kind: "date" },
      { name: "bis", kind: "date", optional: true, notBefore: "von", hint: true },
    ],
  },

  // Ortsabwesenheit
  {
    kind: "question", id: "abwesenheit", section: "angaben", when: area("abwesenheit"),
    fields: [
      { name: "von", kind: "date", relative: "future", hint: true },
      { name: "bis", kind: "date", notBefore: "von" },
      { name: "ziel", kind: "radio", options: ["inland", "ausland"] },
      { name: "grund", kind: "text", optional: true, maxLength: 200 },
    ],
  },

  {
    kind: "question", id: "weiteres", section: "angaben",
    fields: [{ name: "anmerkungen", kind: "textarea", optional: true, hint: true, maxLength: 2000 }],
  },
];
