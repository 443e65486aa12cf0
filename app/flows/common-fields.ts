/**
 * Field lists several flows ask the same way: a person's name and birth date, a German address
 * (bound relative to an Anschrift in the model, whichever flow asks).
 */
import type { FieldDef } from "./engine/types";

export const NAME_FIELDS: readonly FieldDef[] = [
  { name: "vorname", kind: "name", autocomplete: "given-name" },
  { name: "nachname", kind: "name", autocomplete: "family-name" },
];

export const BIRTH_DATE_FIELD: FieldDef = { name: "geburtsdatum", kind: "date", relative: "past", autocomplete: "bday" };

export const ADDRESS_FIELDS: readonly FieldDef[] = [
  { name: "strasse", kind: "text", maxLength: 100, autocomplete: "address-line1" },
  { name: "hausnummer", kind: "text", maxLength: 10 },
  { name: "plz", kind: "postcode", autocomplete: "postal-code", bind: "postleitzahl" },
  { name: "ort", kind: "text", maxLength: 100, autocomplete: "address-level2" },
];
