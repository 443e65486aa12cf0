/**
 * A sealed submission's XML → the model it was rendered from: the inverse of render.server.ts,
 * read by the same schema order (schema.server.ts). Element names become model keys, list
 * containers arrays, a choice element (Fachdaten, an Einkommen) an object with its `art`, and
 * xs:boolean / integer values booleans and numbers again; everything else stays a string as the
 * model holds it. Used for the renewal's prefill (ADR 0028), after the seal was checked.
 */
import { XmlDocument, type XmlElement, type XmlTreeNode } from "libxml2-wasm";
import { schemaOrder } from "./schema.server";

const KEYS: Record<string, string> = { SHA256: "sha256", IBAN: "iban" };
const keyOf = (element: string) => KEYS[element] ?? element[0].toLowerCase() + element.slice(1);
const INTEGER = /^xs:(positiveInteger|nonNegativeInteger|integer|int)$/;

function elements(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c: XmlTreeNode | null = e.firstChild; c; c = c.next) {
    const child = c as XmlElement;
    if (child.attrs !== undefined && child.name) out.push(child);
  }
  return out;
}

function scalar(e: XmlElement): unknown {
  const text = e.content;
  const type = schemaOrder().scalars.get(e.name) ?? "";
  if (type === "xs:boolean") return text === "true";
  if (INTEGER.test(type)) return Number(text);
  return text;
}

function value(e: XmlElement): unknown {
  const order = schemaOrder();
  const kids = elements(e);
  if (order.items.has(e.name)) return kids.map(value);
  if (order.choiceLists.has(e.name)) return kids.map((k) => ({ art: k.name, ...(value(k) as object) }));
  // A name can be an element with children in one place and a value in another (Familienstand).
  if (!order.children.has(e.name) || kids.length === 0) return scalar(e);
  const out: Record<string, unknown> = {};
  for (const k of kids) out[keyOf(k.name)] = value(k);
  return out;
}

export interface ParsedSubmission {
  kopf: { referenz: string; verfahren: string; eingang: string; jobcenter: { id: string } };
  /** The flow's model, with `art` = its element in <Fachdaten>. */
  fachdaten: Record<string, unknown> & { art: string };
}

/** Throws on XML that is not one of our <Antrag> documents. */
export function parseSubmissionXml(xml: string): ParsedSubmission {
  const doc = XmlDocument.fromString(xml);
  try {
    const root = doc.root;
    if (root.name !== "Antrag") throw new Error(`not an <Antrag> document: <${root.name}>`);
    const parts = Object.fromEntries(elements(root).map((e) => [e.name, e]));
    if (!parts.Kopf || !parts.Fachdaten) throw new Error("<Antrag> without Kopf or Fachdaten");
    const chosen = elements(parts.Fachdaten)[0];
    if (!chosen) throw new Error("empty <Fachdaten>");
    return {
      kopf: value(parts.Kopf) as ParsedSubmission["kopf"],
      fachdaten: { art: chosen.name, ...(value(chosen) as object) },
    };
  } finally {
    doc.dispose();
  }
}
