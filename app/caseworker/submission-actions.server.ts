/**
 * The POSTs of the submission page: a workflow action or a Nachforderung. Both validate on the
 * server (zod), answer a refused or stale action with a message instead of an error page, and
 * end in a redirect (POST → redirect → GET) that says what happened.
 */
import { data, redirect } from "@remix-run/node";
import { readVerifiedForm } from "~/security/csrf.server";
import { createNachforderung, nachforderungSchema, requestableSlots } from "./nachforderung.server";
import { inView, listQuery, submissionPath } from "./paths";
import type { Authenticated } from "./sessions.server";
import { loadModel, requireSubmission } from "./submission.server";
import { WORKFLOW_ACTIONS, type ActionProblem, type FreigabeBlocker, type WorkflowAction } from "./texts";
import { applyAction, FreigabeRefusedError, loadWorkflow, WorkflowConflictError, WorkflowForbiddenError } from "./workflow.server";


export interface FieldError {
  name: string;
  code: string;
}

export type SubmissionActionResult =
  | { problem: ActionProblem; blocker?: FreigabeBlocker; fields?: undefined; values?: undefined }
  | { problem?: undefined; fields: FieldError[]; values: { nachweise: string[]; notiz: string; frist: string } };

/** POST → redirect to the submission, within the inbox view it was opened from (ADR 0029). */
const done = (request: Request, id: string, meldung: string) => redirect(inView(submissionPath(id), listQuery(new URL(request.url).searchParams), { meldung }));

export async function handleSubmissionAction(auth: Authenticated, request: Request, id: string | undefined) {
  const submission = await requireSubmission(auth, id);
  const form = await readVerifiedForm(request);
  const intent = String(form.get("intent") ?? "");
  const problem = (p: ActionProblem, blocker?: FreigabeBlocker) => data<SubmissionActionResult>({ problem: p, blocker }, { status: p === "konflikt" ? 409 : 403 });
  try {
    if (intent === "nachfordern") {
      const state = await loadWorkflow(auth.database, auth.caseworker.jobcenterId, submission.id);
      if (!state) throw new Response("Not found", { status: 404 });
      const model = await loadModel(auth, submission.id);
      const values = {
        nachweise: form.getAll("nachweise").map(String).slice(0, 200),
        notiz: String(form.get("notiz") ?? "").replace(/\r\n/g, "\n"),
        frist: String(form.get("frist") ?? "").trim(),
      };
      const parsed = nachforderungSchema(requestableSlots(model).map((s) => s.slot)).safeParse(values);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? "nachweise"), code: i.message }));
        return data<SubmissionActionResult>({ fields: [...new Map(fields.map((f) => [f.name, f])).values()], values }, { status: 400 });
      }
      const seen = Number.parseInt(String(form.get("anzahl") ?? ""), 10);
      if (!Number.isInteger(seen) || seen < 0) return problem("konflikt");
      await createNachforderung(auth.database, auth.caseworker, state, model, parsed.data, seen);
      return done(request, submission.id, "nachfordern");
    }
    if (!(WORKFLOW_ACTIONS as readonly string[]).includes(intent)) return problem("verboten");
    const action = intent as WorkflowAction;
    await applyAction(auth.database, auth.caseworker, submission.id, {
      action, seen: String(form.get("status") ?? ""), assignee: String(form.get("an") ?? "") || undefined,
    });
    return done(request, submission.id, action);
  } catch (error) {
    if (error instanceof WorkflowConflictError) return problem("konflikt");
    // A refused Freigabe says why (e.g. the person worked the case earlier), not only "not possible".
    if (error instanceof FreigabeRefusedError) return problem("verboten", error.blocker);
    if (error instanceof WorkflowForbiddenError) return problem("verboten");
    throw error;
  }
}
