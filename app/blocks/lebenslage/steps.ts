/**
 * What applies to a person (HA D, Anlage KI): inability to work, pregnancy, school or training,
 * disability, special diet (Anlage MEB), special need (Anlage BB), a stay in an institution.
 */
import type { MemberCondition } from "~/flows/engine/types";
import { inBlock } from "../block";
import { ab15, unter15 } from "../haushalt/members";
import { both, NONE, own, PERSON, YES_NO } from "../shared";

/** A situation ticked for an adult (lebenslage) or a child (kindLebenslage): the same follow-up page. */
const situation = (option: string): MemberCondition => (m, a) =>
  a.has(`lebenslage/${m.index}`, "lage", option) || a.has(`kindLebenslage/${m.index}`, "lage", option);

export const steps = inBlock("lebenslage", {
  kindLebenslage: {
    // Anlage KI: what else applies to the child (the follow-ups are the same pages as for adults).
    kind: "question", id: "kindLebenslage", section: "personen", model: { at: PERSON, create: "none" }, forEach: unter15,
    fields: [{
      name: "lage", kind: "checkboxes", options: ["behinderung", "ernaehrung", "besondererBedarf", "eigenesEinkommen", NONE], exclusive: NONE, hint: true,
      bind: { options: {
        behinderung: { present: "lebenslage.behinderung" }, ernaehrung: { present: "lebenslage.ernaehrung" },
        besondererBedarf: { present: "lebenslage.besondererBedarf" }, eigenesEinkommen: { present: "kinderangaben.eigenesEinkommen" },
      }, otherwise: NONE },
    }],
  },
  lebenslage: {
    kind: "question", id: "lebenslage", section: "personen", model: { at: `${PERSON}.lebenslage` }, forEach: ab15,
    fields: [{
      name: "lage", kind: "checkboxes", exclusive: NONE, hint: true,
      options: ["erwerbsunfaehig", "schwanger", "ausbildung", "behinderung", "ernaehrung", "besondererBedarf", "stationaer", NONE],
      bind: { options: {
        erwerbsunfaehig: { flag: "erwerbsfaehig", negate: true }, schwanger: { present: "schwangerschaftsangaben" },
        ausbildung: { present: "schuleAusbildung" }, behinderung: { present: "behinderung" }, ernaehrung: { present: "ernaehrung" },
        besondererBedarf: { present: "besondererBedarf" }, stationaer: { present: "stationaer" },
      }, otherwise: NONE },
    }],
  },
  schwangerschaft: {
    kind: "question", id: "schwangerschaft", section: "personen", model: { at: `${PERSON}.lebenslage.schwangerschaftsangaben` }, forEach: both(ab15, own("lebenslage", "lage", "schwanger")),
    fields: [{ name: "entbindungstermin", kind: "date", relative: "future", hint: true }],
  },
  ausbildung: {
    kind: "question", id: "ausbildung", section: "personen", model: { at: `${PERSON}.lebenslage.schuleAusbildung` }, forEach: both(ab15, own("lebenslage", "lage", "ausbildung")),
    fields: [
      { name: "art", kind: "radio", options: ["schule", "berufsausbildung", "studium"], bind: "ausbildungsart" },
      { name: "einrichtung", kind: "text", maxLength: 200 },
      { name: "foerderung", kind: "radio", options: ["keine", "bafoeg", "bab", "beantragt"], hint: true },
      { name: "schulbuecher", kind: "money", max: 2000, optional: true, hint: true },
      { name: "auswaerts", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("auswaertsUntergebracht") },
    ],
  },
  behinderung: {
    kind: "question", id: "behinderung", section: "personen", model: { at: `${PERSON}.lebenslage.behinderung` }, forEach: situation("behinderung"),
    fields: [
      { name: "teilhabe", kind: "radio", options: ["keine", "arbeitsleben", "eingliederungshilfe"], hint: true },
    ],
  },
  // Audit E8 (§ 67a SGB X): the Merkzeichen G only helps a person who cannot work (Mehrbedarf,
  // § 23 Nr. 4 SGB II), so only they are asked — and only they are asked for the Ausweis.
  merkzeichen: {
    kind: "question", id: "merkzeichen", section: "personen", model: { at: `${PERSON}.lebenslage.behinderung`, create: "none" }, texts: "behinderung",
    forEach: (m, a) => a.has(`lebenslage/${m.index}`, "lage", "behinderung") && a.has(`lebenslage/${m.index}`, "lage", "erwerbsunfaehig"),
    fields: [{ name: "merkzeichenG", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("merkzeichenG") }],
  },
  ernaehrung: {
    // Anlage MEB
    kind: "question", id: "ernaehrung", section: "personen", model: { at: `${PERSON}.lebenslage.ernaehrung` }, forEach: situation("ernaehrung"),
    fields: [
      // Health details are asked anew in a renewal, never carried over (ADR 0028).
      { name: "erkrankung", kind: "textarea", maxLength: 500, hint: true, prefill: false },
      { name: "arzt", kind: "text", maxLength: 200, prefill: false },
      // Anlage MEB: releasing the doctor from confidentiality is consent (Art. 9 DSGVO), so optional.
      { name: "schweigepflicht", kind: "checkboxes", options: ["ja"], optional: true, hint: true, prefill: false, bind: { options: { ja: { flag: "schweigepflichtentbindung" } } } },
    ],
  },
  besondererBedarf: {
    // Anlage BB (§ 21 Abs. 6 SGB II)
    kind: "question", id: "besondererBedarf", section: "personen", model: { at: `${PERSON}.lebenslage.besondererBedarf` }, forEach: situation("besondererBedarf"),
    fields: [
      { name: "beschreibung", kind: "textarea", maxLength: 1000, hint: true },
      { name: "betrag", kind: "money", max: 10000 },
      { name: "haeufigkeit", kind: "radio", options: ["monatlich", "mehrmalsJaehrlich", "einmalig"] },
    ],
  },
  stationaer: {
    kind: "question", id: "stationaer", section: "personen", model: { at: `${PERSON}.lebenslage.stationaer` }, forEach: both(ab15, own("lebenslage", "lage", "stationaer")),
    fields: [
      { name: "art", kind: "radio", options: ["krankenhaus", "reha", "pflege", "justizvollzug", "sonstige"], bind: "einrichtungsart" },
      { name: "von", kind: "date" },
      { name: "bis", kind: "date", optional: true, notBefore: "von", hint: true },
    ],
  },
});
