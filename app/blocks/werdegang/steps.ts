/**
 * HA E: the past — earlier benefits, the last job, wage replacement, claims against others,
 * an accident (Anlage UF).
 */
import { inBlock } from "../block";
import { ab15 } from "../haushalt/members";
import { both, NONE, own, PERSON, YES_NO } from "../shared";

export const steps = inBlock("werdegang", {
  // HA E: the past.
  vorher: {
    kind: "question", id: "vorher", section: "personen", model: { at: PERSON, create: "none" }, forEach: ab15,
    fields: [{
      name: "lage", kind: "checkboxes", exclusive: NONE, hint: true,
      options: ["leistungen", "beschaeftigt", "selbststaendig", "lohnersatz", "beantragt", "dienst", "pflege", "ansprueche", "unfall", NONE],
      bind: { options: {
        leistungen: { present: "werdegang.vorleistung" }, beschaeftigt: { present: "werdegang.beschaeftigung" },
        selbststaendig: { present: "selbststaendigeTaetigkeit" }, lohnersatz: { present: "werdegang.lohnersatz" },
        beantragt: { present: "werdegang.beantragteLeistungen" },
        dienst: { flag: "werdegang.dienst" }, pflege: { flag: "werdegang.pflege" },
        ansprueche: { present: "werdegang.ansprueche" }, unfall: { present: "werdegang.unfall" },
      }, otherwise: NONE },
    }],
  },
  vorleistung: {
    kind: "question", id: "vorleistung", section: "personen", model: { at: `${PERSON}.werdegang.vorleistung` }, forEach: both(ab15, own("vorher", "lage", "leistungen")),
    fields: [
      // Audit T1: Grundsicherungsgeld since 01.07.2026, Bürgergeld / ALG II before.
      { name: "art", kind: "radio", options: ["buergergeld", "grundsicherungsgeld", "sozialhilfe", "asylbewerberleistungen"], bind: "leistungsart" },
      { name: "von", kind: "date", relative: "past", optional: true, hint: true },
      { name: "bis", kind: "date", relative: "past", notBefore: "von" },
      { name: "traeger", kind: "text", maxLength: 200, hint: true },
      { name: "traegerAnschrift", kind: "textarea", maxLength: 300, optional: true, hint: true },
    ],
  },
  beschaeftigung: {
    kind: "question", id: "beschaeftigung", section: "personen", model: { at: `${PERSON}.werdegang.beschaeftigung` }, forEach: both(ab15, own("vorher", "lage", "beschaeftigt")),
    fields: [
      { name: "arbeitgeber", kind: "text", maxLength: 200 },
      { name: "bis", kind: "date", optional: true, hint: true },
      { name: "offenerLohn", kind: "radio", options: ["nein", "ja"], hint: true, bind: YES_NO("offenerLohn") },
    ],
  },
  arbeitgeberAnschrift: {
    kind: "question", id: "arbeitgeberAnschrift", section: "personen", model: { at: `${PERSON}.werdegang.beschaeftigung` }, forEach: both(ab15, own("beschaeftigung", "offenerLohn", "ja")),
    fields: [{ name: "anschrift", kind: "textarea", maxLength: 300, hint: true, bind: "arbeitgeberAnschrift" }],
  },
  lohnersatz: {
    kind: "question", id: "lohnersatz", section: "personen", model: { at: `${PERSON}.werdegang.lohnersatz` }, forEach: both(ab15, own("vorher", "lage", "lohnersatz")),
    fields: [
      { name: "art", kind: "radio", options: ["alg", "krankengeld", "elterngeld", "uebergangsgeld", "sonstige"], bind: "leistungsart" },
      { name: "von", kind: "date", relative: "past", optional: true },
      { name: "bis", kind: "date", optional: true, notBefore: "von" },
    ],
  },
  // HA 42/43 (audit coverage gap): other benefits applied for and not yet decided — the jobcenter
  // pays in advance and claims them back (§§ 102 ff. SGB X), or asks to apply (§ 12a SGB II).
  beantragt: {
    kind: "question", id: "beantragt", section: "personen", model: { at: `${PERSON}.werdegang.beantragteLeistungen` }, forEach: both(ab15, own("vorher", "lage", "beantragt")),
    fields: [
      { name: "arten", kind: "checkboxes", options: ["arbeitslosengeld", "rente", "krankengeld", "elterngeld", "wohngeld", "kinderzuschlag", "kindergeld", "unterhaltsvorschuss", "sonstige"], hint: true, bind: "leistungsarten" },
      { name: "angaben", kind: "textarea", maxLength: 500, optional: true, hint: true },
    ],
  },
  ansprueche: {
    kind: "question", id: "ansprueche", section: "personen", model: { at: `${PERSON}.werdegang` }, forEach: both(ab15, own("vorher", "lage", "ansprueche")),
    fields: [{ name: "beschreibung", kind: "textarea", maxLength: 1000, hint: true, bind: "ansprueche" }],
  },
  // HA 73 (audit coverage gap): how a person lived until now, asked when nothing else says it —
  // no earlier benefit, job, self-employment or wage replacement, and no income now.
  lebensunterhalt: {
    kind: "question", id: "lebensunterhalt", section: "personen", model: { at: `${PERSON}.werdegang.bisherigerLebensunterhalt` },
    forEach: both(ab15, both(own("vorher", "lage", NONE), own("einkommen", "arten", NONE))),
    fields: [
      { name: "quellen", kind: "checkboxes", options: ["ersparnisse", "familie", "haushalt", "kredit", "ausland", "sonstiges"], hint: true },
      { name: "angaben", kind: "textarea", maxLength: 500, optional: true, hint: true },
    ],
  },
  unfall: {
    // Anlage UF
    kind: "question", id: "unfall", section: "personen", model: { at: `${PERSON}.werdegang.unfall` }, forEach: both(ab15, own("vorher", "lage", "unfall")),
    fields: [
      { name: "datum", kind: "date", relative: "past" },
      { name: "hergang", kind: "textarea", maxLength: 1000 },
      { name: "verursacher", kind: "text", maxLength: 200, optional: true },
      { name: "versicherung", kind: "text", maxLength: 200, optional: true, hint: true },
    ],
  },
});
