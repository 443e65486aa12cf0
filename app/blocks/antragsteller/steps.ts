/**
 * HA A: the applicant — name, birth, address, contact, account, identifiers, representation.
 */
import { ADDRESS_FIELDS, NAME_FIELDS } from "~/flows/common-fields";
import { STAATSANGEHOERIGKEIT } from "../aufenthalt/steps";
import { inBlock } from "../block";
import { is, not } from "../shared";

export const steps = inBlock("antragsteller", {
  // HA A: the applicant.
  person: {
    kind: "question", id: "person", section: "person", model: { at: "antragsteller" },
    fields: [
      ...NAME_FIELDS,
      { name: "geburtsname", kind: "name", optional: true, hint: true },
      { name: "geburtsdatum", kind: "date", relative: "past", autocomplete: "bday" },
      { name: "geschlecht", kind: "radio", options: ["weiblich", "maennlich", "divers", "keineAngabe"] },
    ],
  },
  herkunft: {
    kind: "question", id: "herkunft", section: "person", model: { at: "antragsteller" },
    fields: [
      { name: "geburtsort", kind: "text", maxLength: 100 },
      // A code, named in German for the jobcenter (ADR 0030); not autofilled: the address country is not the birth country.
      { name: "geburtsland", kind: "country" },
      { name: "staatsangehoerigkeit", kind: "radio", options: STAATSANGEHOERIGKEIT },
    ],
  },
  anschrift: {
    kind: "question", id: "anschrift", section: "person", model: { at: "antragsteller.anschrift" },
    fields: [
      ...ADDRESS_FIELDS,
      { name: "ohneFestenWohnsitz", kind: "checkboxes", options: ["ja"], optional: true, bind: { options: { ja: { flag: "../ohneFestenWohnsitz" } } } },
    ],
  },
  postanschrift: {
    kind: "question", id: "postanschrift", section: "person", model: { at: "antragsteller" }, when: is("anschrift", "ohneFestenWohnsitz", "ja"),
    fields: [
      { name: "wohnhaftBei", kind: "text", maxLength: 200, hint: true },
      { name: "postfach", kind: "text", maxLength: 30, optional: true },
    ],
  },
  kontakt: {
    kind: "question", id: "kontakt", section: "person", model: { at: "antragsteller" },
    fields: [
      { name: "telefon", kind: "tel", optional: true, hint: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },
  konto: {
    kind: "question", id: "konto", section: "person", model: { at: "antragsteller", create: "none" },
    fields: [{ name: "vorhanden", kind: "radio", options: ["ja", "nein"], hint: true, bind: { options: { ja: { present: "bankkonto" }, nein: { present: "keinKontoGrund" } } } }],
  },
  kontodaten: {
    kind: "question", id: "kontodaten", section: "person", model: { at: "antragsteller.bankkonto" }, when: is("konto", "vorhanden", "ja"),
    fields: [
      { name: "kontoinhaber", kind: "name", hint: true },
      { name: "iban", kind: "iban", hint: true },
    ],
  },
  keinKonto: {
    kind: "question", id: "keinKonto", section: "person", model: { at: "antragsteller" }, when: is("konto", "vorhanden", "nein"),
    fields: [{ name: "grund", kind: "textarea", maxLength: 1000, hint: true, bind: "keinKontoGrund" }],
  },
  kennnummern: {
    kind: "question", id: "kennnummern", section: "person", model: { at: "antragsteller" },
    fields: [
      { name: "steuerId", kind: "steuerId", optional: true, hint: true },
      { name: "rvNummer", kind: "rvNummer", optional: true, hint: true },
    ],
  },
  vertretung: {
    kind: "question", id: "vertretung", section: "person", model: { at: "antragsteller", create: "none" },
    fields: [{ name: "art", kind: "radio", options: ["keine", "betreuung", "vollmacht", "vormundschaft"], hint: true, bind: { path: "vertretung.vertretungsart", none: "keine" } }],
  },
  vertreter: {
    kind: "question", id: "vertreter", section: "person", model: { at: "antragsteller.vertretung" }, when: not(is("vertretung", "art", "keine")),
    fields: [
      { name: "name", kind: "text", maxLength: 200 },
      { name: "anschrift", kind: "textarea", maxLength: 300 },
      { name: "telefon", kind: "tel", optional: true },
      { name: "eingereichtVon", kind: "radio", options: ["antragsteller", "vertreter"], hint: true },
    ],
  },
});
