/**
 * One typed value system for the documents (caseworker PDF and page, every flow): a model value
 * prints by the type the XSD gives its element — `Datum` as a German date, `Betrag` as an
 * amount, `IBAN` in groups, `xs:boolean` as ja/nein, a `Code…` as the German label of the
 * option the applicant chose. Where that label is comes from the binding that wrote the value
 * (the page field whose options it is); values only code derives name their page field in
 * DERIVED_CODES. Everything else prints as given.
 */
import { bindingsOf, scopeOf, under } from "~/flows/engine/binding";
import { stepNamespace } from "~/flows/engine/journey";
import type { FlowDefinition } from "~/flows/engine/types";
import { flowIds, getFlow } from "~/flows/registry.server";
import { countryName, isCountryCode, UNKNOWN_COUNTRY } from "~/i18n/countries";
import { formatAmount, formatDate, formatIban } from "./pdf/format.server";
import { dokumentText, fieldLabel, germanText } from "./pdf/labels.server";
import { elementName, elementPath } from "./xml/paths.server";
import { schemaOrder } from "./xml/schema.server";

/** Where a code's German labels are: a page field's options (namespace, step texts, field). */
type OptionSource = readonly [namespace: string, step: string, field: string];

/**
 * Code values no field binds, because code derives them: "Parent/Element" → the flow and the
 * page field whose options name them.
 */
const DERIVED_CODES: Record<string, readonly [flow: string, step: string, field: string]> = {
  // Erstantrag / renewal: the household's persons (mitgliedBasis), kinds of income and assets
  // recorded as list items, and how an earlier informal application was made.
  "Mitglied/Geschlecht": ["erstantrag", "person", "geschlecht"],
  "Mitglied/Beziehung": ["erstantrag", "haushalt", "beziehung"],
  "Leistungseinkommen/Leistungsart": ["erstantrag", "einkommen", "arten"],
  "Posten/Vermoegensart": ["erstantrag", "vermoegen", "arten"],
  "Antragstellung/Antragsweg": ["erstantrag", "formlos", "weg"],
  // The renewal's separate applications, one list item each.
  "GesonderterAntrag/Antragsart": ["weiterbewilligung", "gesondert", "antraege"],
};

let sources: Map<string, OptionSource> | undefined;

function source(flow: FlowDefinition, stepId: string, field: string): OptionSource | undefined {
  const step = flow.steps.find((s) => s.id === stepId);
  // A shared question (FieldBase.texts) has its options' texts in one place for every page asking it.
  const shared = step?.fields.find((f) => f.name === field)?.texts;
  if (step && shared?.includes(":")) return [shared.split(":")[0], shared.split(":")[1], field];
  return step ? [stepNamespace(flow, step), shared ?? ((step.kind === "question" && step.texts) || step.id), field] : undefined;
}

/** "Parent/Element" → its option source, from every flow's bindings (built once). */
function optionSources(): Map<string, OptionSource> {
  if (sources) return sources;
  const found = new Map<string, OptionSource>();
  // Declared first: where another flow binds the same element (the VÄM's assets of a new person,
  // "Posten/Vermoegensart"), the documents keep the labels declared here.
  for (const [key, [flowId, step, field]] of Object.entries(DERIVED_CODES)) {
    const s = getFlow(flowId) && source(getFlow(flowId)!, step, field);
    if (s && !found.has(key)) found.set(key, s);
  }
  for (const flow of flowIds().map((id) => getFlow(id)!)) {
    for (const step of flow.steps) {
      if (!step.model) continue;
      for (const field of step.fields) {
        if (!("options" in field)) continue;
        for (const binding of bindingsOf(field)) {
          if (!("path" in binding)) continue;
          const path = elementPath(flow.modelElement, under(scopeOf(step), binding.path));
          const key = path.slice(-2).join("/");
          const s = source(flow, step.id, field.name);
          if (s && !found.has(key)) found.set(key, s);
        }
      }
    }
  }
  sources = found;
  return found;
}

/** The German label of a code value of element `parent/element`, or undefined. */
export function codeLabel(parent: string, element: string, code: string): string | undefined {
  const s = optionSources().get(`${parent}/${element}`);
  return (s && germanText(s[0], `steps.${s[1]}.fields.${s[2]}.options.${code}`)) ?? germanText("dokument", `codes.${element[0].toLowerCase()}${element.slice(1)}.${code}`);
}

/** The XSD type of element `element` inside `parent` ("Datum", "Betrag", "CodeGeschlecht", "xs:boolean", …). */
export const valueType = (parent: string, element: string) => schemaOrder().valueTypes.get(parent)?.get(element);

/** A model value as the caseworker reads it, by its element's type. */
export function displayValue(parent: string, element: string, value: unknown): string {
  if (typeof value === "boolean") return dokumentText(value ? "ja" : "nein");
  const s = String(value);
  const type = valueType(parent, element) ?? "";
  if (type === "Datum") return formatDate(s);
  if (type === "Betrag") return formatAmount(s);
  if (type === "IBAN" || element === "IBAN") return formatIban(s);
  // A country code in German (ADR 0030); free text of documents made before prints as given.
  if (type === "Staat") return s === UNKNOWN_COUNTRY ? dokumentText("staatUngeklaert") : isCountryCode(s) ? countryName(s, "de") : s;
  if (type.startsWith("Code") || optionSources().has(`${parent}/${element}`)) return codeLabel(parent, element, s) ?? s;
  return s;
}

export interface Row { label: string; value: string }

/**
 * A model object (element `element` of the XSD) as rows; nested objects flatten with
 * "Teil – Feld" labels, lists number their items. Values print by their element's type.
 */
export function modelRows(object: object, element: string, prefix?: string, skip: readonly string[] = []): Row[] {
  return Object.entries(object).flatMap(([field, value]): Row[] => {
    if (skip.includes(field) || field === "art" || value === undefined || value === null || value === "") return [];
    const label = prefix ? `${prefix} – ${fieldLabel(field)}` : fieldLabel(field);
    const child = elementName(field);
    if (Array.isArray(value)) {
      if (value.length === 0) return [];
      if (value.every((v) => typeof v !== "object")) return [{ label, value: value.map((v) => displayValue(element, child, v)).join(", ") }];
      return value.flatMap((item: Record<string, unknown>, i) => {
        const itemLabel = typeof item.art === "string" ? `${dokumentText(`einkommensarten.${item.art}`)} ${i + 1}` : `${label} ${i + 1}`;
        const itemElement = typeof item.art === "string" ? item.art : schemaOrder().items.get(child) ?? child;
        return modelRows(item, itemElement, itemLabel);
      });
    }
    if (typeof value === "object") return modelRows(value, child, label);
    return [{ label, value: displayValue(element, child, value) }];
  });
}
