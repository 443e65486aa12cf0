/**
 * The locale helper (app/i18n/format.ts): Gregorian dates and Latin digits in every language of
 * the table, one numeric date pattern per language on the pages and in the receipt PDF alike.
 */
import { describe, expect, it } from "vitest";
import { formatBerlinDateTime, formatDate, formatDateTime, formatFileSize, formatMoney, formatNumber, intlLocale, weekdayName } from "~/i18n/format";
import { LANGUAGE_TABLE } from "~/i18n/languages";

const CODES = LANGUAGE_TABLE.map((r) => r.code);
/** Digits of other numbering systems: Arabic-Indic, Persian, Ethiopic, Devanagari… */
const NON_LATIN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u1369-\u137C\u0966-\u096F]/;
const bare = (s: string) => s.replace(/[\u2066-\u2069\u200E\u200F\u061C]/g, "");

describe("dates", () => {
  it.each(CODES)("%s: Gregorian, Latin digits, day and month in place", (lng) => {
    const date = bare(formatDate("2026-01-05", lng));
    expect(date).not.toMatch(NON_LATIN_DIGIT);
    expect(date).toContain("2026");
    expect(date).toMatch(/^(05[./]01[./]2026|2026\/01\/05)$/);
    const long = formatDateTime("2026-01-05T10:15:00Z", lng);
    expect(long, long).not.toMatch(NON_LATIN_DIGIT);
    expect(long, long).toContain("2026");
    expect(long, long).toContain("11:15");
    expect(weekdayName("mo", lng)).not.toMatch(NON_LATIN_DIGIT);
  });

  it.each(CODES)("%s: the receipt PDF writes the date as the pages do", (lng) => {
    // 23:30 UTC on 4 January is 00:30 on 5 January in Germany.
    const { date, time } = formatBerlinDateTime("2026-01-04T23:30:00Z", lng);
    expect(date).toBe(formatDate("2026-01-05", lng));
    expect(time).toBe("00:30");
  });

  it("has one fixed order per language (English: day first on screen and in the PDF)", () => {
    expect(formatDate("2026-01-05", "de")).toBe("05.01.2026");
    expect(formatDate("2026-01-05", "en")).toBe("05/01/2026");
    expect(formatBerlinDateTime("2026-01-05T10:15:00Z", "en")).toEqual({ date: "05/01/2026", time: "11:15" });
    expect(bare(formatDate("2026-01-05", "fa"))).toBe("2026/01/05");
    expect(bare(formatDate("2026-01-05", "ar"))).toBe("05/01/2026");
  });

  it("keeps a numeric date one left-to-right island in right-to-left languages", () => {
    expect(formatDate("2026-01-05", "ar")).toBe("\u206605/01/2026\u2069");
    expect(formatDate("2026-01-05", "de")).toBe("05.01.2026");
  });

  it("writes Persian and Pashto in the Gregorian calendar (Intl's default is Solar Hijri)", () => {
    expect(new Intl.DateTimeFormat("fa", { year: "numeric" }).format(new Date("2026-01-05"))).not.toContain("2026");
    for (const lng of ["fa", "prs", "ps"]) expect(formatDateTime("2026-01-05T10:15:00Z", lng)).toContain("2026");
    expect(intlLocale("fa")).toBe("fa-u-ca-gregory-nu-latn");
    expect(intlLocale("prs")).toBe("fa-AF-u-ca-gregory-nu-latn");
  });

  it("leaves what is not a date as it is", () => {
    expect(formatDate("", "de")).toBe("");
    expect(formatDate("morgen", "en")).toBe("morgen");
  });
});

describe("numbers", () => {
  it.each(CODES)("%s: amounts and sizes in Latin digits", (lng) => {
    const money = formatMoney("1234.5", lng);
    expect(money).not.toMatch(NON_LATIN_DIGIT);
    expect(money.replace(/\D/g, "")).toBe("123450");
    expect(money).toMatch(/€|EUR/);
    expect(formatFileSize(1536, lng)).not.toMatch(NON_LATIN_DIGIT);
    expect(formatNumber(1234567, lng).replace(/\D/g, "")).toBe("1234567");
  });

  it("writes each language's notation", () => {
    expect(formatMoney("1234.5", "de")).toBe("1.234,50\u00a0€");
    expect(formatMoney("1234.5", "en")).toBe("€1,234.50");
    expect(formatMoney("1234", "de", { fractionDigits: 0 })).toBe("1.234\u00a0€");
    expect(formatFileSize(1536, "de")).toBe("1,5\u00a0KB");
    expect(formatFileSize(1536, "en")).toBe("1.5\u00a0KB");
  });
});
