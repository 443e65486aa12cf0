/**
 * Contracts checked, not hoped (#14): the XSD the jobcenter validates against and the questions
 * the applicant answers must agree. For every field a step binds into the model (ADR 0026),
 * the schema element at that path must exist and have the field's type: a code list equal to
 * the field's options, a boolean for a yes/no answer, Datum for a date, Betrag for an amount.
 * Options that stand for list items ("[vermoegensart=fahrzeug]") and the constants a page's item
 * carries must be values the schema knows.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flowIds, requireFlow } from "~/flows/registry.server";
import { bindingsOf, under } from "~/flows/engine/binding";
import { unplacedKeys } from "~/submission/xml/render.server";
import { declarations, readSchemaTree, schemaOrder, type SchemaNode } from "~/submission/xml/schema.server";
import { erstantragDocuments, personaDocuments } from "../fixtures/documents";
import type { Binding, Step } from "~/flows/engine/types";

type Node = SchemaNode;
const xsd = readSchemaTree(readFileSync("public/schemas/antrag-1.0.xsd", "utf8"));
const named = (tag: string) => new Map(xsd.children.filter((n) => n.tag === tag).map((n) => [n.attrs.name, n]));
const complexTypes = named("complexType");
const simpleTypes = named("simpleType");

/** A declaration's type: a named complex or simple type, an inline complex type, or a built-in name. */
type Resolved = { complex: Node } | { simple: string };
function typeOf(decl: Node): Resolved {
  const inline = decl.children.find((c) => c.tag === "complexType");
  if (inline) return { complex: inline };
  const name = decl.attrs.type;
  const complex = complexTypes.get(name);
  return complex ? { complex } : { simple: name };
}

const elementName = (key: string) => ({ iban: "IBAN", sha256: "SHA256" } as Record<string, string>)[key] ?? key[0].toUpperCase() + key.slice(1);

/** Resolves a model path (binding.ts syntax, indices already filled in) from a flow's Fachdaten element. */
function resolvePath(root: string, segments: string[]): Resolved | string {
  let current: Resolved = { complex: complexTypes.get(root)! };
  for (const segment of segments) {
    if (!("complex" in current)) return `"${segment}" below a simple type`;
    const decls = declarations(current.complex);
    const selector = /^\[(\w+)=([^\]]+)\]$/.exec(segment);
    let decl: Node | undefined;
    if (selector || /^\d+$/.test(segment)) {
      // A list item: the element named by `art`, else the list's only item element.
      const hasKey = (d: Node) => { const t = typeOf(d); return "complex" in t && declarations(t.complex).some((k) => k.attrs.name === elementName(selector![1])); };
      decl = selector?.[1] === "art" ? decls.find((d) => d.attrs.name === selector[2])
        : selector ? decls.find(hasKey) : decls.length === 1 ? decls[0] : undefined;
      if (!decl) return `no list item for ${segment}`;
      if (selector && selector[1] !== "art") {
        const item = typeOf(decl);
        const key = "complex" in item ? declarations(item.complex).find((d) => d.attrs.name === elementName(selector[1])) : undefined;
        if (!key) return `no ${selector[1]} in list item`;
        const values = enumeration(typeOf(key));
        if (!values?.includes(selector[2])) return `${selector[2]} is not a value of ${key.attrs.type}`;
      }
    } else {
      decl = decls.find((d) => d.attrs.name === elementName(segment));
      if (!decl) return `no element ${elementName(segment)}`;
    }
    current = typeOf(decl);
  }
  return current;
}

function enumeration(t: Resolved): string[] | undefined {
  if (!("simple" in t)) return undefined;
  const simple = simpleTypes.get(t.simple);
  const restriction = simple?.children.find((c) => c.tag === "restriction");
  const values = restriction?.children.filter((c) => c.tag === "enumeration").map((c) => c.attrs.value);
  return values && values.length > 0 ? values : undefined;
}

/** A list's item type (a checkbox list bound as a whole, e.g. Hinweise → Hinweis). */
const itemType = (t: Resolved): Resolved => ("complex" in t && declarations(t.complex).length === 1 ? typeOf(declarations(t.complex)[0]) : t);

