/**
 * What every flow route needs first: the flow, this browser's draft for it, the jobcenter.
 * Throws 404 for an unknown flow and redirects to the flow's start page when there is no
 * (longer a) draft, so routes never deal with missing state themselves.
 */
import { redirect } from "@remix-run/node";
import { env } from "~/config/env.server";
import { db, type DB } from "~/store/db.server";
import { loadDraft, type Draft, type DraftHandle } from "~/store/drafts.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { draftHandle, getSession, type ApplicantSession } from "~/security/session.server";
import { publicJobcenter, type PublicJobcenter } from "~/tenants/jobcenter";
import { viewOf } from "./engine/journey";
import type { Answers, FlowDefinition } from "./engine/types";
import { getFlow } from "./registry.server";
import { recipientOf } from "./recipient";

export interface FlowContext {
  flow: FlowDefinition;
  database: DB;
  session: ApplicantSession;
  handle: DraftHandle;
  draft: Draft;
  jobcenter: PublicJobcenter;
  ttlDays: number;
}

export function requireFlow(id: string | undefined): FlowDefinition {
  const flow = id ? getFlow(id) : undefined;
  if (!flow) throw new Response("Not found", { status: 404 });
  return flow;
}

export async function requireDraft(request: Request, flowId: string | undefined): Promise<FlowContext> {
  const flow = requireFlow(flowId);
  const session = await getSession(request);
  const handle = draftHandle(session, flow.id);
  const database = await db();
  const draft = handle ? await loadDraft(database, handle) : undefined;
  if (!handle || !draft || draft.flow !== flow.id) throw redirect(`/antrag/${flow.id}?abgelaufen=1`);
  const jc = getJobcenter(draft.jobcenterId);
  if (!jc) throw new Response("Jobcenter not configured", { status: 500 });
  return { flow, database, session, handle, draft, jobcenter: publicJobcenter(jc), ttlDays: env().DRAFT_TTL_DAYS };
}

/**
 * The office these answers go to, if the flow routes by them (BuT: the office for the family's
 * benefit, ADR 0034): what the pages name as the recipient once the answers decide it.
 */
export function receivingOffice(ctx: FlowContext, answers: Answers): PublicJobcenter {
  const found = getJobcenter(ctx.draft.jobcenterId);
  const receiver = found ? getJobcenter(recipientOf(ctx.flow, viewOf(ctx.flow, answers), found)) : undefined;
  return receiver ? publicJobcenter(receiver) : ctx.jobcenter;
}
