/**
 * Which texts a flow page needs, across the flow's own namespace and its building blocks'
 * (ADR 0026): a step's texts live in its block's namespace, whichever flow asks it.
 */
import { fixedT, pageTexts, PAGE_TEXTS } from "~/i18n/i18next.server";
import { countryBundle } from "~/i18n/countries";
import type { Language } from "~/i18n/config";
import { mergeBundles, type Bundle } from "~/i18n/translate";
import type { ChecklistGroup } from "~/uploads/checklist";
import { alterAm } from "~/rechtsstand/parameter";
import { fieldTextBase, todayIso } from "./engine/fields";
import { findStep, flowNamespaces, stepNamespace } from "./engine/journey";
import type { FieldDef, FlowDefinition, GroupStep, StepValues } from "./engine/types";

/** Every step text and the Nachweis names of a flow (check-answers shows every page). */
export function flowTexts(lng: Language, flow: FlowDefinition): Bundle {
  const texts = flowNamespaces(flow).reduce<Bundle>((all, ns) => mergeBundles(all, pageTexts(lng, ns, PAGE_TEXTS)), {});
  return mergeBundles(texts, countryTexts(lng, flow.steps.flatMap((s) => s.fields)));
}

/** Texts of building-block questions a page borrows (FieldBase.texts "kdu:miete"). */
export function borrowedTexts(lng: Language, fields: readonly FieldDef[]): Bundle {
  return fields.reduce<Bundle>((all, f) => {
    if (!f.texts?.includes(":")) return all;
    const [ns, path] = f.texts.split(":");
    return mergeBundles(all, pageTexts(lng, ns, [`steps.${path}.fields.${f.name}`]));
  }, {});
}

/** The country names in the page's language, when the page has a country field (ADR 0030). */
export function countryTexts(lng: Language, fields: readonly FieldDef[]): Bundle {
  if (!fields.some((f) => f.kind === "country")) return {};
  return { countries: countryBundle(lng, fixedT(lng)("country.unknown")) };
}

/**
 * What a repeating group's list shows under each entry (GroupStep.itemDetail), in the page's
 * language: a choice as its option's text, a date as the age it gives ("Ehepartner · Alter: 41").
 */
export function itemDetails(lng: Language, flow: FlowDefinition, step: GroupStep, items: readonly StepValues[], today = todayIso()): string[] {
  if (!step.itemDetail?.length) return [];
  const t = fixedT(lng);
  const ns = stepNamespace(flow, step);
  return items.map((item) => step.itemDetail!.flatMap((name) => {
    const field = step.fields.find((f) => f.name === name);
    const value = item[name];
    if (!field || typeof value !== "string" || value === "") return [];
    if (field.kind === "date") return [t("memberAge", { age: alterAm(value, today) })];
    if (field.kind === "radio") return [t(`${fieldTextBase(`${ns}:steps.${step.id}`, field, ns)}.options.${value}`)];
    return [value];
  }).join(" · "));
}

/** The key of a step's title, in the namespace it lives in. */
export function stepTitleKey(flow: FlowDefinition, stepId: string): string {
  const step = findStep(flow, stepId);
  return `${step ? stepNamespace(flow, step) : flow.namespace}:steps.${stepId}.title`;
}

/** A Nachweis checklist page: the Nachweis names and the titles of the pages that asked for them. */
export function checklistTexts(lng: Language, flow: FlowDefinition, checklist: readonly { reason: string }[]): Bundle {
  let texts = pageTexts(lng, flow.namespace, ["nachweise"]);
  for (const reason of new Set(checklist.map((n) => n.reason))) {
    const [ns, key] = stepTitleKey(flow, reason).split(":");
    texts = mergeBundles(texts, pageTexts(lng, ns, [key]));
  }
  return texts;
}

/** Checklist groups with the key of the title of the page that asked for them. */
export function titledGroups(flow: FlowDefinition, groups: ChecklistGroup[]): (ChecklistGroup & { reasonTitle: string })[] {
  return groups.map((g) => ({ ...g, reasonTitle: stepTitleKey(flow, g.reason) }));
}
