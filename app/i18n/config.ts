/**
 * Languages the portal speaks, read from the language table (app/i18n/languages.ts). Output to
 * the jobcenter is always German.
 */
import { LANGUAGE_TABLE, languageRow } from "./languages";

/** A language code from the table (offered or in preparation). */
export type Language = string;

/** The languages applicants can choose and that are detected: the table's offered rows, in its order. */
export const LANGUAGES: readonly Language[] = LANGUAGE_TABLE.filter((r) => r.status === "offered").map((r) => r.code);
export const FALLBACK_LANGUAGE: Language = "de";

/** Whether a value names an offered language (a language in preparation is not one yet). */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && LANGUAGES.includes(value);
}

/** Codes outside the table that are right-to-left, e.g. a stored language no longer in the table. */
const OTHER_RTL = new Set<string>(["ur", "he", "ckb", "yi"]);

export function direction(lng: string): "rtl" | "ltr" {
  const row = languageRow(lng);
  if (row) return row.dir;
  return OTHER_RTL.has(lng.split("-")[0]) ? "rtl" : "ltr";
}

/** `<html lang>` for a language: Leichte Sprache (de-x-ls) is German to browsers and screen readers. */
export function htmlLang(lng: string): string {
  return languageRow(lng)?.htmlLang ?? lng;
}

/** Namespaces every page needs; a flow page adds its flow's namespace. */
export const BASE_NAMESPACES = ["common"] as const;
