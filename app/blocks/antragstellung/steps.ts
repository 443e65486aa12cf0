/**
 * HA C: when the application counts (§ 37 SGB II) and from when benefits are wanted. The
 * application date itself is derived (erstantrag/to-model.ts), as the earliest of the dates given.
 */
import { RECHTSSTAND_BEGINN } from "~/rechtsstand/parameter";
import { inBlock } from "../block";
import { is } from "../shared";

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
  beginnDatum: {
    kind: "question", id: "beginnDatum", section: "antrag", when: is("beginn", "ab", "spaeter"),
    fields: [{ name: "datum", kind: "date", relative: "future" }],
  },
});
