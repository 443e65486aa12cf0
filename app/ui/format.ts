/**
 * Locale-aware display of stored values (ISO dates, decimal-string amounts): the one locale
 * helper app/i18n/format.ts, plus IBAN grouping.
 */
export { formatDate, formatDateTime, formatFileSize, formatIban, formatMoney, weekdayName } from "~/i18n/format";
