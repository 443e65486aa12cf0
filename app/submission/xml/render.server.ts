/**
 * SubmissionDocument → XML after public/schemas/antrag-1.0.xsd.
 *
 * A generic walker: model keys become PascalCase elements, arrays become a container with one
 * child per item, and an object carrying `art` (the Fachdaten, each Änderung) becomes an element
 * named by its `art`, which is how the schema's xs:choice tells them apart. Values are written as
 * the model holds them (amounts stay "712.40", never numbers); undefined or empty optional values
 * are left out, as the schema's minOccurs="0" expects.
 */
import { SCHEMA_NAMESPACE, SCHEMA_VERSION, type SubmissionDocument } from "../document";
import { schemaOrder } from "./schema.server";

/** Element names that are not simply the capitalised key (acronyms). */
const NAMES: Record<string, string> = { sha256: "SHA256", iban: "IBAN" };
const KEYS: Record<string, string> = Object.fromEntries(Object.entries(NAMES).map(([k, v]) => [v, k]));
const elementName = (key: string) => NAMES[key] ?? key[0].toUpperCase() + key.slice(1);
/** The model key an element stands for. */
const keyOf = (element: string) => KEYS[element] ?? element[0].toLowerCase() + element.slice(1);

const keyed = new Map<string, readonly string[] | undefined>();
/** The model keys of an element's children, in schema order. */
function sequence(element: string): readonly string[] | undefined {
  if (!keyed.has(element)) keyed.set(element, schemaOrder().children.get(element)?.map(keyOf));
  return keyed.get(element);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** Anything XML 1.0 does not allow in text: C0 controls, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Character data for an element. Line ends become "\n" as any XML parser reports them (a raw "\r"
 * is dropped by one parser and kept by another, and a seal computed over the one fails with the
 * other); characters XML forbids (pasted control characters) become U+FFFD instead of making
 * the whole submission unparseable.
 */
export const text = (value: string) =>
  value.replace(/\r\n?/g, "\n").replace(/[&<>]/g, (c) => ESCAPES[c]).replace(NOT_XML_CHAR, "\uFFFD");

function appendValue(out: string[], name: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  if (Array.isArray(value)) {
    out.push(`<${name}>`);
    for (const item of value) appendValue(out, schemaOrder().items.get(name) ?? (item as { art: string }).art, item);
    out.push(`</${name}>`);
  } else if (typeof value === "object") {
    appendObject(out, name, value as Record<string, unknown>);
  } else {
    out.push(`<${name}>${text(String(value))}</${name}>`);
  }
}

function appendObject(out: string[], name: string, value: Record<string, unknown>): void {
  out.push(`<${name}>`);
  if (typeof value.art === "string" && value.art !== name) {
    // A choice (<Fachdaten><Veraenderungsmitteilung>): the wrapper holds one element named by `art`.
    appendObject(out, value.art, value);
  } else {
    const fields = sequence(name);
    if (!fields) throw new Error(`renderXml: no schema sequence for <${name}>`);
    for (const key of fields) appendValue(out, elementName(key), value[key]);
  }
  out.push(`</${name}>`);
}

/**
 * A model value with every object's keys in schema order (SEQUENCE) and undefined values left
 * out; keys the schema does not place (e.g. the model's own `nachweise`) follow in their order.
 * What the XML writes and the caseworker PDF prints read in this order, whatever order code
 * built the object in.
 */
export function inSchemaOrder<T>(name: string, value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => inSchemaOrder(schemaOrder().items.get(name) ?? (item as { art?: string })?.art ?? name, item)) as T;
  }
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  const element = typeof object.art === "string" && object.art !== name && sequence(object.art) ? object.art : name;
  const fields: readonly string[] = sequence(element) ?? [];
  const out: Record<string, unknown> = {};
  if ("art" in object) out.art = object.art;
  for (const key of [...fields, ...Object.keys(object).filter((k) => !fields.includes(k))]) {
    if (key === "art" || object[key] === undefined || !(key in object)) continue;
    out[key] = inSchemaOrder(elementName(key), object[key]);
  }
  return out as T;
}

/**
 * Model keys the schema has no element for (they would silently be left out of the XML), as
 * paths; `nachweise` of a flow's model is written once at document level and is not counted.
 */
export function unplacedKeys(name: string, value: unknown, path = name): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => unplacedKeys(schemaOrder().items.get(name) ?? (item as { art?: string })?.art ?? name, item, `${path}[${i}]`));
  }
  if (value === null || typeof value !== "object") return [];
  const object = value as Record<string, unknown>;
  const element = typeof object.art === "string" && object.art !== name && sequence(object.art) ? object.art : name;
  const fields = sequence(element) ?? [];
  return Object.entries(object).flatMap(([key, v]) => {
    if (key === "art" || v === undefined || (key === "nachweise" && path.split(".").length === 1)) return [];
    if (!fields.includes(key)) return [`${path}.${key}`];
    return unplacedKeys(elementName(key), v, `${path}.${key}`);
  });
}

/**
 * Plain string building: an XML builder library (xmlbuilder2) costs ~20 µs per element, 2.5 ms
 * per document, against a budget of 2 ms. Element names come only from SEQUENCE (an unknown `art`
 * throws), so only text needs escaping.
 */
export function renderXml(doc: SubmissionDocument): string {
  const out = [`<?xml version="1.0" encoding="UTF-8"?>\n<Antrag xmlns="${SCHEMA_NAMESPACE}" Schemaversion="${SCHEMA_VERSION}">`];
  for (const key of sequence("Antrag")!) appendValue(out, elementName(key), doc[key as keyof SubmissionDocument]);
  out.push("</Antrag>");
  return out.join("");
}
