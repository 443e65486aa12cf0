/**
 * The workflow of a submission in the caseworker area (ADR 0015):
 *
 *   eingegangen → in Bearbeitung → (Unterlagen angefordert ↔ in Bearbeitung) → vollständig → abgeschlossen
 *
 * Who may do what is decided here, once, for the page (which buttons to show) and for the action
 * (which POSTs to accept). Four-eyes: an Erstantrag is closed only by a Freigabe of a Teamleitung
 * who never worked it — by its whole audit history, not only by who has it now (ADR 0020,
 * case-history.server.ts). Every change is a conditional UPDATE on the status the caseworker
 * saw, so a double click or a colleague's change in between yields a clear conflict instead of a
 * silent overwrite; every change is audited in the same transaction, so the history the
 * four-eyes rule reads cannot miss a step.
 */
import type { Updateable } from "kysely";
import { getFlow } from "~/flows/registry.server";
import type { DB } from "~/store/db.server";
import type { SubmissionTable } from "~/store/schema";
import type { Caseworker } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { ASSIGNMENT_CAUSE, workedBy } from "./case-history.server";
import { STATUSES, type FreigabeBlocker, type Role, type WorkflowAction } from "./texts";

export type Status = (typeof STATUSES)[number];

export { WORKFLOW_ACTIONS, type WorkflowAction } from "./texts";

/** Roles that work submissions; administrators read and administer, they do not decide. */
export const WORKING_ROLES: readonly Role[] = ["sachbearbeitung", "teamleitung"];

export interface WorkflowState {
  id: string;
  jobcenterId: string;
  flow: string;
  status: Status;
  assignedTo: string | null;
  completedBy: string | null;
  approvedBy: string | null;
  flagged: boolean;
  /** Everyone who took, was assigned, changed the status of or otherwise worked it, ever. */
  workedBy: readonly string[];
}

export class WorkflowConflictError extends Error {}
export class WorkflowForbiddenError extends Error {}
/** A refused Freigabe, with the reason the page shows. */
export class FreigabeRefusedError extends WorkflowForbiddenError {
  constructor(readonly blocker: FreigabeBlocker) {
    super(`freigeben: ${blocker}`);
  }
}

const TRANSITIONS: Record<Status, readonly Status[]> = {
  eingegangen: ["in_bearbeitung"],
  in_bearbeitung: ["vollstaendig"],
  unterlagen_angefordert: ["in_bearbeitung", "vollstaendig"],
  vollstaendig: ["in_bearbeitung", "abgeschlossen"],
  abgeschlossen: [],
};

/** Whether closing needs the four-eyes Freigabe: the flow declares it (FlowDefinition.fourEyes). */
export const needsFourEyes = (s: Pick<WorkflowState, "flow">) => getFlow(s.flow)?.fourEyes === true;

/** Why a Freigabe is not possible for this person, or undefined if it is. */
export function freigabeBlocker(s: WorkflowState, actor: Pick<Caseworker, "id" | "role">): FreigabeBlocker | undefined {
  if (actor.role !== "teamleitung") return "rolle";
  if (s.status !== "vollstaendig" || !needsFourEyes(s)) return "status";
  if (actor.id === s.completedBy || actor.id === s.assignedTo) return "selbst";
  if (s.workedBy.includes(actor.id)) return "verlauf";
  return undefined;
}

/** The actions this person may take on this submission now. */
export function allowedActions(s: WorkflowState, actor: Pick<Caseworker, "id" | "role">): Set<WorkflowAction | "nachfordern"> {
  const out = new Set<WorkflowAction | "nachfordern">();
  if (!WORKING_ROLES.includes(actor.role) || s.status === "abgeschlossen") return out;
  if (s.assignedTo !== actor.id) out.add("uebernehmen");
  out.add("zuweisen");
  out.add("nachfordern");
  if (s.flagged) out.add("gesichtet");
  // A new submission is started by taking or assigning it; "bearbeiten" takes one back into work.
  if (s.status !== "eingegangen" && TRANSITIONS[s.status].includes("in_bearbeitung")) out.add("bearbeiten");
  if (TRANSITIONS[s.status].includes("vollstaendig")) out.add("vollstaendig");
  if (s.status === "vollstaendig" && !needsFourEyes(s)) out.add("abschliessen");
  if (!freigabeBlocker(s, actor)) out.add("freigeben");
  return out;
}

type Row = { id: string; jobcenter_id: string; flow: string; status: string; assigned_to: string | null; completed_by: string | null; approved_by: string | null; flagged: number; first_action_at: string | null };

export async function loadWorkflow(db: DB, jobcenterId: string, id: string): Promise<(WorkflowState & { firstActionAt: string | null }) | undefined> {
  const r: Row | undefined = await db.selectFrom("submissions")
    .select(["id", "jobcenter_id", "flow", "status", "assigned_to", "completed_by", "approved_by", "flagged", "first_action_at"])
    .where("id", "=", id).where("jobcenter_id", "=", jobcenterId).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id, jobcenterId: r.jobcenter_id, flow: r.flow, status: r.status as Status, assignedTo: r.assigned_to,
    completedBy: r.completed_by, approvedBy: r.approved_by, flagged: r.flagged === 1, firstActionAt: r.first_action_at,
    workedBy: await workedBy(db, r.id),
  };
}

