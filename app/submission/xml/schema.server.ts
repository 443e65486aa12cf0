/**
 * The order of the XML, read from the schema itself (public/schemas/antrag-1.0.xsd): for every
 * complex element, the names of its child elements in xs:sequence order, and for every list
 * container its one item element. The renderer and the model's key order follow this, so a new
 * flow adds its elements to the XSD only — there is no second table to keep in step (ADR 0026).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XmlDocument, type XmlElement, type XmlTreeNode } from "libxml2-wasm";
import { SCHEMA_PATH } from "../document";

/** An element of the XSD as plain data. */
export interface SchemaNode { tag: string; attrs: Record<string, string>; children: SchemaNode[] }
type Node = SchemaNode;

export interface SchemaOrder {
  /** Element name → its child element names, in order (every complex element of the schema). */
  children: ReadonlyMap<string, readonly string[]>;
  /** List element name → the element name of its items, where items carry no `art`. */
  items: ReadonlyMap<string, string>;
  /** List elements whose items are a choice, each named by its `art` (Einkommen, Aenderungen). */
  choiceLists: ReadonlySet<string>;
  /** Simple elements → their base XSD type (to read values back: xs:boolean, integers). */
  scalars: ReadonlyMap<string, string>;
  /** Complex element → its simple children's declared type names ("Datum", "Betrag", "CodeGeschlecht", "xs:boolean"). */
  valueTypes: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function tree(element: XmlElement): Node {
  const children: Node[] = [];
  for (let c: XmlTreeNode | null = element.firstChild; c; c = c.next) {
    const e = c as XmlElement;
    if (e.attrs !== undefined && e.name) children.push(tree(e));
  }
  return { tag: element.name, attrs: Object.fromEntries(element.attrs.map((a) => [a.name, a.value])), children };
}

/** Element declarations directly inside a complex type (through sequence and choice, not into elements). */
export function declarations(type: Node): Node[] {
  return type.children.flatMap((c) => (c.tag === "element" ? [c] : ["sequence", "choice", "all"].includes(c.tag) ? declarations(c) : []));
}

/** The XSD's root element as plain data. */
export function readSchemaTree(xsd: string): SchemaNode {
  const doc = XmlDocument.fromString(xsd);
  try { return tree(doc.root); } finally { doc.dispose(); }
}

export function readSchemaOrder(xsd: string): SchemaOrder {
  const root = readSchemaTree(xsd);
  const types = new Map(root.children.filter((n) => n.tag === "complexType").map((n) => [n.attrs.name, n]));
  const children = new Map<string, readonly string[]>();
  const items = new Map<string, string>();
  const choiceLists = new Set<string>();
  const scalars = new Map<string, string>();
  const valueTypes = new Map<string, Map<string, string>>();
  const simpleBase = new Map(root.children.filter((n) => n.tag === "simpleType").map((n) => [n.attrs.name, n.children.find((c) => c.tag === "restriction")?.attrs.base ?? ""]));
  const visit = (decl: Node) => {
    const type = decl.children.find((c) => c.tag === "complexType") ?? types.get(decl.attrs.type);
    if (!type) {
      const t = decl.attrs.type ?? "";
      scalars.set(decl.attrs.name, simpleBase.get(t) || t);
      return;
    }
    if (type.children.some((c) => c.tag === "choice" && c.attrs.maxOccurs === "unbounded")) choiceLists.add(decl.attrs.name);
    const name = decl.attrs.name;
    const decls = declarations(type);
    const list = decls.map((d) => d.attrs.name);
    const known = children.get(name);
    if (known && known.join() !== list.join()) throw new Error(`${SCHEMA_PATH}: <${name}> has two different contents`);
    if (known) return;
    children.set(name, list);
    valueTypes.set(name, new Map(decls.filter((d) => d.attrs.type && !types.has(d.attrs.type)).map((d) => [d.attrs.name, d.attrs.type])));
    if (decls.length === 1 && (decls[0].attrs.maxOccurs === "unbounded" || Number(decls[0].attrs.maxOccurs) > 1)) items.set(name, list[0]);
    decls.forEach(visit);
  };
  root.children.filter((n) => n.tag === "element").forEach(visit);
  return { children, items, choiceLists, scalars, valueTypes };
}

let order: SchemaOrder | undefined;

/** The portal's schema order, read once. */
export function schemaOrder(): SchemaOrder {
  order ??= readSchemaOrder(readFileSync(resolve(process.cwd(), "public", `.${SCHEMA_PATH}`), "utf8"));
  return order;
}
