/** Locale-aware display of stored values (ISO dates, decimal-string amounts). */
export function formatDate(iso: string, lng: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale(lng), { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(locale(lng), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Berlin" }).format(new Date(iso));
}

export function formatMoney(amount: string, lng: string): string {
  return new Intl.NumberFormat(locale(lng), { style: "currency", currency: "EUR" }).format(Number(amount));
}

export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

/** Latin digits everywhere: IBANs, amounts and dates are copied into German forms. */
function locale(lng: string): string {
  return lng === "ar" ? "ar-u-nu-latn" : lng;
}

export function weekdayName(day: string, lng: string): string {
  const index = ["mo", "di", "mi", "do", "fr", "sa", "so"].indexOf(day);
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale(lng), { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** File sizes: "834 B", "12.3 KB", "1.2 MB" with the language's decimal sign (Latin digits). */
export function formatFileSize(bytes: number, lng: string): string {
  const number = (n: number) => new Intl.NumberFormat(locale(lng), { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${number(bytes)}\u00a0B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)}\u00a0KB`;
  return `${number(bytes / (1024 * 1024))}\u00a0MB`;
}
