/**
 * The POSTs of the upload pages, shared by the page actions (plain forms: redirect or re-render
 * with errors) and the JSON endpoints the progress-reporting script posts to.
 */
import { requireDraft } from "~/flows/context.server";
import { prune, viewOf } from "~/flows/engine/journey";
import { readVerifiedMultipartForm, type ReceivedFile } from "~/security/csrf.server";
import { touchDraft } from "~/store/drafts.server";
import { requireOwnSubmission } from "~/submission/receipt-access.server";
import { checkFiles } from "./accept.server";
import { allowedNachweise, checklistOfModel, groupChecklist, type ChecklistItem } from "./checklist";
import type { UploadError } from "./errors";
import { MAX_FILE_BYTES, MAX_FILES, MAX_FILES_PER_REQUEST, OTHER_NACHWEIS } from "./limits";
import { AlreadySentError, nummerHolding, submitNachreichung, TooManyNachreichungFilesError } from "./nachreichung.server";
import { addDraftUploads, removeDraftUpload, TooManyFilesError, type NewUpload } from "./store.server";
import { refreshMissingNachweise } from "./missing.server";

const LIMITS = { maxFileBytes: MAX_FILE_BYTES, maxFiles: MAX_FILES_PER_REQUEST };

export interface UploadOutcome {
  errors: UploadError[];
  /** Number of the Nachreichung that was sent. */
  nummer?: number;
}

const badRequest = () => new Response("Bad request", { status: 400 });

/** Upload to, or remove from, the draft of this browser. */
export async function handleDraftUpload(request: Request, flowId: string | undefined): Promise<UploadOutcome> {
  const { form, files } = await readVerifiedMultipartForm(request, LIMITS);
  const ctx = await requireDraft(request, flowId);
  if (form.get("intent") === "remove") {
    await removeDraftUpload(ctx.database, ctx.handle, String(form.get("id") ?? ""));
    return { errors: [] };
  }
  const nachweis = String(form.get("nachweis") ?? "");
  const checklist = ctx.flow.nachweise(viewOf(ctx.flow, prune(ctx.flow, ctx.draft.answers)));
  if (!allowedNachweise(checklist).has(nachweis)) throw badRequest();
  if (files.length === 0) return { errors: [{ nachweis, code: "noFile", file: "" }] };
  const checked = await checkFiles(files, nachweis);
  const errors = [...checked.errors];
  if (checked.accepted.length > 0) {
    try {
      await addDraftUploads(ctx.database, ctx.handle, checked.accepted, MAX_FILES);
      await touchDraft(ctx.database, ctx.handle.id, ctx.ttlDays);
    } catch (error) {
      if (!(error instanceof TooManyFilesError)) throw error;
      errors.push({ nachweis, code: "tooMany", file: "" });
    }
  }
  return { errors };
}

/**
 * The files of one send after submission, by Nachweis: the one form of the Nachreichung page
 * names each file input `datei-<nachweis>` (ADR 0038); a form of a single Nachweis (hidden
 * `nachweis`, input `datei`) is read alike. A file for a Nachweis the submission does not list
 * is a forged request.
 */
function filesByNachweis(form: FormData, files: readonly ReceivedFile[], listed: ChecklistItem[]) {
  const allowed = allowedNachweise(listed);
  const single = form.get("nachweis");
  if (single !== null && !allowed.has(String(single))) throw badRequest();
  const grouped = new Map<string, ReceivedFile[]>();
  for (const file of files) {
    const nachweis = file.field === "datei" && single !== null ? String(single) : file.field.startsWith("datei-") ? file.field.slice("datei-".length) : "";
    if (!allowed.has(nachweis)) throw badRequest();
    grouped.set(nachweis, [...(grouped.get(nachweis) ?? []), file]);
  }
  // "Choose a file" points at the form's own Nachweis, or the first the page shows.
  const first = single !== null ? String(single) : groupChecklist(listed)[0]?.items[0]?.slot ?? OTHER_NACHWEIS;
  return { grouped, first };
}

/** One send after submission — files for any Nachweise of it — is one sealed Nachreichung. */
export async function handleNachreichung(request: Request, submissionId: string | undefined): Promise<UploadOutcome> {
  const { form, files } = await readVerifiedMultipartForm(request, LIMITS);
  const { database, submission, jobcenter, model } = await requireOwnSubmission(request, submissionId);
  const { grouped, first } = filesByNachweis(form, files, checklistOfModel(model));
  if (grouped.size === 0) return { errors: [{ nachweis: first, code: "noFile", file: "" }] };
  const errors: UploadError[] = [];
  const accepted: NewUpload[] = [];
  for (const [nachweis, group] of grouped) {
    const checked = await checkFiles(group, nachweis);
    errors.push(...checked.errors);
    accepted.push(...checked.accepted);
  }
  if (accepted.length === 0) return { errors };
  try {
    const sent = await submitNachreichung(database, submission, jobcenter, accepted);
    await refreshMissingNachweise(database, submission.id, model);
    return { errors, nummer: sent.nummer };
  } catch (error) {
    // A retry of a batch already sent (its answer was lost): the person sees that Nachreichung, once.
    if (error instanceof AlreadySentError) return { errors, nummer: await nummerHolding(database, submission.id, accepted) };
    if (!(error instanceof TooManyNachreichungFilesError)) throw error;
    return { errors: [...errors, { nachweis: grouped.keys().next().value ?? first, code: "tooMany", file: "" }] };
  }
}

/** The JSON answer for the script: errors to show, the Nachreichung number if one was sent. */
export function jsonOutcome(outcome: UploadOutcome): Response {
  return new Response(JSON.stringify(outcome), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
