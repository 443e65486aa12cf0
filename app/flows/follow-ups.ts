/** The flows a receipt offers to continue in (FlowDefinition.followUps). */
import type { Jobcenter } from "~/tenants/jobcenter";
import type { FlowDefinition, FollowUp } from "./engine/types";

/** Those the submission calls for and its jobcenter offers (a jobcenter may not run BuT here). */
export function followUpsFor(flow: FlowDefinition, model: unknown, jobcenter: Pick<Jobcenter, "leistungen">): FollowUp[] {
  return (flow.followUps ?? []).filter((f) => (f.when?.(model) ?? true) && jobcenter.leistungen.includes(f.flowId));
}
