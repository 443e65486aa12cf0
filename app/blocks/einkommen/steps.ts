/**
 * Anlage EK: every kind of income, per person — work with its deductions (§ 11b SGB II), each
 * benefit, other income — and a child's own income.
 */
import type { Step } from "~/flows/engine/types";
import { inBlock } from "../block";
import { ab15, unter15 } from "../haushalt/members";
import { both, NONE, own, PERSON } from "../shared";

/** Income from work, per person: Anlage EK Abschnitt 2. */
export const LEISTUNGSEINKOMMEN = [
  "alg", "krankengeld", "elterngeld", "rente", "kindergeld", "unterhalt", "unterhaltsvorschuss", "bafoegBab", "wohngeld", "kinderzuschlag",
] as const;
export const EINKOMMENSARTEN = ["erwerb", ...LEISTUNGSEINKOMMEN, "sonstiges"] as const;
/** Where each kind of income is recorded in a person's `einkommen` list (relative to it). */
const EINKOMMEN_ITEM = Object.fromEntries(EINKOMMENSARTEN.map((art) => [art,
  art === "erwerb" ? "[art=Erwerbseinkommen]" : art === "sonstiges" ? "[art=WeiteresEinkommen]" : `[leistungsart=${art}]`,
])) as Record<(typeof EINKOMMENSARTEN)[number], string>;

/** The page of one kind of benefit income. */
export const leistungStepId = (art: string) => `ek${art[0].toUpperCase()}${art.slice(1)}`;

/** A page per kind of benefit income chosen (texts shared: einkommenLeistung). */
export const leistungsSteps = inBlock("einkommen", LEISTUNGSEINKOMMEN.map((art): Step => ({
  kind: "question", id: leistungStepId(art), section: "personen", texts: "einkommenLeistung",
  model: { at: `${PERSON}.einkommen`, create: "item", item: { art: "Leistungseinkommen", leistungsart: art } },
  forEach: own("einkommen", "arten", art),
  fields: [
    { name: "betrag", kind: "money", max: 10000, hint: true },
    { name: "seit", kind: "date", relative: "past", optional: true },
  ],
})));

export const steps = inBlock("einkommen", {
  // Anlage EK: every kind of income, per person.
  einkommen: {
    kind: "question", id: "einkommen", section: "personen", model: { at: `${PERSON}.einkommen`, create: "list" }, forEach: ab15,
    fields: [{
      // A statement either way (#18): each kind, or explicitly none — never an empty submit.
      name: "arten", kind: "checkboxes", options: [...EINKOMMENSARTEN, NONE], exclusive: NONE, hint: true,
      bind: { options: Object.fromEntries(EINKOMMENSARTEN.map((art) => [art, { present: EINKOMMEN_ITEM[art] }])), otherwise: NONE },
    }],
  },
  // Audit coverage gap EK-7: every job of a person, a Minijob beside the main job too — a list per person.
  erwerb: {
    kind: "group", id: "erwerb", section: "personen", model: { at: `${PERSON}.einkommen`, create: "item", item: { art: "Erwerbseinkommen" } }, forEach: both(ab15, own("einkommen", "arten", "erwerb")),
    minItems: 1, maxItems: 6, itemLabel: ["arbeitgeber"],
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 200 },
      { name: "art", kind: "radio", options: ["minijob", "teilzeit", "vollzeit", "ausbildung"], bind: "beschaeftigungsart" },
      { name: "brutto", kind: "money", max: 50000, hint: true },
      { name: "netto", kind: "money", max: 50000 },
      { name: "beginn", kind: "date", optional: true },
      // EK-6: the day the wage arrives decides its month (§ 11 Abs. 2 SGB II, Zuflussprinzip).
      { name: "zahltag", kind: "number", min: 1, max: 31, optional: true, hint: true },
    ],
  },
  abzuege: {
    // Anlage EK: what may be deducted from earned income (§ 11b SGB II) above the flat 100 €.
    kind: "question", id: "abzuege", section: "personen", model: { at: `${PERSON}.absetzungen` }, forEach: both(ab15, own("einkommen", "arten", "erwerb")),
    fields: [
      { name: "entfernungKm", kind: "number", min: 0, max: 500, optional: true, hint: true },
      { name: "versicherungen", kind: "money", max: 5000, optional: true, hint: true },
      { name: "riester", kind: "money", max: 5000, optional: true },
      { name: "unterhaltTitel", kind: "money", max: 10000, optional: true, hint: true },
    ],
  },
  ekSonstiges: {
    kind: "question", id: "ekSonstiges", section: "personen", model: { at: `${PERSON}.einkommen`, create: "item", item: { art: "WeiteresEinkommen" } }, forEach: both(ab15, own("einkommen", "arten", "sonstiges")),
    fields: [
      { name: "bezeichnung", kind: "text", maxLength: 200 },
      // Audit coverage gap EK-6: a one-off payment (a tax refund, an arrears payment) counts in
      // the month it arrives (§ 11 Abs. 3 SGB II): how often, and for one-off or occasional money
      // the day it arrives.
      { name: "haeufigkeit", kind: "radio", options: ["monatlich", "mehrmalsJaehrlich", "einmalig"] },
      { name: "betrag", kind: "money", max: 100000, hint: true },
      { name: "zufluss", kind: "date", hint: true, onlyWhen: { field: "haeufigkeit", is: ["mehrmalsJaehrlich", "einmalig"] } },
    ],
  },
  kindEinkommen: {
    kind: "question", id: "kindEinkommen", section: "personen", model: { at: `${PERSON}.kinderangaben.eigenesEinkommen` }, forEach: both(unter15, own("kindLebenslage", "lage", "eigenesEinkommen")),
    fields: [
      { name: "bezeichnung", kind: "text", maxLength: 200, hint: true },
      { name: "betrag", kind: "money", max: 5000 },
    ],
  },
});
