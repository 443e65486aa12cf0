/** A submission's own part as outline nodes, from its flow's declaration; shared by PDF and caseworker page. */
import { requireFlow } from "~/flows/registry.server";
import type { Fachdaten } from "./document";
import { Outline, type OutlineNode } from "./outline";

export function flowOutline(flowId: string, model: Fachdaten): OutlineNode[] {
  const outline = new Outline();
  requireFlow(flowId).document.outline(model, outline);
  return outline.nodes;
}

/** What the receipt lists as sent, by the submission's flow. */
export function submittedItems(flowId: string, model: Fachdaten) {
  return requireFlow(flowId).document.receiptItems(model);
}

/** "Nachname, Vorname" of the person who applied or reported. */
export function applicantName(flowId: string, model: Fachdaten): string {
  const p = requireFlow(flowId).document.person(model);
  return `${p.nachname}, ${p.vorname}`;
}

/** The flow's points for the caseworker's attention (FlowDocument.attention). */
export function flowAttention(flowId: string, model: Fachdaten, inArea: (postcode: string) => boolean) {
  return requireFlow(flowId).document.attention?.(model, { inArea }) ?? [];
}
