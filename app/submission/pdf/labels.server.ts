/**
 * The German words of the caseworker PDF. Labels come from locales/de/dokument.json; code
 * values (status "erfolgt", beziehung "partner") print as the German option labels the
 * applicant chose from (locales/de/veraenderung.json), so the caseworker reads what the
 * applicant read. Lookups are memoised: the same few hundred strings serve every document.
 */
import { fixedT, i18n } from "~/i18n/i18next.server";
import type { Aenderung } from "~/model/veraenderungsmitteilung";
import { formatAmount, formatDate, formatIban } from "./format.server";

/** The Veränderungsmitteilung's namespace: its change names and option labels (CODE_FIELDS). */
export const FLOW_NAMESPACE = "veraenderung";
export const DOKUMENT_NAMESPACE = "dokument";

const memo = new Map<string, string | undefined>();

/** German text from a namespace, or undefined if the key does not exist. */
export function germanText(ns: string, key: string): string | undefined {
  return german(ns, key);
}

function german(ns: string, key: string): string | undefined {
  const id = `${ns}:${key}`;
  if (!memo.has(id)) memo.set(id, i18n().exists(key, { lng: "de", ns }) ? String(fixedT("de", ns)(key)) : undefined);
  return memo.get(id);
}

/** A text of the caseworker PDF; `vars` fill {{placeholders}}. A missing key is a bug: it throws. */
export function dokumentText(key: string, vars?: Record<string, string | number>): string {
  const text = german(DOKUMENT_NAMESPACE, key);
  if (text === undefined) throw new Error(`locales/de/dokument.json lacks "${key}"`);
  return vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? "")) : text;
}

/** Label of a model field (felder.<name>); the raw name if the namespace lacks it (tests catch that). */
export function fieldLabel(name: string): string {
  return german(DOKUMENT_NAMESPACE, `felder.${name}`) ?? name;
}

/** "Ukrainisch (uk)"; unknown codes print as they are. */
export function languageName(code: string): string {
  const name = german(DOKUMENT_NAMESPACE, `sprachen.${code}`);
  return name ? `${name} (${code})` : code;
}

/** German name of a change type (aenderungsarten.<art>). */
export function changeName(art: string): string {
  return german(FLOW_NAMESPACE, `aenderungsarten.${art}`) ?? art;
}

/** German title of the flow step a Nachweis is asked for in (its `anlass`), in the flow's namespace. */
export function stepTitle(step: string, namespace = FLOW_NAMESPACE): string {
  return german(namespace, `steps.${step}.title`) ?? step;
}

type Art = Aenderung["art"];
type FieldsOf<A extends Art> = Exclude<keyof Extract<Aenderung, { art: A }>, "art">;

/**
 * Code-valued model fields → the (step, field) whose options label them. Typed so that a
 * renamed model field fails to compile; tests check that every pair has German options.
 */
export const CODE_FIELDS: { [A in Art]?: { [F in FieldsOf<A>]?: readonly [step: string, field: string] } } = {
  Umzug: { status: ["umzug", "status"], zusicherung: ["umzug", "zusicherung"] },
  Abrechnung: { abrechnungsart: ["abrechnung", "art"], ergebnis: ["abrechnung", "ergebnis"] },
  PersonEinzugAuszug: { richtung: ["personen", "richtung"], beziehung: ["personen", "beziehung"] },
  Familienstand: { familienstand: ["familienstand", "neu"] },
  Arbeitsaufnahme: { beschaeftigungsart: ["arbeitBeginn", "art"] },
  Arbeitsende: { grund: ["arbeitEnde", "grund"] },
  Selbststaendigkeit: { richtung: ["selbststaendigkeit", "art"] },
  Ausbildung: { richtung: ["ausbildung", "art"], foerderung: ["ausbildung", "foerderung"] },
  Rente: { stand: ["rente", "stand"], rentenart: ["rente", "rentenart"] },
  SonstigesEinkommen: { einkommensart: ["sonstigesEinkommen", "art"] },
  Vermoegenszufluss: { vermoegensart: ["vermoegen", "art"] },
  Krankenversicherung: { versicherungsart: ["krankenkasse", "art"] },
  StationaererAufenthalt: { einrichtungsart: ["stationaer", "art"] },
  Ortsabwesenheit: { ziel: ["abwesenheit", "ziel"] },
};

/** Where the German label of a code value lives, if the field is code-valued. */
export function codeSource(art: string, field: string): readonly [string, string] | undefined {
  return (CODE_FIELDS as Record<string, Record<string, readonly [string, string]> | undefined>)[art]?.[field];
}

/** The German option label of a code value, or undefined if there is none. */
export function optionLabel(art: string, field: string, code: string): string | undefined {
  const source = codeSource(art, field);
  return source && german(FLOW_NAMESPACE, `steps.${source[0]}.fields.${source[1]}.options.${code}`);
}

const DATE_FIELDS = new Set(["datum", "ab", "seit", "geburtsdatum", "entbindungstermin", "sterbedatum", "beginn", "ende", "zufluss", "von", "bis"]);
const AMOUNT_FIELDS = new Set(["gesamtmiete", "grundmiete", "nebenkosten", "heizkosten", "betrag", "bruttoMonatlich", "brutto", "netto", "wert"]);

/** A model value as the caseworker reads it. `art` is the change the field belongs to, if any. */
export function formatValue(art: string | undefined, field: string, value: string): string {
  if (DATE_FIELDS.has(field)) return formatDate(value);
  if (AMOUNT_FIELDS.has(field)) return formatAmount(value);
  if (field === "iban") return formatIban(value);
  if (art && codeSource(art, field)) return optionLabel(art, field, value) ?? value;
  return value;
}

export interface Row {
  label: string;
  value: string;
}

/**
 * A model object as label/value rows, in the model's field order. Nested objects (Person,
 * Anschrift) flatten into "Kind – Vorname"-style rows, one per field, as a caseworker copies
 * them into the case file.
 */
export function modelRows(object: object, art?: string, prefix?: string): Row[] {
  return Object.entries(object).flatMap(([field, value]): Row[] => {
    if (field === "art" || value === undefined || value === null || value === "") return [];
    const label = prefix ? `${prefix} – ${fieldLabel(field)}` : fieldLabel(field);
    if (typeof value === "object") return modelRows(value as object, art, label);
    return [{ label, value: formatValue(art, field, String(value)) }];
  });
}
