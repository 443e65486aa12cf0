/**
 * Anlage EKS: self-employment in the last five years and, while it goes on, the provisional
 * forecast for the Bewilligungszeitraum.
 */
import { inBlock } from "../block";
import { ab15 } from "../haushalt/members";
import { both, GATE, own, PERSON, YES_NO } from "../shared";
import type { MemberCondition } from "~/flows/engine/types";

/** Self-employed: said on the Erstantrag's "before" page, or on the renewal's own question. */
const selbststaendig: MemberCondition = (m, a) => own("vorher", "lage", "selbststaendig")(m, a) || own("taetigkeit", "selbststaendig", "ja")(m, a);

export const steps = inBlock("eks", {
  // WBA W4.3: is the person self-employed now (the renewal has no "before" page)?
  taetigkeit: {
    kind: "question", id: "taetigkeit", section: "personen", model: { at: PERSON, create: "none" }, forEach: ab15,
    fields: [{ name: "selbststaendig", kind: "radio", options: ["ja", "nein"], bind: GATE("selbststaendigeTaetigkeit") }],
  },
  selbststaendigkeit: {
    // Anlage EKS: self-employment in the last five years …
    kind: "question", id: "selbststaendigkeit", section: "personen", model: { at: `${PERSON}.selbststaendigeTaetigkeit` }, forEach: both(ab15, selbststaendig),
    fields: [
      { name: "taetigkeit", kind: "text", maxLength: 200 },
      { name: "seit", kind: "date", relative: "past" },
      { name: "aktuell", kind: "radio", options: ["ja", "nein"], bind: YES_NO("aktuell") },
    ],
  },
  eks: {
    // … and, while it goes on, the provisional declaration: the forecast for the Bewilligungszeitraum.
    kind: "question", id: "eks", section: "personen", model: { at: `${PERSON}.selbststaendigeTaetigkeit.prognose` }, forEach: both(ab15, own("selbststaendigkeit", "aktuell", "ja")),
    // Audit E1: the Anlage EKS counts the Umsatzsteuer received as income and the Vorsteuer and
    // the Umsatzsteuer paid to the Finanzamt as expenses (Zuflussprinzip). Asked separately, and
    // only of whoever charges it; a Kleinunternehmer (§ 19 UStG) is asked none of it.
    fields: [
      { name: "umsatzsteuer", kind: "radio", options: ["regel", "kleinunternehmer"], hint: true },
      { name: "einnahmen", kind: "money", max: 100000, hint: true },
      { name: "wareneinkauf", kind: "money", max: 100000, optional: true },
      { name: "raumkosten", kind: "money", max: 100000, optional: true },
      { name: "fahrzeugkosten", kind: "money", max: 100000, optional: true },
      { name: "personalkosten", kind: "money", max: 100000, optional: true },
      { name: "sonstigeAusgaben", kind: "money", max: 100000, optional: true, hint: true },
      { name: "steuern", kind: "money", max: 100000, optional: true, hint: true },
      { name: "umsatzsteuerEinnahmen", kind: "money", max: 100000, hint: true, onlyWhen: { field: "umsatzsteuer", is: "regel" } },
      { name: "vorsteuer", kind: "money", max: 100000, hint: true, onlyWhen: { field: "umsatzsteuer", is: "regel" } },
      { name: "umsatzsteuerZahlung", kind: "money", max: 100000, hint: true, onlyWhen: { field: "umsatzsteuer", is: "regel" } },
    ],
  },
});
