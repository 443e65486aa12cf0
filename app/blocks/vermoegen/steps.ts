/**
 * Anlage VM: the regime follows the start of the Bewilligungszeitraum (§ 12, § 65a SGB II) —
 * in the Karenzzeit only erhebliches Vermögen is asked, otherwise every kind, each on its page.
 */
import { todayIso } from "~/flows/engine/fields";
import type { AnswerView, Condition, FieldDef, Step } from "~/flows/engine/types";
import { rechtsstandAm } from "~/rechtsstand/parameter";
import { inBlock } from "../block";
import { bwzBeginn } from "../antragstellung/bewilligungszeitraum";
import { is, NONE, YES_NO } from "../shared";

/** Vermögen: the regime in force at the start of the Bewilligungszeitraum (§ 65a SGB II). */
export function vermoegensRegel(a: AnswerView, on = todayIso()) {
  return rechtsstandAm(bwzBeginn(a, on)).vermoegen;
}
const karenzzeit: Condition = (a) => vermoegensRegel(a).regime === "Karenzzeit";

/** Vermögen kinds (Anlage VM); each chosen kind gets its own page. */
export const VERMOEGENSARTEN = [
  "bargeld", "konten", "wertpapiere", "bausparen", "versicherungen", "fahrzeug", "immobilien", "betriebsvermoegen", "sonstiges", "uebertragungen",
] as const;
const POSTEN = ["bargeld", "konten", "wertpapiere", "bausparen", "versicherungen", "betriebsvermoegen", "sonstiges"] as const;

/** The page of one kind of Vermögen. */
export const postenStepId = (art: string) => `vm${art[0].toUpperCase()}${art.slice(1)}`;
const artOfPosten = (stepId: string) => (stepId[2].toLowerCase() + stepId.slice(3)) as (typeof VERMOEGENSARTEN)[number];

/**
 * Audit VM-9: each asset on its own, with whom it belongs to (the jobcenter counts what belongs
 * to each member of the Bedarfsgemeinschaft, and protects some of it per person). The value and
 * the owner are the same question for every kind (texts at `vermoegenPosten`); what names the
 * asset (the bank, the insurer…) is each kind's own. Cash has nothing to name but its owner.
 */
const WERT: FieldDef = { name: "wert", kind: "money", max: 10000000, hint: true, texts: "vermoegenPosten" };
const EIGENTUEMER: FieldDef = { name: "eigentuemer", kind: "name", hint: true, texts: "vermoegenPosten" };
const postenSteps: Step[] = POSTEN.map((art): Step => ({
  kind: "group", id: postenStepId(art), section: "vermoegen",
  model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: art } },
  when: is("vermoegen", "arten", art),
  minItems: 1, maxItems: 20,
  ...(art === "bargeld"
    ? { itemLabel: ["eigentuemer"], fields: [EIGENTUEMER, WERT] }
    : { itemLabel: ["beschreibung"], itemDetail: ["eigentuemer"], fields: [{ name: "beschreibung", kind: "text", maxLength: 300, hint: true }, WERT, EIGENTUEMER] }),
}));

const vermoegensposten: Step[] = [
  ...postenSteps,
  // Audit coverage gap VM-19: every vehicle with whom it belongs to (one appropriate vehicle per
  // employable person is protected), and E9: the declaration that it is appropriate, which the
  // law presumes when the application says so (§ 12 Abs. 1 S. 2 Nr. 2 SGB II).
  {
    kind: "group", id: "vmFahrzeug", section: "vermoegen", model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: "fahrzeug" } }, when: is("vermoegen", "arten", "fahrzeug"),
    minItems: 1, maxItems: 6, itemLabel: ["bezeichnung"],
    fields: [
      { name: "bezeichnung", kind: "text", maxLength: 200, hint: true, bind: "beschreibung" },
      { name: "baujahr", kind: "number", min: 1900, max: 2100 },
      { name: "wert", kind: "money", max: 1000000, hint: true },
      { name: "eigentuemer", kind: "name", hint: true },
      { name: "angemessen", kind: "radio", options: ["ja", "nein"], hint: true, bind: YES_NO("angemessen") },
    ],
  },
  {
    kind: "group", id: "vmImmobilien", section: "vermoegen", model: { at: "vermoegen.vermoegensposten", create: "item", item: { vermoegensart: "immobilien" } }, when: is("vermoegen", "arten", "immobilien"),
    minItems: 1, maxItems: 10, itemLabel: ["lage"], itemDetail: ["art", "eigentuemer"],
    fields: [
      { name: "art", kind: "radio", options: ["haus", "wohnung", "grundstueck"], bind: "immobilienart" },
      { name: "lage", kind: "text", maxLength: 200, hint: true, bind: "beschreibung" },
      { name: "selbstgenutzt", kind: "radio", options: ["ja", "nein"], bind: YES_NO("selbstgenutzt") },
      { name: "eigentuemer", kind: "name", hint: true },
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
export const vermoegensSteps = inBlock("vermoegen", vermoegensposten).sort((a, b) => VERMOEGENSARTEN.indexOf(artOfPosten(a.id)) - VERMOEGENSARTEN.indexOf(artOfPosten(b.id)));

export const steps = inBlock("vermoegen", {
  // Anlage VM: the regime follows the start of the Bewilligungszeitraum.
  vermoegenKarenzzeit: {
    kind: "question", id: "vermoegenKarenzzeit", section: "vermoegen", model: { at: "vermoegen" }, when: karenzzeit,
    fields: [{ name: "erheblich", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("erheblich") }],
  },
  vermoegen: {
    kind: "question", id: "vermoegen", section: "vermoegen", model: { at: "vermoegen" },
    when: (a) => !karenzzeit(a) || a.has("vermoegenKarenzzeit", "erheblich", "ja"),
    fields: [{
      name: "arten", kind: "checkboxes", options: [...VERMOEGENSARTEN, NONE], exclusive: NONE, hint: true,
      bind: { options: Object.fromEntries(VERMOEGENSARTEN.map((art) => [art, { present: `vermoegensposten.[vermoegensart=${art}]` }])), otherwise: NONE },
    }],
  },
});
