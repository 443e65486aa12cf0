/**
 * Continue a submission with one of its follow-up flows (Kurzantrag → Erstantrag): a new draft seeded
 * with the submitted answers and the date the first submission secured. Asking twice keeps the
 * draft already started for this reference.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/config/env.server";
import { firstIncomplete } from "~/flows/engine/journey";
import { followUpsFor } from "~/flows/follow-ups";
import { getFlow } from "~/flows/registry.server";
import { receiptUrl, stepUrl } from "~/flows/urls";
import { readVerifiedForm } from "~/security/csrf.server";
import { commitSession, draftHandle, getSession, setDraftHandle } from "~/security/session.server";
import { createDraft, loadDraft, saveDraft } from "~/store/drafts.server";
import { requireOwnSubmission } from "~/submission/receipt-access.server";
import { todayIso } from "~/flows/engine/fields";

export const loader = ({ params }: ActionFunctionArgs) => redirect(receiptUrl(params.id ?? ""));

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const { database, submission, flow, model, jobcenter } = await requireOwnSubmission(request, params.id);
  // The follow-up chosen on the receipt; a form without one (an older page) means the first.
  const chosen = form.get("flow");
  const followUp = followUpsFor(flow, model, jobcenter).find((f) => chosen === null || f.flowId === chosen);
  const next = followUp ? getFlow(followUp.flowId) : undefined;
  if (!followUp || !next) throw new Response("Not found", { status: 404 });
  const session = await getSession(request);
  const existing = draftHandle(session, next.id);
  const draft = existing ? await loadDraft(database, existing) : undefined;
  const bezug = draft?.answers._bezug;
  if (existing && draft && !Array.isArray(bezug) && bezug?.referenz === submission.reference) {
    return redirect(stepUrl(next.id, firstIncomplete(next, draft.answers)));
  }
  const answers = followUp.seed(model, submission.reference, todayIso(new Date(submission.receivedAt)));
  if (next.tenantSettings) answers._mandant = next.tenantSettings(jobcenter);
  const ttlDays = env().DRAFT_TTL_DAYS;
  const handle = await createDraft(database, { flow: next.id, jobcenterId: submission.jobcenterId, language: submission.language, ttlDays });
  await saveDraft(database, handle, answers, ttlDays);
  setDraftHandle(session, next.id, handle);
  return redirect(stepUrl(next.id, firstIncomplete(next, answers)), { headers: { "Set-Cookie": await commitSession(session) } });
}