export interface ActionRequest {
  action: WorkflowAction;
  /** The status the caseworker saw when they clicked (optimistic concurrency). */
  seen: string;
  /** For "zuweisen": the colleague's account id. */
  assignee?: string;
}

/** Colleagues a submission can be assigned to: active working accounts of the same jobcenter. */
export async function assignableColleagues(db: DB, jobcenterId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom("caseworkers").select(["id", "name"]).where("jobcenter_id", "=", jobcenterId).where("disabled", "=", 0)
    .where("role", "in", [...WORKING_ROLES]).orderBy("name").execute();
}

/** Applies one action for `actor`; throws WorkflowForbiddenError or WorkflowConflictError. */
export async function applyAction(db: DB, actor: Caseworker, submissionId: string, request: ActionRequest, now: Date = new Date()): Promise<Status> {
  const state = await loadWorkflow(db, actor.jobcenterId, submissionId);
  if (!state) throw new WorkflowForbiddenError("not found");
  if (state.status !== request.seen) throw new WorkflowConflictError("status changed");
  if (!allowedActions(state, actor).has(request.action)) {
    const blocker = request.action === "freigeben" ? freigabeBlocker(state, actor) : undefined;
    throw blocker ? new FreigabeRefusedError(blocker) : new WorkflowForbiddenError(request.action);
  }
  const at = now.toISOString();
  const changes: Updateable<SubmissionTable> = {};
  let next: Status = state.status;
  const moveTo = (status: Status) => { next = status; changes.status = status; changes.status_changed_at = at; };
  switch (request.action) {
    case "uebernehmen":
      changes.assigned_to = actor.id;
      if (state.status === "eingegangen") moveTo("in_bearbeitung");
      break;
    case "zuweisen": {
      const colleagues = await assignableColleagues(db, actor.jobcenterId);
      if (!request.assignee || !colleagues.some((c) => c.id === request.assignee)) throw new WorkflowForbiddenError("assignee");
      changes.assigned_to = request.assignee;
      if (state.status === "eingegangen") moveTo("in_bearbeitung");
      break;
    }
    case "bearbeiten":
      moveTo("in_bearbeitung");
      changes.completed_by = null;
      break;
    case "vollstaendig":
      moveTo("vollstaendig");
      changes.completed_by = actor.id;
      changes.flagged = 0;
      break;
    case "abschliessen":
      moveTo("abgeschlossen");
      break;
    case "freigeben":
      moveTo("abgeschlossen");
      changes.approved_by = actor.id;
      changes.approved_at = at;
      break;
    case "gesichtet":
      changes.flagged = 0;
      break;
  }
  if (!state.firstActionAt && request.action !== "gesichtet") changes.first_action_at = at;
  const audit = request.action === "freigeben" ? "freigabe_erteilt"
    : request.action === "gesichtet" ? "nachreichung_gesehen"
    : request.action === "uebernehmen" || request.action === "zuweisen" ? "zugewiesen" : "status_geaendert";
  const entry = { caseworkerId: actor.id, jobcenterId: actor.jobcenterId, submissionId };
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable("submissions").set(changes)
      .where("id", "=", submissionId).where("jobcenter_id", "=", actor.jobcenterId).where("status", "=", state.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new WorkflowConflictError("status changed");
    // The history once more with the row locked: a step the approver took meanwhile (another tab) counts too.
    if (request.action === "freigeben" && (await workedBy(trx, submissionId)).includes(actor.id)) throw new FreigabeRefusedError("verlauf");
    await recordAudit(trx, {
      ...entry, action: audit, detail: audit === "zugewiesen" ? { an: changes.assigned_to ?? "" } : { von: state.status, nach: next },
    }, now);
    // Taking or assigning a new submission also starts work: a status entry of its own. When it
    // was assigned to someone else, the entry says so: assigning alone is not working the case.
    if (audit === "zugewiesen" && next !== state.status) {
      const detail: Record<string, string> = { von: state.status, nach: next };
      if (request.action === "zuweisen" && changes.assigned_to !== actor.id) detail.anlass = ASSIGNMENT_CAUSE;
      await recordAudit(trx, { ...entry, action: "status_geaendert", detail }, now);
    }
  });
  return next;
}

/**
 * Marks the submission as asking for documents (from a Nachforderung), in the same conditional
 * way. Allowed from every open status; the first action time is set if it is the first.
 */
export async function markDocumentsRequested(db: DB, actor: Caseworker, state: WorkflowState & { firstActionAt: string | null }, now: Date): Promise<void> {
  const at = now.toISOString();
  const result = await db.updateTable("submissions")
    .set({ status: "unterlagen_angefordert", status_changed_at: at, completed_by: null, ...(state.firstActionAt ? {} : { first_action_at: at }), ...(state.assignedTo ? {} : { assigned_to: actor.id }) })
    .where("id", "=", state.id).where("jobcenter_id", "=", actor.jobcenterId).where("status", "=", state.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new WorkflowConflictError("status changed");
}
