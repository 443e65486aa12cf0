/**
 * Kurzantrag: the shortest application that secures the date (§ 37 SGB II: the application is
 * bound to no form and counts from the first of the month it arrives in). The full Erstantrag
 * follows, seeded with these answers (see flow.ts, followUp).
 */
import type { Step } from "../engine/types";

export const steps: readonly Step[] = [
  {
    kind: "question", id: "person", section: "person",
    fields: [
      { name: "vorname", kind: "name", autocomplete: "given-name" },
      { name: "nachname", kind: "name", autocomplete: "family-name" },
      { name: "geburtsdatum", kind: "date", relative: "past", autocomplete: "bday" },
    ],
  },
  {
    kind: "question", id: "anschrift", section: "person",
    fields: [
      { name: "strasse", kind: "text", maxLength: 100, autocomplete: "address-line1" },
      { name: "hausnummer", kind: "text", maxLength: 10 },
      { name: "plz", kind: "postcode", autocomplete: "postal-code" },
      { name: "ort", kind: "text", maxLength: 100, autocomplete: "address-level2" },
    ],
  },
  {
    kind: "question", id: "kontakt", section: "person",
    fields: [
      { name: "telefon", kind: "tel", optional: true, autocomplete: "tel" },
      { name: "email", kind: "email", optional: true, autocomplete: "email" },
    ],
  },
  {
    kind: "question", id: "haushalt", section: "person",
    fields: [{ name: "personen", kind: "number", min: 1, max: 30, hint: true }],
  },
];
