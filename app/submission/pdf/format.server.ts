/**
 * How values look in the PDFs. The model keeps ISO dates and decimal strings; the jobcenter
 * reads German notation. Amounts are formatted from the string, never through a float.
 */

const NBSP = "\u00A0";

/** "2026-11-02" → "02.11.2026". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "1234.5" → "1.234,50 €" (non-breaking space: the amount and € stay on one line). */
export function formatAmount(decimal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const euros = m[2].replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+$)/g, ".");
  return `${m[1]}${euros},${(m[3] ?? "").padEnd(2, "0")}${NBSP}€`;
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00". */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, "").toUpperCase().replace(/(.{4})(?=.)/g, "$1 ");
}

/** Bytes as German file size: "834 Bytes", "12,3 KB", "1,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}${NBSP}Bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / (1024 * 1024), "MB"];
  return `${value.toFixed(1).replace(".", ",")}${NBSP}${unit}`;
}

/** Name and postal address, one line each, as on a letter. */
export function nameAndAddress(o: { name: string; anschrift: { strasse: string; hausnummer: string; postleitzahl: string; ort: string } }): string {
  const a = o.anschrift;
  return `${o.name}\n${a.strasse} ${a.hausnummer}\n${a.postleitzahl} ${a.ort}`;
}

// Intl formatters are costly to create; one per locale, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();

function berlinFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "Europe/Berlin" });
    formatters.set(key, f);
  }
  return f;
}

/**
 * The locale for dates in a language: Western digits always (the jobcenter's documents use
 * them, and the Arabic texts do too), day-month-year order for English.
 */
function localeFor(language: string): string {
  if (language === "en") return "en-GB";
  return `${language}-u-nu-latn`;
}

/** Date and time of an ISO timestamp as seen in Germany, e.g. { date: "22.11.2026", time: "10:15" }. */
export function berlinDateTime(isoTimestamp: string, language = "de"): { date: string; time: string } {
  const instant = new Date(isoTimestamp);
  const locale = localeFor(language);
  return {
    date: berlinFormatter(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(instant),
    time: berlinFormatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant),
  };
}
