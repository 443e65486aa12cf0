/**
 * Anlage KDU: the costs of accommodation and heating (§ 22 SGB II), and rent paid directly to
 * the landlord.
 */
import { inBlock } from "../block";
import { GATE, is } from "../shared";

export const steps = inBlock("kdu", {
  // Anlage KDU
  unterkunft: {
    kind: "question", id: "unterkunft", section: "wohnen", model: { at: "", create: "none" },
    fields: [{ name: "kosten", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("unterkunft") }],
  },
  wohnform: {
    kind: "question", id: "wohnform", section: "wohnen", model: { at: "unterkunft" }, when: is("unterkunft", "kosten", "ja"),
    fields: [
      { name: "art", kind: "radio", options: ["miete", "untermiete", "eigentum", "heim"], bind: "wohnform" },
      { name: "flaeche", kind: "number", min: 5, max: 1000, hint: true },
    ],
  },
  miete: {
    kind: "question", id: "miete", section: "wohnen", model: { at: "unterkunft" }, when: (a) => a.has("unterkunft", "kosten", "ja") && !a.has("wohnform", "art", "eigentum"),
    fields: [
      { name: "grundmiete", kind: "money", max: 10000, hint: true, prefill: true },
      { name: "nebenkosten", kind: "money", max: 5000, hint: true, prefill: true },
      { name: "heizkosten", kind: "money", max: 5000, hint: true, prefill: true },
    ],
  },
  eigentum: {
    kind: "question", id: "eigentum", section: "wohnen", model: { at: "unterkunft" }, when: (a) => a.has("unterkunft", "kosten", "ja") && a.has("wohnform", "art", "eigentum"),
    fields: [
      { name: "schuldzinsen", kind: "money", max: 10000, hint: true, prefill: true },
      { name: "nebenkosten", kind: "money", max: 5000, hint: true, prefill: true },
      { name: "heizkosten", kind: "money", max: 5000, prefill: true },
    ],
  },
  heizung: {
    kind: "question", id: "heizung", section: "wohnen", model: { at: "unterkunft" }, when: is("unterkunft", "kosten", "ja"),
    fields: [
      { name: "art", kind: "radio", options: ["zentral", "etage", "fernwaerme", "ofen", "sonstige"], bind: "heizungsart" },
      { name: "warmwasser", kind: "radio", options: ["zentral", "dezentral"], hint: true },
    ],
  },
  warmwasserEnergie: {
    kind: "question", id: "warmwasserEnergie", section: "wohnen", model: { at: "unterkunft" }, when: is("heizung", "warmwasser", "dezentral"),
    fields: [{ name: "energie", kind: "radio", options: ["strom", "gas", "sonstige"], hint: true, bind: "warmwasserEnergie" }],
  },
  direktzahlung: {
    kind: "question", id: "direktzahlung", section: "wohnen", model: { at: "unterkunft", create: "none" },
    when: (a) => a.has("unterkunft", "kosten", "ja") && !a.has("wohnform", "art", "eigentum"),
    fields: [{ name: "gewuenscht", kind: "radio", options: ["nein", "ja"], hint: true, bind: GATE("direktzahlung") }],
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
