import type { FieldDef } from "./engine/types";

/** The postcode question that picks the jobcenter (texts: common:postcodeStep). */
export const POSTCODE: readonly FieldDef[] = [{ name: "plz", kind: "postcode", hint: true, autocomplete: "postal-code" }];
