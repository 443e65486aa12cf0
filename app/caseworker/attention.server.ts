/**
 * "Zu beachten" on the submission page (ADR 0029): what a caseworker has to look at before
 * reading the answers — the seal check, missing Nachweise, new documents, an open
 * Nachforderung, what the flow computed from the answers (FlowDocument.attention), and free
 * texts that are probably not German. Each point names its German text by code
 * (`sachbearbeitung:hinweise.<code>`) and, where useful, the place on the page it is about.
 */
import type { Jobcenter } from "~/tenants/jobcenter";
import { jobcenterForPostcode } from "~/tenants/jobcenter";
import type { Fachdaten } from "~/submission/document";
import { flowAttention } from "~/submission/flow-outline.server";
import type { SealResult } from "./texts";
import { probablyNotGerman } from "./language-guess";
import type { Section } from "./view.server";

export interface AttentionItem {
  code: string;
  /** "warnung": needs a decision or a look; "ok": checked and fine. */
  level: "warnung" | "ok";
  values?: Record<string, string | number>;
  /** Details listed under the point (missing Nachweise, marked answers). */
  items?: string[];
  /** An anchor on the page. */
  href?: string;
}

export interface AttentionInput {
  flow: string;
  model: Fachdaten;
  jobcenter: Jobcenter;
  language: string;
  seals: { pdf: SealResult; xml: SealResult };
  /** Checklist slots without a file, as labels. */
  missing: string[];
  /** Whether the submission's checklist has any slot at all. */
  hasChecklist: boolean;
  flagged: boolean;
  openRequest?: { frist: string; overdue: boolean };
  sections: Section[];
}

/** Marks answers that are probably not German (in place) and returns their labels. */
export function markForeignText(sections: Section[], language: string): string[] {
  const marked: string[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind === "subheading") continue;
      const text = block.kind === "row" ? block.value : block.text;
      if (!probablyNotGerman(text, language)) continue;
      block.foreign = true;
      marked.push(block.kind === "row" ? `${section.heading} – ${block.label}` : section.heading);
    }
  }
  return marked;
}

export function caseAttention(input: AttentionInput): AttentionItem[] {
  const out: AttentionItem[] = [];
  const { seals } = input;
  if (seals.pdf === "gueltig" && seals.xml === "gueltig") out.push({ code: "siegelGueltig", level: "ok", href: "#dokumente" });
  else out.push({ code: "siegelPruefen", level: "warnung", href: "#dokumente" });
  if (input.missing.length > 0) out.push({ code: "nachweiseFehlen", level: "warnung", values: { count: input.missing.length }, items: input.missing, href: "#anlagen" });
  else if (input.hasChecklist) out.push({ code: "nachweiseVollstaendig", level: "ok", href: "#anlagen" });
  if (input.flagged) out.push({ code: "neueUnterlagen", level: "warnung", href: "#anlagen" });
  if (input.openRequest) out.push({ code: input.openRequest.overdue ? "fristUeberschritten" : "fristLaeuft", level: "warnung", values: { frist: input.openRequest.frist }, href: "#nachforderung-title" });
  const inArea = (postcode: string) => jobcenterForPostcode([input.jobcenter], postcode) !== undefined;
  for (const a of flowAttention(input.flow, input.model, inArea)) out.push({ code: a.code, level: "warnung", values: a.values });
  const foreign = markForeignText(input.sections, input.language);
  if (foreign.length > 0) out.push({ code: "fremdsprache", level: "warnung", values: { count: foreign.length }, items: foreign, href: "#angaben" });
  // Warnings first, then what was checked and is fine.
  return [...out.filter((a) => a.level === "warnung"), ...out.filter((a) => a.level === "ok")];
}
