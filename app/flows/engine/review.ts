/**
 * Check-your-answers rows, generated from the flow: every reachable step's answered fields,
 * in the applicant's language, each with a change link that returns to the review.
 */
import { fieldTextBase } from "./fields";
import type { T } from "~/i18n/translate";
import { formatDate, formatIban, formatMoney } from "~/i18n/format";
import { stepUrl } from "../urls";
import type { FieldDef, FieldValue, StepValues } from "./types";

/** One row of check-your-answers: a label, the answer as the applicant reads it, and where to change it. */
export interface SummaryRow {
  key: string;
  label: string;
  value: string | string[];
  changeHref?: string;
}

export interface ReviewStep {
  id: string;
  /** The page's key ("<step>/<index>" for a per-person page); default the id. */
  key?: string;
  /** Field texts shared with another step. */
  texts?: string;
  /** Namespace of the step's texts (its block's), if not the flow's. */
  namespace?: string;
  kind: "question" | "group";
  section: string;
  fields: readonly FieldDef[];
  values?: StepValues;
  items?: StepValues[];
  itemLabel?: readonly string[];
}

export function formatValue(field: FieldDef, value: FieldValue, t: T, textBase: string, lng: string): string | string[] {
  const option = (o: string) => t(`${fieldTextBase(textBase, field, textBase.split(":")[0])}.options.${o}`);
  switch (field.kind) {
    case "checkboxes": return (value as string[]).map(option);
    case "radio": return option(value as string);
    // The names of the page's language, from its `countries` bundle (ADR 0030).
    case "country": return t(`countries:${value as string}`);
    case "date": return formatDate(value as string, lng);
    case "money": return formatMoney(value as string, lng);
    case "iban": return formatIban(value as string);
    default: return value as string;
  }
}

/** Rows of one topic (a multi-question page within a person's section, titled by the page). */
export interface ReviewBlock {
  topic?: string;
  rows: SummaryRow[];
}

/**
 * A person's section gathers many pages, and their labels repeat ("Arbeitgeber" of the last job
 * and of the current one): there each multi-question page becomes a block titled by the page.
 */
export function reviewBlocks(steps: readonly ReviewStep[], section: string, rows: SummaryRow[], t: T, namespace: string): ReviewBlock[] {
  if (!section.startsWith("member-")) return [{ rows }];
  const blocks: ReviewBlock[] = [];
  for (const row of rows) {
    const step = steps.find((s) => row.key.startsWith(`${s.key ?? s.id}-`));
    const topic = step && step.fields.length > 1 ? t(`${step.namespace ?? namespace}:steps.${step.id}.title`) : undefined;
    const last = blocks.at(-1);
    if (last && last.topic === topic) last.rows.push(row);
    else blocks.push({ topic, rows: [row] });
  }
  return blocks;
}

export function reviewSections(
  flowId: string, namespace: string, steps: readonly ReviewStep[], t: T, lng: string,
): { section: string; rows: SummaryRow[] }[] {
  const sections: { section: string; rows: SummaryRow[] }[] = [];
  for (const step of steps) {
    const key = step.key ?? step.id;
    const ns = step.namespace ?? namespace;
    const base = `${ns}:steps.${step.texts ?? step.id}`;
    const title = t(`${ns}:steps.${step.id}.title`);
    let rows: SummaryRow[];
    if (step.kind === "group") {
      rows = (step.items ?? []).map((item, i) => ({
        key: `${key}-${i}`,
        label: `${t(`${base}.itemTitle`)} ${i + 1}: ${(step.itemLabel ?? []).map((f) => item[f]).join(" ")}`,
        value: step.fields.filter((f) => item[f.name] !== undefined && !(step.itemLabel ?? []).includes(f.name))
          .map((f) => `${t(`${fieldTextBase(base, f, ns)}.label`)}: ${[formatValue(f, item[f.name], t, base, lng)].flat().join(", ")}`),
        changeHref: stepUrl(flowId, key, { index: i, fromReview: true }),
      }));
    } else {
      rows = step.fields.filter((f) => step.values?.[f.name] !== undefined).map((f) => ({
        key: `${key}-${f.name}`,
        // A one-question step is asked by its title ("What has changed?"), not by its field label.
        label: step.fields.length === 1 ? title : t(`${fieldTextBase(base, f, ns)}.label`),
        value: formatValue(f, step.values![f.name], t, base, lng),
        changeHref: stepUrl(flowId, key, { fromReview: true }),
      }));
    }
    // Per-person pages come person by person in several runs; each person gets one section.
    const current = sections.find((s) => s.section === step.section);
    if (current) current.rows.push(...rows);
    else sections.push({ section: step.section, rows });
  }
  return sections.filter((s) => s.rows.length > 0);
}
