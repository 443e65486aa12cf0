/**
 * Native digits in input (app/i18n/digits.ts, read at the start of checkField): Arabic-Indic
 * and Persian digits and the Arabic separators mean what they say in every number-like field,
 * and free text keeps what was typed.
 */
import { describe, expect, it } from "vitest";
import { checkField } from "~/flows/engine/fields";
import type { FieldDef } from "~/flows/engine/types";
import { asciiDigits } from "~/i18n/digits";

const field = (kind: string, extra: Record<string, unknown> = {}) => ({ name: "x", kind, ...extra }) as unknown as FieldDef;
const value = (f: FieldDef, raw: string) => {
  const r = checkField(f, raw, new Date("2026-06-30T10:00:00Z"));
  return r.ok ? r.value : `error:${r.code}`;
};

describe("asciiDigits", () => {
  it("maps Arabic-Indic and Persian digits and the Arabic separators", () => {
    expect(asciiDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(asciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(asciiDigits("١٬٢٣٤٫٥٠")).toBe("1234.50");
    expect(asciiDigits("Straße 12")).toBe("Straße 12");
    expect(asciiDigits("١٢ und 3")).toBe("12 und 3");
  });
});

describe("checkField reads native digits", () => {
  it("postcode", () => {
    expect(value(field("postcode"), "٠٠١٥٠")).toBe("00150");
    expect(value(field("postcode"), "۰۰۱۵۰")).toBe("00150");
  });
  it("dates, in German and ISO order", () => {
    expect(value(field("date"), "١٥٫٠٦٫٢٠٢٦")).toBe("2026-06-15");
    expect(value(field("date"), "۱۵.۰۶.۱۹۹۰")).toBe("1990-06-15");
    expect(value(field("date"), "٢٠٢٦-٠٦-١٥")).toBe("2026-06-15");
  });
  it("money with the Arabic decimal and thousands separators", () => {
    expect(value(field("money"), "١٬٢٣٤٫٥")).toBe("1234.50");
    expect(value(field("money"), "۵۲۰")).toBe("520.00");
    expect(value(field("money"), "٥٢٠,٥٠ €")).toBe("520.50");
  });
  it("numbers", () => {
    expect(value(field("number", { min: 1, max: 20 }), "٣")).toBe("3");
  });
  it("phone numbers are stored in ASCII digits", () => {
    expect(value(field("tel"), "٠١٥١ ٧٦٥٤٣٢١")).toBe("0151 7654321");
    expect(value(field("tel"), "+۴۹ ۱۵۱ ۲۳۴۵۶۷")).toBe("+49 151 234567");
  });
  it("IBAN", () => {
    expect(value(field("iban"), "DE٨٩ ٣٧٠٤ ٠٠٤٤ ٠٥٣٢ ٠١٣٠ ٠٠")).toBe("DE89370400440532013000");
  });
  it("Steuer-ID", () => {
    expect(value(field("steuerId"), "٨٦ ٠٩٥ ٧٤٢ ٧١٩")).toBe("86095742719");
  });
  it("free text keeps what was typed", () => {
    expect(value(field("text"), "شارع ١٢")).toBe("شارع ١٢");
    expect(value(field("name"), "Ali ٣")).toBe("Ali ٣");
  });
});
