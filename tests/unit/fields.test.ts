import { describe, expect, it } from "vitest";
import { checkField, checkIban, datePartsOf, normaliseDate, normaliseMoney, readForm, validateStep } from "~/flows/engine/fields";
import type { FieldDef } from "~/flows/engine/types";

describe("money", () => {
  it.each([
    ["450", "450.00"], ["450,5", "450.50"], ["1.234,56", "1234.56"], ["1234.56", "1234.56"],
    ["1.234", "1234.00"], ["1 234,00 €", "1234.00"], ["0,99", "0.99"], ["007", "7.00"],
  ])("%s → %s", (input, out) => expect(normaliseMoney(input)).toBe(out));
  it.each(["abc", "12,345", "1.2.3", "-5", "1,2,3", ""])("rejects %s", (input) => expect(normaliseMoney(input)).toBeNull());
  it("enforces the maximum", () => {
    expect(checkField({ name: "m", kind: "money", max: 100 }, "100,01")).toEqual({ ok: false, code: "moneyMax" });
  });
});

describe("IBAN", () => {
  it("accepts a valid German IBAN in any spacing and case", () => {
    expect(checkField({ name: "i", kind: "iban" }, "de89 3704 0044 0532 0130 00")).toEqual({ ok: true, value: "DE89370400440532013000" });
  });
  it("rejects a wrong checksum, a wrong length and garbage", () => {
    expect(checkIban("DE89370400440532013001")).toBe("ibanChecksum");
    expect(checkIban("DE8937040044053201300")).toBe("iban");
    expect(checkIban("hello")).toBe("iban");
  });
  it("accepts foreign SEPA IBANs", () => {
    expect(checkIban("AT611904300234573201")).toBe("ok");
    expect(checkIban("NL91ABNA0417164300")).toBe("ok");
  });
});

describe("dates", () => {
  const now = new Date("2026-11-22T10:00:00Z");
  it("normalises ISO and German notation and rejects impossible dates", () => {
    expect(normaliseDate("2026-03-01")).toBe("2026-03-01");
    expect(normaliseDate("1.3.2026")).toBe("2026-03-01");
    expect(normaliseDate("2026-02-30")).toBeNull();
    expect(normaliseDate("31.04.2026")).toBeNull();
  });
  it("checks past and future against the Berlin calendar day", () => {
    expect(checkField({ name: "d", kind: "date", relative: "past" }, "2026-11-23", now)).toEqual({ ok: false, code: "dateFuture" });
    expect(checkField({ name: "d", kind: "date", relative: "past" }, "2026-11-22", now)).toEqual({ ok: true, value: "2026-11-22" });
    expect(checkField({ name: "d", kind: "date", relative: "future" }, "2026-11-21", now)).toEqual({ ok: false, code: "datePast" });
    // 23:30 UTC on the 21st is already the 22nd in Berlin.
    expect(checkField({ name: "d", kind: "date", relative: "past" }, "2026-11-22", new Date("2026-11-21T23:30:00Z"))).toEqual({ ok: true, value: "2026-11-22" });
  });
  it("refuses a date before the earliest one a field accepts (audit R3: no law to apply before the table)", () => {
    const field = { name: "d", kind: "date", relative: "past", earliest: "2023-07-01" } as const;
    expect(checkField(field, "2023-06-30", now)).toEqual({ ok: false, code: "dateTooEarly" });
    expect(checkField(field, "15.03.2023", now)).toEqual({ ok: false, code: "dateTooEarly" });
    expect(checkField(field, "2023-07-01", now)).toEqual({ ok: true, value: "2023-07-01" });
  });
});

describe("step schema", () => {
  const fields: FieldDef[] = [
    { name: "name", kind: "name" },
    { name: "note", kind: "text", optional: true, maxLength: 5 },
    { name: "von", kind: "date" },
    { name: "bis", kind: "date", notBefore: "von" },
    { name: "wahl", kind: "radio", options: ["a", "b"] },
    { name: "mehr", kind: "checkboxes", options: ["x", "y", "z"] },
  ];
  it("returns every error as a translation code", () => {
    const r = validateStep(fields, { name: " ", note: "zu lang", von: "2026-05-02", bis: "2026-05-01", wahl: "c", mehr: [] });
    expect(r).toEqual({ ok: false, errors: { name: "required", note: "tooLong", wahl: "choice", mehr: "requiredChoice" } });
  });
  it("checks the order of dates once the fields themselves are valid", () => {
    const r = validateStep(fields, { name: "E", von: "2026-05-02", bis: "2026-05-01", wahl: "a", mehr: ["x"] });
    expect(r).toEqual({ ok: false, errors: { bis: "dateOrder" } });
  });
  it("normalises values, keeps option order and leaves empty optionals out", () => {
    const r = validateStep(fields, { name: " Erika ", note: "", von: "1.5.2026", bis: "2026-05-01", wahl: "b", mehr: ["z", "x"] });
    expect(r).toEqual({ ok: true, values: { name: "Erika", von: "2026-05-01", bis: "2026-05-01", wahl: "b", mehr: ["x", "z"] } });
  });
  it("re-validates stored answers that omit empty optional fields", () => {
    expect(validateStep(fields, { name: "Erika", von: "2026-05-01", bis: "2026-05-02", wahl: "a", mehr: ["y"] }).ok).toBe(true);
  });
  it("rejects a checkbox value that is not offered", () => {
    expect(validateStep(fields, { name: "E", von: "2026-05-01", bis: "2026-05-02", wahl: "a", mehr: ["evil"] })).toMatchObject({ ok: false, errors: { mehr: "choice" } });
  });
  it("reads only declared fields from a form", () => {
    const form = new FormData();
    form.append("name", "Erika");
    form.append("mehr", "x");
    form.append("mehr", "y");
    form.append("injected", "1");
    expect(readForm(fields, form)).toEqual({ name: "Erika", note: "", von: "", bis: "", wahl: "", mehr: ["x", "y"] });
  });
});