/** The absolute model path of a step's scope for member 0, with its item as a selector. */
function scopeOf(step: Step): string[] {
  const m = step.model!;
  // A member's place (`{i}`, `{g}`, or the n of `[key=value]#n`) stands for member 0.
  const base = m.at.split(".").filter(Boolean).map((s) => s.replace("{i}", "0").replace("{g}", "0").replace(/#\d+$/, ""));
  if (m.create !== "item") return base;
  const art = m.item?.art;
  const [key, value] = art ? ["art", art] : Object.entries(m.item ?? {})[0] ?? [];
  return [...base, key ? `[${key}=${value}]` : "0"];
}

interface Check { where: string; problem?: string }

function checks(flowId: string): Check[] {
  const flow = requireFlow(flowId);
  const root = flow.modelElement;
  const out: Check[] = [];
  for (const step of flow.steps) {
    if (!step.model) continue;
    const scope = scopeOf(step);
    if (step.model.create === "item") {
      const resolved = resolvePath(root, scope);
      out.push({ where: `${step.id} (its item)`, problem: typeof resolved === "string" ? resolved : undefined });
    }
    for (const field of step.fields) {
      for (const b of bindingsOf(field)) {
        const where = `${step.id}.${field.name}`;
        if ("options" in b) {
          for (const [option, meaning] of Object.entries(b.options)) {
            const paths = "flag" in meaning ? [meaning.flag] : typeof meaning.present === "string" ? [meaning.present] : [...meaning.present];
            for (const p of paths) {
              const resolved = resolvePath(root, under(scope, p));
              const problem = typeof resolved === "string" ? resolved
                : "flag" in meaning && !("simple" in resolved && resolved.simple === "xs:boolean") ? "a flag must be xs:boolean" : undefined;
              out.push({ where: `${where} option ${option}`, problem });
            }
          }
          continue;
        }
        const resolved = resolvePath(root, under(scope, b.path));
        if (typeof resolved === "string") { out.push({ where, problem: resolved }); continue; }
        const type = field.kind === "checkboxes" ? itemType(resolved) : resolved;
        let problem: string | undefined;
        if (b.as === "yesNo") problem = "simple" in type && type.simple === "xs:boolean" ? undefined : "a yes/no answer must be xs:boolean";
        else if (field.kind === "radio" || field.kind === "checkboxes") {
          const values = enumeration(type);
          const options = field.options.filter((o) => o !== b.none);
          if (!values) problem = `options ${options.join(",")} but no code list in the schema`;
          else if ([...values].sort().join(",") !== [...options].sort().join(",")) problem = `options [${options.join(",")}] ≠ schema [${values.join(",")}]`;
        } else if (field.kind === "date") problem = "simple" in type && type.simple === "Datum" ? undefined : "a date must be Datum";
        else if (field.kind === "money") problem = "simple" in type && type.simple === "Betrag" ? undefined : "an amount must be Betrag";
        else if (field.kind === "country") problem = "simple" in type && type.simple === "Staat" ? undefined : "a country must be Staat";
        out.push({ where, problem });
      }
    }
  }
  return out;
}

describe("the schema and the questions agree", () => {
  it.each(flowIds())("%s: every bound field has its element, type and code list in the XSD", (flowId) => {
    expect(schemaOrder().children.get("Fachdaten"), "the schema's Fachdaten choice").toContain(requireFlow(flowId).modelElement);
    const all = checks(flowId);
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((c) => c.problem).map((c) => `${c.where}: ${c.problem}`)).toEqual([]);
  });

  it("finds a mismatch when there is one", () => {
    // A code list the schema does not have, and an element that does not exist.
    expect(resolvePath("Erstantrag", ["unterkunft", "wohnform"])).toEqual({ simple: "CodeWohnform" });
    expect(enumeration({ simple: "CodeWohnform" })).toEqual(["miete", "untermiete", "eigentum", "heim"]);
    expect(resolvePath("Erstantrag", ["unterkunft", "kaltmiete"])).toBe("no element Kaltmiete");
    expect(resolvePath("Erstantrag", ["vermoegen", "vermoegensposten", "[vermoegensart=yacht]"])).toMatch(/yacht is not a value/);
  });
});

describe("the model and the schema agree", () => {
  it("every value of every persona's model has its element in the schema (nothing vanishes from the XML)", () => {
    const documents = [...erstantragDocuments(), ...personaDocuments()].map((d) => d.document);
    expect(documents.length).toBeGreaterThan(10);
    for (const d of documents) expect(unplacedKeys(d.fachdaten.art, d.fachdaten)).toEqual([]);
    expect(unplacedKeys("Erstantrag", { art: "Erstantrag", unterkunft: { kaltmiete: "1.00" } })).toEqual(["Erstantrag.unterkunft.kaltmiete"]);
  });
});

/**
 * The coverage table (docs/coverage/erstantrag.md) names, per official question, the flow field
 * that asks it and the XML element the answer lands in. The XML column is checked against the
 * bindings: for every row whose flow field is bound, the element the binding writes must be the
 * one the table names (predicates like [PersonNr=1] aside).
 */
describe("the coverage table and the bindings agree", () => {
  const order = schemaOrder();
  const itemElement = (container: string, segment: string): string | undefined => {
    const selector = /^\[(\w+)=([^\]]+)\]$/.exec(segment);
    if (selector?.[1] === "art") return selector[2];
    if (order.items.has(container)) return order.items.get(container);
    const key = selector ? elementName(selector[1]) : undefined;
    return order.children.get(container)?.find((child) => key && order.children.get(child)?.includes(key));
  };
  const xmlPath = (segments: string[]): string => {
    const out = ["Erstantrag"];
    for (const s of segments) {
      const current = out.at(-1)!;
      out.push(/^\d+$/.test(s) || s.startsWith("[") ? itemElement(current, s) ?? "?" : elementName(s));
    }
    return out.join("/");
  };

  it("every bound flow field in the table lands where the table says", () => {
    const flow = requireFlow("erstantrag");
    const rows = readFileSync("docs/coverage/erstantrag.md", "utf8").split("\n").filter((l) => l.startsWith("| ") && l.split("|").length >= 7);
    let checked = 0;
    const problems: string[] = [];
    for (const row of rows) {
      const [, , , flowField, xml] = row.split("|");
      const field = /`(\w+)\.(\w+)`/.exec(flowField);
      const step = field && flow.steps.find((s) => s.id === field[1]);
      const def = step?.fields.find((f) => f.name === field![2]);
      if (!step?.model || !def) continue;
      const binding = bindingsOf(def).find((b): b is Extract<Binding, { path: string }> => "path" in b);
      if (!binding) continue;
      const bound = xmlPath(under(scopeOf(step), binding.path));
      // A list answer: the table names its items' element.
      const expected = def.kind === "checkboxes" ? `${bound}/${order.items.get(bound.split("/").at(-1)!) ?? "?"}` : bound;
      const named = [...xml.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\[[^\]]*\]/g, ""));
      checked++;
      if (!named.includes(expected)) problems.push(`${field![0]}: table says ${named.join(" / ") || "nothing"}, binding writes ${expected}`);
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
