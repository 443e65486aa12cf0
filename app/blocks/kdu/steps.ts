/**
 * Anlage KDU: the costs of accommodation and heating (§ 22 SGB II), and rent paid directly to
 * the landlord.
 */
import type { FieldDef } from "~/flows/engine/types";
import { inBlock } from "../block";
import { jungOhneEltern } from "../haushalt/household";
import { GATE, is, NONE, YES_NO } from "../shared";

/**
 * The questions about a home, by page: the Anlage KDU asks them about the current home; the
 * Veränderungsmitteilung borrows them for the new one after a move (`borrow`, ADR 0032).
 */
export const HOME = {
  wohnform: [
    { name: "art", kind: "radio", options: ["miete", "untermiete", "eigentum", "heim"], bind: "wohnform" },
    { name: "flaeche", kind: "number", min: 5, max: 1000, hint: true },
  ],
  miete: [
    // Audit coverage gap KDU-10: a rent that is one amount for everything (Pauschal- or
    // Inklusivmiete) is said as such, with what it includes; the jobcenter splits it. Nobody has
    // to invent a split the contract does not have.
    { name: "aufteilung", kind: "radio", options: ["getrennt", "pauschal"], hint: true, bind: { options: { pauschal: { present: "pauschalmiete" } }, otherwise: "getrennt" } },
    { name: "grundmiete", kind: "money", max: 10000, hint: true, prefill: true, onlyWhen: { field: "aufteilung", is: "getrennt" } },
    { name: "nebenkosten", kind: "money", max: 5000, hint: true, prefill: true, onlyWhen: { field: "aufteilung", is: "getrennt" } },
    { name: "heizkosten", kind: "money", max: 5000, hint: true, prefill: true, onlyWhen: { field: "aufteilung", is: "getrennt" } },
    { name: "pauschalmiete", kind: "money", max: 10000, hint: true, prefill: true, onlyWhen: { field: "aufteilung", is: "pauschal" } },
    { name: "enthalten", kind: "checkboxes", options: ["heizung", "warmwasser", "strom", "moebel", NONE], exclusive: NONE, hint: true, bind: "pauschalEnthalten", onlyWhen: { field: "aufteilung", is: "pauschal" } },
  ],
  eigentum: [
    { name: "schuldzinsen", kind: "money", max: 10000, hint: true, prefill: true },
    { name: "nebenkosten", kind: "money", max: 5000, hint: true, prefill: true },
    { name: "heizkosten", kind: "money", max: 5000, prefill: true },
  ],
  heizung: [
    { name: "art", kind: "radio", options: ["zentral", "etage", "fernwaerme", "ofen", "sonstige"], bind: "heizungsart" },
    // Audit coverage gap KDU-14: the fuel, not only the system — oil, wood and coal are bought in
    // stock and paid as a one-off need when bought (§ 22 Abs. 1 SGB II). Not for district heating
    // or a gas boiler in the flat, whose fuel the system names.
    { name: "brennstoff", kind: "radio", options: ["gas", "oel", "strom", "holz", "kohle", "sonstige"], hint: true, onlyWhen: { field: "art", is: ["zentral", "ofen", "sonstige"] } },
    { name: "warmwasser", kind: "radio", options: ["zentral", "dezentral"], hint: true },
  ],
  warmwasserEnergie: [{ name: "energie", kind: "radio", options: ["strom", "gas", "sonstige"], hint: true, bind: "warmwasserEnergie" }],
} as const satisfies Record<string, readonly FieldDef[]>;

export const steps = inBlock("kdu", {
  // Anlage KDU
  unterkunft: {
    kind: "question", id: "unterkunft", section: "wohnen", model: { at: "", create: "none" },
    fields: [{ name: "kosten", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("unterkunft") }],
  },
  wohnform: {
    kind: "question", id: "wohnform", section: "wohnen", model: { at: "unterkunft" }, when: is("unterkunft", "kosten", "ja"),
    fields: HOME.wohnform,
  },
  miete: {
    kind: "question", id: "miete", section: "wohnen", model: { at: "unterkunft" }, when: (a) => a.has("unterkunft", "kosten", "ja") && !a.has("wohnform", "art", "eigentum"),
    fields: HOME.miete,
  },
  eigentum: {
    kind: "question", id: "eigentum", section: "wohnen", model: { at: "unterkunft" }, when: (a) => a.has("unterkunft", "kosten", "ja") && a.has("wohnform", "art", "eigentum"),
    fields: HOME.eigentum,
  },
  heizung: {
    kind: "question", id: "heizung", section: "wohnen", model: { at: "unterkunft" }, when: is("unterkunft", "kosten", "ja"),
    fields: HOME.heizung,
  },
  warmwasserEnergie: {
    kind: "question", id: "warmwasserEnergie", section: "wohnen", model: { at: "unterkunft" }, when: is("heizung", "warmwasser", "dezentral"),
    fields: HOME.warmwasserEnergie,
  },
  direktzahlung: {
    kind: "question", id: "direktzahlung", section: "wohnen", model: { at: "unterkunft", create: "none" },
    when: (a) => a.has("unterkunft", "kosten", "ja") && !a.has("wohnform", "art", "eigentum"),
    fields: [{ name: "gewuenscht", kind: "radio", options: ["nein", "ja"], hint: true, bind: GATE("direktzahlung") }],
  },
  // Audit E6 (b), § 22 Abs. 5 SGB II: an unmarried applicant under 25 with no parent in the
  // household may have moved out of the parents' home; then the costs of the new home are paid
  // only with the jobcenter's Zusicherung, unless a serious reason made the move necessary.
  // Asked of nobody else (ADR 0036).
  auszug: {
    kind: "question", id: "auszug", section: "wohnen", model: { at: "unterkunft.auszugElternhaus" },
    when: (a) => a.has("unterkunft", "kosten", "ja") && jungOhneEltern(a),
    fields: [
      { name: "ausgezogen", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("ausgezogen") },
      { name: "datum", kind: "date", relative: "past", onlyWhen: { field: "ausgezogen", is: "ja" } },
      { name: "zusicherung", kind: "radio", options: ["erteilt", "beantragt", "nein"], hint: true, onlyWhen: { field: "ausgezogen", is: "ja" } },
      { name: "begruendung", kind: "textarea", maxLength: 1000, optional: true, hint: true, onlyWhen: { field: "ausgezogen", is: "ja" } },
    ],
  },
  vermieter: {
    kind: "question", id: "vermieter", section: "wohnen", model: { at: "unterkunft.direktzahlung" }, when: is("direktzahlung", "gewuenscht", "ja"),
    fields: [
      { name: "name", kind: "text", maxLength: 200 },
      { name: "anschrift", kind: "textarea", maxLength: 300 },
      { name: "iban", kind: "iban" },
    ],
  },
});
