/**
 * HA F and Anlage SV: health and long-term care insurance, and the contribution subsidy for
 * private, voluntary or no insurance (§ 26 SGB II).
 */
import { inBlock } from "../block";
import { ab15 } from "../haushalt/members";
import { both, PERSON } from "../shared";

export const steps = inBlock("versicherung", {
  // HA F: health and long-term care insurance.
  versicherung: {
    kind: "question", id: "versicherung", section: "personen", model: { at: `${PERSON}.krankenPflegeversicherung` }, forEach: ab15,
    fields: [{ name: "art", kind: "radio", options: ["pflicht", "familie", "freiwillig", "privat", "keine"], hint: true, bind: "versicherungsart" }],
  },
  krankenkasse: {
    kind: "question", id: "krankenkasse", section: "personen", model: { at: `${PERSON}.krankenPflegeversicherung` }, forEach: both(ab15, (m, a) => !a.has(`versicherung/${m.index}`, "art", "keine")),
    fields: [{ name: "name", kind: "text", maxLength: 200, hint: true, bind: "krankenkasse" }],
  },
  sv: {
    // Anlage SV: contribution subsidy for private, voluntary or no insurance (§ 26 SGB II).
    kind: "question", id: "sv", section: "personen", model: { at: `${PERSON}.krankenPflegeversicherung` },
    forEach: both(ab15, (m, a) => ["freiwillig", "privat", "keine"].some((o) => a.has(`versicherung/${m.index}`, "art", o))),
    fields: [
      { name: "tarif", kind: "text", maxLength: 200, optional: true, hint: true },
      { name: "beitragKv", kind: "money", max: 5000, optional: true },
      { name: "beitragPv", kind: "money", max: 5000, optional: true },
    ],
  },
});
