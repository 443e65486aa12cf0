/**
 * Which office receives, seals and sees a submission (ADR 0034): the one the flow names from the
 * answers (BuT: by the family's legal regime), else the jobcenter the postcode found.
 */
import type { Jobcenter } from "~/tenants/jobcenter";
import type { AnswerView, FlowDefinition } from "./engine/types";

export function recipientOf(flow: Pick<FlowDefinition, "recipient">, answers: AnswerView, found: Jobcenter): string {
  return flow.recipient?.(answers, found) ?? found.id;
}
