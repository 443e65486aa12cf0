/**
 * HA C: when the application counts (§ 37 SGB II) and from when benefits are wanted. The
 * application date itself is derived (erstantrag/to-model.ts), as the earliest of the dates given.
 * For a renewal (WBA W1.6–W1.7): the end of the current Bewilligungszeitraum, and what follows
 * from it (bewilligungszeitraum.ts).
 */
import { RECHTSSTAND_BEGINN } from "~/rechtsstand/parameter";
import { inBlock } from "../block";
import { todayIso } from "~/flows/engine/fields";
import { is } from "../shared";
import { lage, type Lage } from "./bewilligungszeitraum";

const lageIn = (...values: Lage[]) => (a: Parameters<typeof lage>[0]) => {
  const l = lage(a, todayIso());
  return l !== undefined && values.includes(l);
};

export const steps = inBlock("antragstellung", {
  // HA C: when the application counts (§ 37 SGB II).
  antragsdatum: {
    kind: "question", id: "antragsdatum", section: "antrag", when: (a) => !a.answered("_bezug"),
    fields: [{ name: "formlos", kind: "radio", options: ["nein", "ja"], hint: true }],
  },
  formlos: {
    kind: "question", id: "formlos", section: "antrag", when: (a) => !a.answered("_bezug") && a.has("antragsdatum", "formlos", "ja"),
    fields: [
      // Not before the parameter table: an older date has no law to apply here (audit R3, ADR 0024).
      { name: "datum", kind: "date", relative: "past", earliest: RECHTSSTAND_BEGINN, hint: true },
      { name: "weg", kind: "radio", options: ["telefonisch", "persoenlich", "schriftlich", "email"] },
    ],
  },
  beginn: {
    kind: "question", id: "beginn", section: "antrag",
    fields: [{ name: "ab", kind: "radio", options: ["sofort", "spaeter"], hint: true }],
  },
  // WBA W1.7 and W1.6: the end of the current period (on the Bescheid) and the BG-Nummer.
  bwz: {
    kind: "question", id: "bwz", section: "antrag", model: { at: "weiterbewilligung" },
    fields: [
      { name: "ende", kind: "date", earliest: RECHTSSTAND_BEGINN, hint: true, prefill: false, bind: "bwzEndeBisher" },
      { name: "bgNummer", kind: "text", optional: true, hint: true, maxLength: 30, autocomplete: "off" },
    ],
  },
  // Soon, just ended or after a gap: say what follows, and offer to secure the date first.
  bwzVorgehen: {
    kind: "question", id: "bwzVorgehen", section: "antrag", model: { at: "", create: "none" },
    when: (a) => !a.answered("_bezug") && lageIn("bald", "nachmonat", "luecke")(a),
    notice: { values: ["bald", "nachmonat", "luecke"], of: (a) => lage(a, todayIso()) },
    fields: [{ name: "weg", kind: "radio", options: ["vollstaendig", "formlos"], prefill: false, bind: false }],
  },
  beginnDatum: {
    kind: "question", id: "beginnDatum", section: "antrag", when: is("beginn", "ab", "spaeter"),
    fields: [{ name: "datum", kind: "date", relative: "future" }],
  },
});
