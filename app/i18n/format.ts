/**
 * How dates and numbers are written for the applicant, in every language: on the pages, on
 * check-answers and in the receipt PDF alike (ADR 0025). Always the Gregorian calendar and
 * Latin digits — the applicant copies these values into and out of German forms, and
 * `Intl` would otherwise write Persian and Pashto dates in the Solar Hijri calendar with
 * Persian digits. Numeric dates follow the language table's fixed pattern, not `Intl`, so the
 * server, the browser (another ICU) and the PDF show one order.
 *
 * Not for the jobcenter's German documents: app/submission/pdf/format.server.ts writes those.
 */
import { languageRow, type DatePattern } from "./languages";

const LRI = "\u2066";
const PDI = "\u2069";

/** The Intl locale of a language: its table locale with Gregorian calendar and Latin digits. */
export function intlLocale(lng: string): string {
  const base = languageRow(lng)?.intl ?? (isValidLocale(lng) ? lng : "de-DE");
  return `${base}-u-ca-gregory-nu-latn`;
}

function isValidLocale(lng: string): boolean {
  try {
    return Intl.getCanonicalLocales(lng).length === 1;
  } catch {
    return false;
  }
}

/** Intl formatters cost ~70 µs to create; these are asked for on every page. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function byPattern(pattern: DatePattern, y: number, m: number, d: number): string {
  switch (pattern) {
    case "DD.MM.YYYY": return `${pad(d)}.${pad(m)}.${pad(y, 4)}`;
    case "DD/MM/YYYY": return `${pad(d)}/${pad(m)}/${pad(y, 4)}`;
    case "YYYY/MM/DD": return `${pad(y, 4)}/${pad(m)}/${pad(d)}`;
  }
}

/**
 * A numeric date in the language's pattern. In right-to-left languages it is a left-to-right
 * island (LRI … PDI), so "2026/01/05" is not reordered around the slashes.
 */
function numericDate(y: number, m: number, d: number, lng: string): string {
  const row = languageRow(lng);
  const text = byPattern(row?.datePattern ?? "DD.MM.YYYY", y, m, d);
  return row?.dir === "rtl" ? `${LRI}${text}${PDI}` : text;
}

/** "2026-01-05" → "05.01.2026" (de), "05/01/2026" (en, ar), "2026/01/05" (fa). */
export function formatDate(iso: string, lng: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return numericDate(Number(m[1]), Number(m[2]), Number(m[3]), lng);
}

/** The calendar day and clock time in Germany of an instant, as numbers (h23). */
const BERLIN_PARTS = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Berlin" } as const;
function berlinParts(instant: string | Date): { y: number; m: number; d: number; hour: number; minute: number } | undefined {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = Object.fromEntries(dateTimeFormat("en-GB", BERLIN_PARTS).formatToParts(date).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
}

/**
 * Date and time of an instant as seen in Germany, numeric: { date: "05/01/2026", time: "11:15" }.
 * The receipt PDF names the time of receipt with it, in the same date pattern as the pages.
 */
export function formatBerlinDateTime(instant: string | Date, lng: string): { date: string; time: string } {
  const p = berlinParts(instant);
  if (!p) return { date: String(instant), time: "" };
  return { date: numericDate(p.y, p.m, p.d, lng), time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** An instant in words, in Germany's time: "5. Januar 2026 um 11:15", "5 January 2026 at 11:15". */
export function formatDateTime(iso: string, lng: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(intlLocale(lng), { dateStyle: "long", timeStyle: "short", hourCycle: "h23", timeZone: "Europe/Berlin" }).format(date);
}

/** A decimal-string amount in euros: "1.234,50 €", "€1,234.50". */
export function formatMoney(amount: string | number, lng: string, options: { fractionDigits?: 0 | 2 } = {}): string {
  const digits = options.fractionDigits;
  return numberFormat(intlLocale(lng), {
    style: "currency", currency: "EUR",
    ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  }).format(Number(amount));
}

/** A plain number with the language's grouping and decimal sign, Latin digits. */
export function formatNumber(n: number, lng: string, maximumFractionDigits = 0): string {
  return numberFormat(intlLocale(lng), { maximumFractionDigits }).format(n);
}

/** "mo" … "so" → the weekday's name ("Montag", "Monday", "الاثنين"). */
export function weekdayName(day: string, lng: string): string {
  const index = ["mo", "di", "mi", "do", "fr", "sa", "so"].indexOf(day);
  // 2024-01-01 was a Monday.
  return dateTimeFormat(intlLocale(lng), { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** File sizes: "834 B", "12.3 KB", "1.2 MB" with the language's decimal sign (Latin digits). */
export function formatFileSize(bytes: number, lng: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, lng, 1)}\u00a0B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lng, 1)}\u00a0KB`;
  return `${formatNumber(bytes / (1024 * 1024), lng, 1)}\u00a0MB`;
}

/** An IBAN in groups of four, as printed on bank cards (the same in every language). */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}
