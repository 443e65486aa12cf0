/**
 * The portal's languages as data (ADR 0025). Everything language-dependent reads this table:
 * which languages can be chosen and detected (`status: "offered"`), `<html lang dir>`, the web
 * and PDF fonts (by script), and how dates and numbers are written for the applicant.
 *
 * A language in `preparation` is invisible: not offered in the picker, not detected, not
 * loaded, not tested for completeness — its folder under locales/ may be half written. To offer
 * it, change its `status` to "offered" once `node scripts/check-locale.mjs <code>` is clean.
 *
 * Self-names ("Deutsch", "العربية") are texts and live in each locale's `common:languageName`.
 *
 * This module goes to the browser: keep it plain data.
 */

export type Script = "Latin" | "Cyrillic" | "Arabic" | "Ethiopic";
export type LanguageStatus = "offered" | "preparation";
/** Font families of the web pages (app/styles/app.css declares their faces). */
export type WebFont = "Fira Sans" | "Noto Sans Arabic" | "Noto Sans Ethiopic Web";
/** Font families embedded in the PDFs (app/submission/pdf/fonts.server.ts). */
export type PdfFont = "NotoSans" | "NotoSansArabic" | "NotoSansEthiopic";
/** Numeric date layout: the same on screen and in the receipt PDF. */
export type DatePattern = "DD.MM.YYYY" | "DD/MM/YYYY" | "YYYY/MM/DD";

export interface LanguageRow {
  /** BCP 47 code as used in URLs (`?lng=`), the cookie, locales/<code>/ and the XML. */
  readonly code: string;
  readonly status: LanguageStatus;
  readonly dir: "ltr" | "rtl";
  readonly script: Script;
  readonly webFont: WebFont;
  readonly pdfFont: PdfFont;
  /** Locale for Intl (month names, number grouping); Gregorian calendar and Latin digits are added. */
  readonly intl: string;
  readonly datePattern: DatePattern;
  /** `<html lang>` and `lang` on the language's name: Leichte Sprache is German to a browser. */
  readonly htmlLang: string;
}

/** Fonts by script: one place, so a row cannot name the wrong font for its script. */
export const SCRIPT_FONTS: Readonly<Record<Script, { webFont: WebFont; pdfFont: PdfFont }>> = {
  Latin: { webFont: "Fira Sans", pdfFont: "NotoSans" },
  Cyrillic: { webFont: "Fira Sans", pdfFont: "NotoSans" },
  Arabic: { webFont: "Noto Sans Arabic", pdfFont: "NotoSansArabic" },
  Ethiopic: { webFont: "Noto Sans Ethiopic Web", pdfFont: "NotoSansEthiopic" },
};

const row = (
  code: string, status: LanguageStatus, script: Script, dir: "ltr" | "rtl", intl: string,
  datePattern: DatePattern, htmlLang = code,
): LanguageRow => ({ code, status, dir, script, ...SCRIPT_FONTS[script], intl, datePattern, htmlLang });

/** Order = order in the language picker. German first: it is the fallback and the legal text. */
export const LANGUAGE_TABLE = [
  //   code       status          script      dir    Intl locale  numeric date  <html lang>
  row("de",      "offered",     "Latin",    "ltr", "de-DE",     "DD.MM.YYYY"),
  row("de-x-ls", "offered",     "Latin",    "ltr", "de-DE",     "DD.MM.YYYY", "de"),
  row("en",      "offered",     "Latin",    "ltr", "en-GB",     "DD/MM/YYYY"),
  row("ar",      "offered",     "Arabic",   "rtl", "ar",        "DD/MM/YYYY"),
  row("uk",      "offered",     "Cyrillic", "ltr", "uk",        "DD.MM.YYYY"),
  row("ru",      "offered",     "Cyrillic", "ltr", "ru",        "DD.MM.YYYY"),
  row("tr",      "offered",     "Latin",    "ltr", "tr",        "DD.MM.YYYY"),
  row("fa",      "offered",     "Arabic",   "rtl", "fa",        "YYYY/MM/DD"),
  row("prs",     "offered",     "Arabic",   "rtl", "fa-AF",     "DD/MM/YYYY"),
  row("ps",      "offered",     "Arabic",   "rtl", "ps",        "DD/MM/YYYY"),
  row("ti",      "offered",     "Ethiopic", "ltr", "ti",        "DD/MM/YYYY"),
  row("so",      "offered",     "Latin",    "ltr", "so",        "DD/MM/YYYY"),
  row("kmr",     "offered",     "Latin",    "ltr", "ku",        "DD.MM.YYYY"),
  row("bg",      "offered",     "Cyrillic", "ltr", "bg",        "DD.MM.YYYY"),
  row("ro",      "offered",     "Latin",    "ltr", "ro",        "DD.MM.YYYY"),
  row("pl",      "offered",     "Latin",    "ltr", "pl",        "DD.MM.YYYY"),
  row("fr",      "offered",     "Latin",    "ltr", "fr",        "DD/MM/YYYY"),
] as const satisfies readonly LanguageRow[];

const BY_CODE = new Map<string, LanguageRow>(LANGUAGE_TABLE.map((r) => [r.code, r]));

/** The row of a code, whatever its status; undefined for codes not in the table. */
export function languageRow(code: string): LanguageRow | undefined {
  return BY_CODE.get(code);
}

/** Languages applicants can choose, in picker order. */
export function offeredLanguages(): LanguageRow[] {
  return LANGUAGE_TABLE.filter((r) => r.status === "offered");
}

/** Leichte Sprache: its code, for the start page's link (BITV 2.0 § 4). */
export const EASY_LANGUAGE = "de-x-ls";
