/**
 * Audit V3: a person who moves in is asked what the Erstantrag asks of a further person
 * (Anlage WEP or KI, residence, situation, past, insurance, income, Anlage HG) — the same
 * building-block pages with their texts, conditions and bindings, asked for each person of the
 * `personen` list who moved in, and written into that person's Änderung (`Angaben`). Only their
 * Vermögen is the VÄM's own: the Erstantrag asks it for the whole household at once (ADR 0042).
 */
import { inBg } from "~/blocks/haushalt/household";
import { memberWhere } from "~/blocks/haushalt/members";
import { steps as HAUSHALT } from "~/blocks/haushalt/steps";
import { JE_WEITERER_PERSON } from "~/blocks/sequences";
import { both, own, PERSON, YES_NO } from "~/blocks/shared";
import { VERMOEGENSARTEN } from "~/blocks/vermoegen/steps";
import type { MemberCondition, Step } from "../engine/types";

/** A person of the `personen` list (members 1…n) who moved in. */
export const zugezogen: MemberCondition = (m) => m.index > 0 && m.values.richtung === "einzug";
/** …and belongs to the Bedarfsgemeinschaft (whose Vermögen counts). */
const zugezogenInBg = both(zugezogen, memberWhere((h) => inBg(h)));

/**
 * Where a person's answers go: into their own Änderung — the n-th `PersonEinzugAuszug`, as the
 * `personen` group wrote one per person in list order (`{g}` is the person's place in the list).
 */
export const ANGABEN = "aenderungen.[art=PersonEinzugAuszug]#{g}.angaben";

/** A block's per-person page, asked for each person who moved in, written into their Änderung. */
function fuerZugezogene(step: Step): Step {
  const model = step.model && { ...step.model, at: step.model.at.replace(PERSON, ANGABEN) };
  return { ...step, section: "angaben", forEach: both(zugezogen, step.forEach!), model } as Step;
}

/** An unmarried partner who moved in. */
const zugezogenerPartner: MemberCondition = (m, a) => zugezogen(m, a) && m.values.beziehung === "partner";

export const neuePersonenSteps: readonly Step[] = [
  // The Anlage VE first (the Erstantrag's page and texts): whether the two stand in for each
  // other decides whether the partner is BG, with the pages that follow, or a flatmate (household.ts).
  { ...HAUSHALT.partnerschaft, when: undefined, section: "angaben", forEach: zugezogenerPartner, model: { at: `${ANGABEN}.verantwortungsgemeinschaft` } } as Step,
  ...JE_WEITERER_PERSON.map(fuerZugezogene),
  // Their Vermögen: whether there is any, then each asset (kind, what it is, value), the kinds of the Anlage VM.
  {
    kind: "question", id: "zuzugVermoegen", section: "angaben", forEach: zugezogenInBg, model: { at: `${ANGABEN}.eigenesVermoegen` },
    fields: [{ name: "vorhanden", kind: "radio", options: ["ja", "nein"], hint: true, bind: YES_NO("vorhanden") }],
  },
  {
    kind: "group", id: "zuzugVermoegensposten", section: "angaben", forEach: both(zugezogenInBg, own("zuzugVermoegen", "vorhanden", "ja")),
    model: { at: `${ANGABEN}.eigenesVermoegen.vermoegensposten`, create: "item" },
    minItems: 1, maxItems: 20, itemLabel: ["beschreibung"], itemDetail: ["art"],
    fields: [
      { name: "art", kind: "radio", options: VERMOEGENSARTEN, bind: "vermoegensart" },
      { name: "beschreibung", kind: "text", maxLength: 300, hint: true },
      { name: "wert", kind: "money", max: 10000000, hint: true },
    ],
  },
];
