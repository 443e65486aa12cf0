/**
 * One zod schema per step, derived from the step's field definitions. Runs on the server for
 * every POST and in the browser (react-hook-form) for instant feedback: the same function
 * builds both from the same serialisable field list.
 */
import { isCountryCode } from "~/i18n/countries";
import * as z from "zod/mini";
import { asciiDigits } from "~/i18n/digits";
import type { FieldDef, FieldValue, StepValues } from "./types";

/** Validation outcomes are translation keys under `common:validation.*`. */
export const ERROR_CODES = [
  "required", "requiredChoice", "tooLong", "email", "tel", "postcode", "iban", "ibanChecksum",
  "money", "moneyMax", "number", "numberRange", "steuerId", "rvNummer",
  "date", "dateIncomplete", "dateYear", "dateFuture", "datePast", "dateOrder", "dateTooEarly", "choice", "choiceExclusive", "groupMin",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

type Checked = { ok: true; value: FieldValue | undefined } | { ok: false; code: ErrorCode };

const DEFAULT_MAX = { text: 200, name: 100, textarea: 2000, email: 200, tel: 30 } as const;

function asString(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw)) return typeof raw[0] === "string" ? raw[0] : "";
  if (typeof raw === "number") return String(raw);
  return "";
}

function asList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === "string" && v !== "");
  if (typeof raw === "string" && raw !== "") return [raw];
  return [];
}

/** "1.234,56 €", "1234.5", "1 234" → "1234.56" / "1234.50" / "1234.00"; null if not an amount. */
export function normaliseMoney(input: string): string | null {
  let s = input.replace(/[\s\u00a0€]/g, "").replace(/^EUR|EUR$/i, "");
  if (!/^\d[\d.,]*$/.test(s)) return null;
  if (s.includes(",")) {
    // German notation: dots group thousands, the comma marks decimals.
    if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(s) && !/^\d+(,\d{1,2})?$/.test(s)) return null;
    s = s.replace(/\./g, "").replace(",", ".");
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, ""); // "1.234": a thousands separator, amounts never have 3 decimals
  } else if (!/^\d+(\.\d{1,2})?$/.test(s)) {
    return null;
  }
  const [euros, cents = ""] = s.split(".");
  const whole = euros.replace(/^0+(?=\d)/, "");
  return `${whole}.${cents.padEnd(2, "0")}`;
}

const IBAN_LENGTH: Record<string, number> = {
  AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24,
  SM: 27, UA: 29, TR: 26,
};

