/**
 * Anlagen UH1–UH3: maintenance from a former spouse, because of pregnancy or care, and from a
 * parent outside the household.
 */
import { inBlock } from "../block";
import { ab15, memberWhere, unter15 } from "../haushalt/members";
import { inBg } from "../haushalt/household";
import { both, GATE, own, PERSON } from "../shared";

export const steps = inBlock("unterhalt", {
  uh1: {
    // Anlage UH1: maintenance from a separated or former spouse or partner.
    kind: "question", id: "uh1", section: "haushalt", model: { at: "antragsteller.unterhaltEhegatte" },
    when: (a) => ["getrennt", "geschieden", "aufgehoben"].some((s) => a.has("familienstand", "stand", s)),
    fields: [
      { name: "name", kind: "text", maxLength: 200, hint: true },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true },
      { name: "unterhalt", kind: "radio", options: ["erhalten", "tituliert", "keiner"] },
      { name: "betrag", kind: "money", max: 10000, optional: true },
    ],
  },
  uh2: {
    // Anlage UH2: maintenance because of pregnancy or care (§ 1615l BGB), if not married.
    kind: "question", id: "uh2", section: "personen", model: { at: `${PERSON}.lebenslage.schwangerschaftsangaben.unterhaltSchwangerschaft` },
    forEach: both(ab15, own("lebenslage", "lage", "schwanger"), (m, a) => {
      // Not when the father lives with her as spouse or partner: he is in the BG already.
      const partner = (b: unknown) => b === "ehepartner" || b === "partner";
      if (m.index > 0) return !partner(m.values.beziehung);
      const married = ["verheiratet", "lebenspartnerschaft"].some((s) => a.has("familienstand", "stand", s));
      return !married && !a.items("haushalt").some((p) => partner(p.beziehung));
    }),
    fields: [
      { name: "vater", kind: "text", maxLength: 200, optional: true, hint: true, bind: "name" },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true },
      { name: "vaterschaft", kind: "radio", options: ["anerkannt", "nichtAnerkannt", "unbekannt"] },
      { name: "unterhalt", kind: "radio", options: ["erhalten", "tituliert", "keiner"] },
      { name: "betrag", kind: "money", max: 10000, optional: true },
    ],
  },
  elternteil: {
    // Anlage UH3: a young person with a parent outside the BG.
    kind: "question", id: "elternteil", section: "personen", model: { at: PERSON, create: "none" },
    forEach: memberWhere((h) => inBg(h) && h.alter >= 15 && h.alter < 25 && (h.beziehung === "antragsteller" || h.beziehung === "kind")),
    fields: [{ name: "ausserhalb", kind: "radio", options: ["ja", "nein"], hint: true, bind: GATE("lebenslage.unterhaltElternteil") }],
  },
  uh3: {
    kind: "question", id: "uh3", section: "personen", model: { at: `${PERSON}.lebenslage.unterhaltElternteil` }, forEach: both(ab15, own("elternteil", "ausserhalb", "ja")),
    fields: [
      { name: "name", kind: "text", maxLength: 200, optional: true },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true },
      { name: "unterhalt", kind: "radio", options: ["erhalten", "tituliert", "keiner"] },
      { name: "betrag", kind: "money", max: 10000, optional: true },
    ],
  },
  kindUnterhalt: {
    // Anlage UH3: the other parent of a child under 15, whether or not they pay.
    kind: "question", id: "kindUnterhalt", section: "personen", model: { at: `${PERSON}.kinderangaben` },
    forEach: both(unter15, (m, a) => !a.has(`kind/${m.index}`, "unterhalt", "beideEltern")),
    fields: [
      { name: "betrag", kind: "money", max: 5000, optional: true, hint: true, bind: "unterhaltsbetrag" },
      { name: "elternteil", kind: "text", maxLength: 200, optional: true, hint: true, bind: "unterhaltspflichtiger" },
      { name: "anschrift", kind: "textarea", maxLength: 300, optional: true, bind: "unterhaltspflichtigerAnschrift" },
    ],
  },
});