describe("dates typed as day, month and year (ADR 0037)", () => {
  const born: FieldDef = { name: "geburtsdatum", kind: "date", relative: "past" };
  const now = new Date("2026-12-07T10:00:00Z");
  it("reads the three posted parts as one date, in any digits", () => {
    const form = new FormData();
    form.append("geburtsdatum-day", "7");
    form.append("geburtsdatum-month", "03");
    form.append("geburtsdatum-year", "1987");
    const raw = readForm([born], form);
    expect(raw).toEqual({ geburtsdatum: ["7", "03", "1987"] });
    expect(validateStep([born], raw)).toEqual({ ok: true, values: { geburtsdatum: "1987-03-07" } });
    expect(checkField(born, ["٧", "٣", "١٩٨٧"], now)).toEqual({ ok: true, value: "1987-03-07" });
  });
  it("says what is wrong: nothing typed, a part missing, a short year, no such day, a future birth", () => {
    expect(checkField(born, ["", "", ""], now)).toEqual({ ok: false, code: "required" });
    expect(checkField({ ...born, optional: true }, ["", " ", ""], now)).toEqual({ ok: true, value: undefined });
    expect(checkField(born, ["7", "", "1987"], now)).toEqual({ ok: false, code: "dateIncomplete" });
    expect(checkField(born, ["7", "3", "87"], now)).toEqual({ ok: false, code: "dateYear" });
    expect(checkField(born, ["7", "März", "1987"], now)).toEqual({ ok: false, code: "date" });
    expect(checkField(born, ["30", "2", "1987"], now)).toEqual({ ok: false, code: "date" });
    expect(checkField(born, ["1", "1", "2099"], now)).toEqual({ ok: false, code: "dateFuture" });
  });
  it("validates the browser's three values with the same schema (react-hook-form)", () => {
    const fields: FieldDef[] = [{ name: "von", kind: "date" }, { name: "bis", kind: "date", notBefore: "von" }];
    const typed = { "von-day": "2", "von-month": "5", "von-year": "2026", "bis-day": "1", "bis-month": "5", "bis-year": "2026" };
    expect(validateStep(fields, typed)).toEqual({ ok: false, errors: { bis: "dateOrder" } });
    expect(validateStep(fields, { ...typed, "bis-day": "" })).toEqual({ ok: false, errors: { bis: "dateIncomplete" } });
  });
  it("shows a stored date back in its three fields, and typed parts as typed", () => {
    expect(datePartsOf("1987-03-07")).toEqual(["7", "3", "1987"]);
    expect(datePartsOf("7.3.1987")).toEqual(["7", "3", "1987"]);
    expect(datePartsOf(["31", "2", "87"])).toEqual(["31", "2", "87"]);
    expect(datePartsOf(undefined)).toEqual(["", "", ""]);
  });
});

describe("right-to-left text", () => {
  it("isolates Latin and number runs in Arabic, and leaves left-to-right languages alone", async () => {
    const { createT } = await import("~/i18n/translate");
    const bundle = { common: { hint: "رقم (Nummer der Bedarfsgemeinschaft)، مثل 05817//0093412", x: "{{n}} يومًا", jc: "لدى: {{name}}." } };
    expect(createT("ar", bundle)("hint")).toBe("رقم \u2066(Nummer der Bedarfsgemeinschaft)\u2069، مثل \u206605817//0093412\u2069");
    expect(createT("ar", bundle)("jc", { name: "Jobcenter Musterstadt (Demo)" })).toBe("لدى: \u2066Jobcenter Musterstadt (Demo)\u2069.");
    expect(createT("ar", bundle)("x", { n: 30 })).toBe("\u206630\u2069 يومًا");
    expect(createT("de", bundle)("hint")).toBe(bundle.common.hint);
    expect(createT("ar", bundle)("missing.key")).toBe("missing.key");
  });
});
