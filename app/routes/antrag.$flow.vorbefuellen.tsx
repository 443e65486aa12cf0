/**
 * Prefill a flow from an earlier sealed submission of this portal (flows with `prefillFrom`,
 * ADR 0028): upload the PDF from the receipt, or go on without it. A file that is not ours, fails
 * its seals or is sealed for another jobcenter gets a message and the empty flow; nothing of it
 * is stored. Works without JavaScript (a plain multipart form; going on without a file is a link).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireDraft } from "~/flows/context.server";
import { firstIncomplete } from "~/flows/engine/journey";
import { prefillFromSealedPdf, type PrefillRefusal } from "~/flows/prefill.server";
import { stepUrl } from "~/flows/urls";
import { useT } from "~/i18n/context";
import { readVerifiedMultipartForm } from "~/security/csrf.server";
import { saveDraft } from "~/store/drafts.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { fieldId } from "~/ui/Field";
import { JobcenterBar } from "~/ui/JobcenterBar";

/** A portal PDF is well under this; the limit ends a hostile upload early. */
const MAX_BYTES = 10 * 1024 * 1024;
const FIELD = "vorantrag";
/** The flow's prefill texts (tests/unit/i18n.test.ts knows them from `prefillFrom`). */
const prefillTexts = (namespace: string) => namespace + ":prefill";

async function prefillDraft(request: Request, flowId: string | undefined) {
  const ctx = await requireDraft(request, flowId);
  if (!ctx.flow.prefillFrom) throw new Response("Not found", { status: 404 });
  return ctx;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await prefillDraft(request, params.flow);
  const url = new URL(request.url);
  const done = url.searchParams.get("uebernommen");
  const title = `${prefillTexts(ctx.flow.namespace)}.title`;
  return {
    titleKeys: [title, `${ctx.flow.namespace}:start.title`],
    namespace: ctx.flow.namespace,
    flowId: ctx.flow.id,
    jobcenter: ctx.jobcenter,
    done: done && /^\d+$/.test(done) ? { pages: done, referenz: String(ctx.draft.answers._vorantrag && !Array.isArray(ctx.draft.answers._vorantrag) ? ctx.draft.answers._vorantrag.referenz ?? "" : "") } : null,
    continueUrl: stepUrl(ctx.flow.id, firstIncomplete(ctx.flow, ctx.draft.answers)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { form, files } = await readVerifiedMultipartForm(request, { maxFileBytes: MAX_BYTES, maxFiles: 1 });
  const ctx = await prefillDraft(request, params.flow);
  const file = files.find((f) => f.field === FIELD);
  const refuse = (reason: PrefillRefusal | "noFile" | "tooLarge") => data({ error: reason }, { status: 400 });
  if (!file) return refuse("noFile");
  if (!file.bytes) return refuse("tooLarge");
  const jobcenter = getJobcenter(ctx.draft.jobcenterId);
  if (!jobcenter) throw new Response("Jobcenter not configured", { status: 500 });
  const outcome = await prefillFromSealedPdf(ctx.flow, jobcenter, file.bytes);
  if (!outcome.ok) return refuse(outcome.reason);
  // What the person answered already (the period) stays; the earlier application fills the rest.
  const answers = { ...outcome.answers, ...ctx.draft.answers };
  await saveDraft(ctx.database, ctx.handle, answers, ctx.ttlDays);
  return redirect(`/antrag/${ctx.flow.id}/vorbefuellen?uebernommen=${outcome.pages}`);
}

export default function Prefill() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const p = prefillTexts(d.namespace);
  const error = result?.error ? t(`${p}.errors.${result.error}`) : undefined;
  return (
    <>
      <Link className="back-link" to={`/antrag/${d.flowId}`}>{t("back")}</Link>
      <JobcenterBar jobcenter={d.jobcenter} />
      {error ? <ErrorSummary errors={[{ name: FIELD, message: error }]} /> : null}
      <h1>{t(`${p}.title`)}</h1>
      {d.done ? (
        <>
          <div className="notice" role="status"><p>{t(`${p}.done`, { seiten: d.done.pages, referenz: d.done.referenz })}</p></div>
          <p><Link className="button button--primary" to={d.continueUrl}>{t("continue")}</Link></p>
        </>
      ) : (
        <>
          <p className="lead">{t(`${p}.lead`)}</p>
          <p>{t(`${p}.privacy`)}</p>
          <Form method="post" encType="multipart/form-data" noValidate>
            <CsrfField />
            <div className={`field${error ? " field--error" : ""}`}>
              <label className="label" htmlFor={`${fieldId(FIELD)}`}>{t(`${p}.fileLabel`)}</label>
              <p className="hint" id={`${fieldId(FIELD)}-hint`}>{t(`${p}.fileHint`)}</p>
              {error ? <p className="error-message" id={`${fieldId(FIELD)}-error`}><span className="visually-hidden">{t("errorPrefix")} </span>{error}</p> : null}
              <input
                className="file-input" id={`${fieldId(FIELD)}`} type="file" name={FIELD} accept="application/pdf,.pdf"
                aria-describedby={[`${fieldId(FIELD)}-hint`, error ? `${fieldId(FIELD)}-error` : ""].filter(Boolean).join(" ")}
              />
            </div>
            <button className="button button--primary" type="submit">{t(`${p}.submit`)}</button>
          </Form>
          <p><Link className="button button--secondary" to={d.continueUrl}>{t(`${p}.skip`)}</Link></p>
        </>
      )}
    </>
  );
}