export function normaliseIban(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

/** ISO 13616 check: country length and the mod-97 checksum. */
export function checkIban(iban: string): "ok" | "iban" | "ibanChecksum" {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return "iban";
  const expected = IBAN_LENGTH[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return "iban";
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const n = ch >= "A" ? ch.charCodeAt(0) - 55 : Number(ch);
    remainder = Number(String(remainder) + String(n)) % 97;
  }
  return remainder === 1 ? "ok" : "ibanChecksum";
}

/**
 * Steuerliche Identifikationsnummer: 11 digits, no leading zero, one digit repeated two or three
 * times among the first ten, and the ISO 7064 MOD 11,10 check digit.
 */
export function checkSteuerId(input: string): boolean {
  const id = input.replace(/\s/g, "");
  if (!/^[1-9]\d{10}$/.test(id)) return false;
  const counts = new Map<string, number>();
  for (const d of id.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0] > 3) return false;
  let product = 10;
  for (const d of id.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(id[10]);
}

/** Versicherungsnummer of the Rentenversicherung: "65 160390 D 123" → "65160390D123"; null if not that shape. */
export function normaliseRvNummer(input: string): string | null {
  const s = input.replace(/\s/g, "").toUpperCase();
  return /^\d{8}[A-Z]\d{3}$/.test(s) ? s : null;
}

/** "2026-03-01" or "1.3.2026" → "2026-03-01"; null if no real calendar date. */
export function normaliseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (de) [y, m, d] = [Number(de[3]), Number(de[2]), Number(de[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date is typed as three fields — day, month, year (ADR 0037) — posted as `<name>-day`,
 * `<name>-month`, `<name>-year`. Their raw value is the list of the three parts; a single
 * value ("2026-03-01", "1.3.2026") is still read, e.g. from stored answers.
 */
export const DATE_PARTS = ["day", "month", "year"] as const;

/** The three parts to show in a date's fields: from typed parts, an ISO date or "1.3.2026". */
export function datePartsOf(value: unknown): string[] {
  if (Array.isArray(value)) return DATE_PARTS.map((_, i) => String(value[i] ?? ""));
  const s = typeof value === "string" ? value.trim() : "";
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return [String(Number(iso[3])), String(Number(iso[2])), iso[1]];
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  return de ? [de[1], de[2], de[3]] : ["", "", ""];
}

/** One formatter: creating an Intl.DateTimeFormat costs ~70 µs, and conditions ask for today often. */
const BERLIN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" });

export function todayIso(now: Date = new Date()): string {
  // The jobcenter's calendar day, not the server's UTC day.
  return BERLIN_DAY.format(now);
}

/** Kinds whose values are digits (and separators) however they are typed. */
const NUMERIC_KINDS = new Set<FieldDef["kind"]>(["tel", "postcode", "iban", "money", "number", "steuerId", "rvNummer", "date"]);

/** Validate and normalise one raw value. Exported for tests and for the server's model code. */
export function checkField(field: FieldDef, raw: unknown, now: Date = new Date()): Checked {
  if (field.kind === "date" && Array.isArray(raw)) {
    // Day, month and year as typed: say which is missing, or that the year needs four digits.
    const [d, m, y] = datePartsOf(raw).map((p) => asciiDigits(p).trim());
    if (!d && !m && !y) return field.optional ? { ok: true, value: undefined } : { ok: false, code: "required" };
    if (!d || !m || !y) return { ok: false, code: "dateIncomplete" };
    if (!/^\d+$/.test(d + m + y)) return { ok: false, code: "date" };
    if (y.length !== 4) return { ok: false, code: "dateYear" };
    return checkField(field, `${d}.${m}.${y}`, now);
  }
  if (field.kind === "checkboxes") {
    const list = asList(raw);
    if (list.some((v) => !field.options.includes(v))) return { ok: false, code: "choice" };
    if (list.length === 0) return field.optional ? { ok: true, value: undefined } : { ok: false, code: "requiredChoice" };
    // "None of these" is an answer of its own, never one among others.
    if (field.exclusive && list.includes(field.exclusive) && list.length > 1) return { ok: false, code: "choiceExclusive" };
    return { ok: true, value: field.options.filter((o) => list.includes(o)) };
  }
  // Native digits (Arabic-Indic, Persian) and Arabic separators count as what they mean: every
  // kind but free text and choices is read from ASCII (app/i18n/digits.ts).
  const typed = asString(raw).trim();
  const s = NUMERIC_KINDS.has(field.kind) ? asciiDigits(typed) : typed;
  if (s === "") {
    if (field.optional) return { ok: true, value: undefined };
    return { ok: false, code: field.kind === "radio" || field.kind === "country" ? "requiredChoice" : "required" };
  }
  switch (field.kind) {
    case "radio":
      return field.options.includes(s) ? { ok: true, value: s } : { ok: false, code: "choice" };
    case "country":
      return isCountryCode(s, field.unknown) ? { ok: true, value: s } : { ok: false, code: "choice" };
    case "text":
    case "textarea":
    case "name": {
      const max = field.maxLength ?? DEFAULT_MAX[field.kind];
      return s.length > max ? { ok: false, code: "tooLong" } : { ok: true, value: s };
    }
    case "email":
      if (s.length > DEFAULT_MAX.email) return { ok: false, code: "tooLong" };
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s) ? { ok: true, value: s } : { ok: false, code: "email" };
    case "tel": {
      const digits = s.replace(/\D/g, "");
      const shape = /^\+?[\d\s()/-]+$/.test(s);
      return shape && digits.length >= 6 && digits.length <= 16 ? { ok: true, value: s } : { ok: false, code: "tel" };
    }
    case "postcode":
      return /^\d{5}$/.test(s) ? { ok: true, value: s } : { ok: false, code: "postcode" };
    case "iban": {
      const iban = normaliseIban(s);
      const result = checkIban(iban);
      return result === "ok" ? { ok: true, value: iban } : { ok: false, code: result };
    }
    case "money": {
      const amount = normaliseMoney(s);
      if (amount === null) return { ok: false, code: "money" };
      if (field.max !== undefined && Number(amount) > field.max) return { ok: false, code: "moneyMax" };
      return { ok: true, value: amount };
    }
    case "number": {
      if (!/^\d{1,6}$/.test(s)) return { ok: false, code: "number" };
      const n = Number(s);
      return n < field.min || n > field.max ? { ok: false, code: "numberRange" } : { ok: true, value: String(n) };
    }
    case "steuerId":
      return checkSteuerId(s) ? { ok: true, value: s.replace(/\s/g, "") } : { ok: false, code: "steuerId" };
    case "rvNummer": {
      const rv = normaliseRvNummer(s);
      return rv ? { ok: true, value: rv } : { ok: false, code: "rvNummer" };
    }
    case "date": {
      const date = normaliseDate(s);
      if (date === null) return { ok: false, code: "date" };
      if (field.relative === "past" && date > todayIso(now)) return { ok: false, code: "dateFuture" };
      if (field.relative === "future" && date < todayIso(now)) return { ok: false, code: "datePast" };
      if (field.earliest && date < field.earliest) return { ok: false, code: "dateTooEarly" };
      return { ok: true, value: date };
    }
  }
}

/** Whether a conditional question's condition holds for the sibling's raw value (FieldBase.onlyWhen). */
export const asked = (onlyWhen: NonNullable<FieldDef["onlyWhen"]>, value: unknown): boolean =>
  ([] as unknown[]).concat(onlyWhen.is).includes(typeof value === "string" ? value.trim() : value);

/** The raw value of a conditional question whose condition is not met (FieldBase.onlyWhen). */
const NOT_ASKED = Symbol("not asked");

/** Where a field's texts are: its step's, or a shared question's (FieldBase.texts). */
export function fieldTextBase(stepBase: string, field: Pick<FieldDef, "name" | "texts">, namespace?: string): string {
  if (!field.texts) return `${stepBase}.fields.${field.name}`;
  // "kdu:miete": a building block's question, asked with the block's own texts.
  const [ns, path] = field.texts.includes(":") ? field.texts.split(":") : [namespace, field.texts];
  return `${ns ? `${ns}:` : ""}steps.${path}.fields.${field.name}`;
}

/**
 * The zod schema of a step: raw form values in, normalised answer values out. Built with
 * zod/mini, which tree-shakes: the browser gets a few KiB instead of full zod's 94 KiB.
 */
export function stepSchema(fields: readonly FieldDef[]) {
  const shape: Record<string, z.ZodMiniType<FieldValue | undefined>> = {};
  for (const field of fields) {
    shape[field.name] = z.pipe(z.any(), z.transform((raw: unknown, ctx) => {
      if (raw === NOT_ASKED) return undefined;
      const result = checkField(field, raw);
      if (!result.ok) {
        ctx.issues.push({ code: "custom", message: result.code, input: raw });
        return z.NEVER;
      }
      return result.value;
    }));
  }
  // Stored answers leave empty optional fields out; the form posts every field. Fill the gaps
  // so that both validate alike (zod rejects an absent key before the transform runs).
  const fill = (input: unknown) => {
    const raw = input && typeof input === "object" ? { ...(input as Record<string, unknown>) } : {};
    // In the browser the date's three fields are values of their own: the date is their list.
    for (const f of fields) {
      if (f.kind === "date" && DATE_PARTS.some((p) => raw[`${f.name}-${p}`] !== undefined)) raw[f.name] = DATE_PARTS.map((p) => asString(raw[`${f.name}-${p}`]));
    }
    for (const f of fields) if (raw[f.name] === undefined) raw[f.name] = f.kind === "checkboxes" ? [] : "";
    // A conditional question whose condition is not met was not asked: whatever was typed is dropped.
    for (const f of fields) if (f.onlyWhen && !asked(f.onlyWhen, asString(raw[f.onlyWhen.field]))) raw[f.name] = NOT_ASKED;
    return raw;
  };
  return z.pipe(z.transform(fill), z.object(shape)).check(z.superRefine((values, ctx) => {
    for (const field of fields) {
      if (field.kind !== "date" || !field.notBefore) continue;
      const own = values[field.name];
      const other = values[field.notBefore];
      if (typeof own === "string" && typeof other === "string" && own < other) {
        ctx.addIssue({ code: "custom", message: "dateOrder", path: [field.name] });
      }
    }
  }));
}

export type FieldErrors = Record<string, ErrorCode>;

/** Flow steps are declared once: build each step's schema once, not on every check. */
const schemas = new WeakMap<readonly FieldDef[], ReturnType<typeof stepSchema>>();

function cachedSchema(fields: readonly FieldDef[]) {
  let schema = schemas.get(fields);
  if (!schema) {
    schema = stepSchema(fields);
    schemas.set(fields, schema);
  }
  return schema;
}

/** Validate raw values; on success the normalised values with empty answers left out. */
export function validateStep(
  fields: readonly FieldDef[],
  raw: Record<string, unknown>,
): { ok: true; values: StepValues } | { ok: false; errors: FieldErrors } {
  const result = cachedSchema(fields).safeParse(raw);
  if (!result.success) {
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? "");
      if (name && !(name in errors)) errors[name] = issue.message as ErrorCode;
    }
    return { ok: false, errors };
  }
  const values: StepValues = {};
  for (const [k, v] of Object.entries(result.data)) if (v !== undefined) values[k] = v;
  return { ok: true, values };
}

/** Read a step's fields from posted form data; other posted names are ignored. */
export function readForm(fields: readonly FieldDef[], form: FormData): Record<string, FieldValue> {
  const raw: Record<string, FieldValue> = {};
  for (const field of fields) {
    if (field.kind === "checkboxes") raw[field.name] = form.getAll(field.name).map(String);
    else if (field.kind === "date" && DATE_PARTS.some((p) => form.has(`${field.name}-${p}`))) raw[field.name] = DATE_PARTS.map((p) => String(form.get(`${field.name}-${p}`) ?? ""));
    else raw[field.name] = String(form.get(field.name) ?? "");
  }
  return raw;
}
