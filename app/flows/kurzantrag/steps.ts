/**
 * Kurzantrag: the shortest application that secures the date (§ 37 SGB II: the application is
 * bound to no form and counts from the first of the month it arrives in). The full Erstantrag
 * follows, seeded with these answers (see flow.ts, followUp).
 */
import { ADDRESS_FIELDS, BIRTH_DATE_FIELD, NAME_FIELDS } from "../common-fields";
import type { Step } from "../engine/types";

export const steps: readonly Step[] = [
  {
    kind: "question", id: "person", section: "person", model: { at: "antragstellendePerson" },
    fields: [
      ...NAME_FIELDS,
      BIRTH_DATE_FIELD,
    ],
  },
  {
    kind: "question", id: "anschrift", section: "person", model: { at: "antragstellendePerson.anschrift" },
    fields: [
      ...ADDRESS_FIELDS,
    ],
  },
  {
    kind: "question", id: "kontakt", section: "person", model: { at: "antragstellendePerson" },
    fields: [
      { name: "telefon", kind: "tel", optional: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },
  {
    kind: "question", id: "haushalt", section: "person", model: { at: "", create: "none" },
    fields: [{ name: "personen", kind: "number", min: 1, max: 30, hint: true, bind: "haushaltsgroesse" }],
  },
];
