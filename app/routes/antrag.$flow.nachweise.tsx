/** Nachweise of a draft: the personalised checklist with uploads, an optional step before submitting. */
import { detectLanguage } from "~/i18n/i18next.server";
import { checklistTexts, titledGroups } from "~/flows/texts.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requireDraft } from "~/flows/context.server";
import { guard, progress, prune, viewOf } from "~/flows/engine/journey";
import { nachweiseUrl, stepUrl } from "~/flows/urls";
import { useI18n } from "~/i18n/context";
import { handleDraftUpload } from "~/uploads/actions.server";
import { groupChecklist } from "~/uploads/checklist";
import { MAX_FILE_MB, MAX_FILES } from "~/uploads/limits";
import { listUploads } from "~/uploads/store.server";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { JobcenterBar } from "~/ui/JobcenterBar";
import { NachweisUploads, useUploadErrorMessages, type UploadResult } from "~/ui/NachweisUploads";
import { Progress } from "~/ui/Progress";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.flow);
  const blocked = guard(ctx.flow, ctx.draft.answers, "pruefen");
  if (blocked) throw redirect(stepUrl(ctx.flow.id, blocked));
  const checklist = ctx.flow.nachweise(viewOf(ctx.flow, prune(ctx.flow, ctx.draft.answers)));
  const files = await listUploads(ctx.database, { kind: "draft", handle: ctx.handle });
  return {
    titleKeys: ["nachweisUpload.title", `${ctx.flow.namespace}:start.title`],
    flowId: ctx.flow.id,
    namespace: ctx.flow.namespace,
    groups: titledGroups(ctx.flow, groupChecklist(checklist)),
    files: files.map((f) => ({ id: f.id, nachweis: f.nachweis, name: f.originalName, size: f.size })),
    texts: checklistTexts(await detectLanguage(request), ctx.flow, checklist),
    progress: progress(ctx.flow, "pruefen"),
    jobcenter: ctx.jobcenter,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await handleDraftUpload(request, params.flow);
  if (outcome.errors.length === 0) return redirect(nachweiseUrl(params.flow ?? ""));
  return data(outcome, { status: 400 });
}

export default function Nachweise() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const [scripted, setScripted] = useState<UploadResult | null>(null);
  const errors = scripted?.errors ?? result?.errors ?? [];
  const messages = useUploadErrorMessages()(errors);
  return (
    <>
      <Link className="back-link" to={stepUrl(d.flowId, "pruefen")}>{t("back")}</Link>
      <JobcenterBar jobcenter={d.jobcenter} />
      <Progress progress={d.progress} namespace={d.namespace} />
      <ErrorSummary errors={messages} />
      {scripted && scripted.errors.length === 0 ? <div className="notice" role="status"><p>{t("nachweisUpload.done")}</p></div> : null}
      <h1>{t("nachweisUpload.title")}</h1>
      <p className="lead">{t("nachweisUpload.lead")}</p>
      <p className="hint">{t("nachweisUpload.limits", { mb: MAX_FILE_MB, max: MAX_FILES })}</p>
      <p className="hint">{t("nachweisUpload.count", { count: d.files.length, max: MAX_FILES })}</p>
      <NachweisUploads
        namespace={d.namespace}
        groups={d.groups}
        files={d.files}
        action={nachweiseUrl(d.flowId)}
        jsonAction={`${nachweiseUrl(d.flowId)}/senden`}
        removable
        submitLabel={t("nachweisUpload.upload")}
        errors={errors}
        onResult={(_, r) => setScripted(r)}
      />
      <div className="button-group">
        <Link className="button button--primary" to={stepUrl(d.flowId, "pruefen")}>{t("nachweisUpload.continue")}</Link>
      </div>
    </>
  );
}
