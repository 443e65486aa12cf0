/**
 * Weiterbewilligungsantrag (BA WBA, sections 1–7; wba-but.md A.3) as one adaptive flow composed
 * of the Erstantrag's building blocks: sections 2–5 ask the current state with the very same
 * pages (so texts, Anlagen, Nachweise and the XSD types stay the same), prefilled from an earlier
 * submission where the person brings one (ADR 0028). The renewal's own questions follow: the
 * period (W1.6–1.7), a move (W3.1), a Betriebs- or Heizkostenabrechnung (W3.3), other changes
 * (W6) and separate applications (§ 37 Abs. 1 S. 2 SGB II).
 */
import type { Step } from "../engine/types";
import { PERSON_UND_HAUSHALT, UNTERKUNFT, VERSICHERUNG_UND_EINKOMMEN } from "~/blocks/sequences";
import { inBlock } from "~/blocks/block";
import { steps as C } from "~/blocks/antragstellung/steps";
import { steps as EKS } from "~/blocks/eks/steps";
import { steps as VM, vermoegensSteps as VM_POSTEN } from "~/blocks/vermoegen/steps";
import { GATE, is, NONE } from "~/blocks/shared";

export const SECTIONS = ["antrag", "person", "haushalt", "personen", "wohnen", "vermoegen", "weiteres"] as const;

// Lernförderung is asked per child on the "bildung" block's page and applied for in the BuT flow
// from the receipt (issue #16, ADR 0034): no longer a free-text separate application here.
export const GESONDERT = ["darlehen", "erstausstattung"] as const;
export const WEITERE_AENDERUNGEN = ["aufenthaltstitel", "unfall", "ortsabwesenheit", "zufluss", "sonstiges"] as const;

/** The renewal's own pages (texts: locales/<lng>/weiterbewilligung.json). */
const own = inBlock("weiterbewilligung", {
  // W3.1: moved since the last application (the new address and KDU are on the pages before).
  umzug: {
    kind: "question", id: "umzug", section: "wohnen", model: { at: "weiterbewilligung", create: "none" },
    fields: [{ name: "umgezogen", kind: "radio", options: ["nein", "ja"], prefill: false, bind: GATE("wohnungswechsel", "ja", "nein") }],
  },
  umzugDetails: {
    kind: "question", id: "umzugDetails", section: "wohnen", when: is("umzug", "umgezogen", "ja"), model: { at: "weiterbewilligung.wohnungswechsel" },
    fields: [
      { name: "datum", kind: "date", relative: "past", prefill: false },
      { name: "zusicherung", kind: "radio", options: ["erteilt", "beantragt", "nein"], hint: true, prefill: false },
    ],
  },
  // W3.3: a Betriebs- or Heizkostenabrechnung since the last application (a Guthaben lowers the KdU).
  abrechnung: {
    kind: "question", id: "abrechnung", section: "wohnen", model: { at: "", create: "none" },
    fields: [{ name: "erhalten", kind: "radio", options: ["nein", "ja"], hint: true, prefill: false, bind: GATE("aenderungen.[art=Abrechnung]", "ja", "nein") }],
  },
  abrechnungDetails: {
    kind: "question", id: "abrechnungDetails", section: "wohnen", when: is("abrechnung", "erhalten", "ja"),
    model: { at: "aenderungen", create: "item", item: { art: "Abrechnung" } },
    fields: [
      { name: "art", kind: "radio", options: ["betriebskosten", "heizkosten", "beides"], bind: "abrechnungsart" },
      { name: "ergebnis", kind: "radio", options: ["guthaben", "nachzahlung"] },
      { name: "betrag", kind: "money", max: 50000 },
      { name: "datum", kind: "date", relative: "past", hint: true },
    ],
  },
  // W6: what else changed and was not yet reported, and what is foreseeable.
  aenderungen: {
    kind: "question", id: "aenderungen", section: "weiteres", model: { at: "weiterbewilligung.weitereAenderungen" },
    fields: [
      { name: "arten", kind: "checkboxes", options: [...WEITERE_AENDERUNGEN, NONE], exclusive: NONE, hint: true, prefill: false },
      { name: "beschreibung", kind: "textarea", maxLength: 2000, optional: true, hint: true, prefill: false },
      { name: "absehbar", kind: "textarea", maxLength: 2000, optional: true, hint: true, prefill: false },
    ],
  },
  // § 37 Abs. 1 S. 2 SGB II: these need an application of their own, sent along as such.
  gesondert: {
    kind: "question", id: "gesondert", section: "weiteres", model: { at: "", create: "none" },
    fields: [{
      name: "antraege", kind: "checkboxes", options: [...GESONDERT, NONE], exclusive: NONE, hint: true, prefill: false,
      bind: { options: Object.fromEntries(GESONDERT.map((g) => [g, { present: `gesonderteAntraege.[antragsart=${g}]` }])), otherwise: NONE },
    }],
  },
  ...Object.fromEntries(GESONDERT.map((g) => [`gesondert_${g}`, {
    kind: "question", id: `gesondert_${g}`, section: "weiteres", when: is("gesondert", "antraege", g),
    model: { at: "gesonderteAntraege", create: "item", item: { antragsart: g } },
    fields: [{ name: "beschreibung", kind: "textarea", maxLength: 2000, hint: true, prefill: false }],
  } satisfies Step])),
  anmerkungen: {
    kind: "question", id: "anmerkungen", section: "weiteres", model: { at: "", create: "none" },
    fields: [{ name: "text", kind: "textarea", maxLength: 2000, optional: true, hint: true, prefill: false, bind: "anmerkungen" }],
  },
} as Record<string, Step>);

export const steps: readonly Step[] = [
  C.bwz, C.bwzVorgehen,
  ...PERSON_UND_HAUSHALT,
  EKS.taetigkeit, EKS.selbststaendigkeit, EKS.eks,
  ...VERSICHERUNG_UND_EINKOMMEN,
  own.umzug, own.umzugDetails,
  ...UNTERKUNFT,
  own.abrechnung, own.abrechnungDetails,
  // A renewal's new period starts this month at the earliest: always under the age tiers of
  // § 12 as amended (01.07.2026), so the Karenzzeit's page is never asked (§ 65a SGB II).
  VM.vermoegen,
  ...VM_POSTEN,
  own.aenderungen,
  own.gesondert, ...GESONDERT.map((g) => own[`gesondert_${g}`]),
  own.anmerkungen,
];
