/**
 * Nachweise after submission (Nachreichung), from the receipt and only for the browser that
 * submitted: one form for every Nachweis, and each send becomes one sealed addendum with the same
 * reference, delivered like the submission (ADR 0038). The page lists what was sent with the submission and later.
 */
import { detectLanguage } from "~/i18n/i18next.server";
import { checklistTexts, titledGroups } from "~/flows/texts.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { nachreichungUrl, receiptUrl } from "~/flows/urls";
import { useI18n } from "~/i18n/context";
import { requireOwnSubmission } from "~/submission/receipt-access.server";
import { handleNachreichung } from "~/uploads/actions.server";
import { checklistOfModel, groupChecklist } from "~/uploads/checklist";
import { MAX_FILE_MB, MAX_FILES } from "~/uploads/limits";
import { listNachreichungen } from "~/uploads/nachreichung.server";
import { listUploads } from "~/uploads/store.server";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { formatDateTime } from "~/ui/format";
import { NachweisUploads, useUploadErrorMessages, type UploadResult } from "~/ui/NachweisUploads";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { database, submission, flow, model } = await requireOwnSubmission(request, params.id);
  const files = await listUploads(database, { kind: "submission", submissionId: submission.id });
  const later = await listNachreichungen(database, submission.id);
  return {
    titleKeys: ["nachreichung.title"],
    id: submission.id,
    reference: submission.reference,
    namespace: flow.namespace,
    groups: titledGroups(flow, groupChecklist(checklistOfModel(model))),
    texts: checklistTexts(await detectLanguage(request), flow, checklistOfModel(model)),
    files: files.map((f) => ({ id: f.id, nachweis: f.nachweis, name: f.originalName, size: f.size })),
    nachreichungen: later.map((n) => ({ nummer: n.nummer, receivedAt: n.receivedAt, files: n.files.map((f) => f.originalName) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await handleNachreichung(request, params.id);
  if (outcome.errors.length === 0 && outcome.nummer) return redirect(`${nachreichungUrl(params.id ?? "")}?gesendet=${outcome.nummer}`);
  if (outcome.errors.length === 0) return redirect(nachreichungUrl(params.id ?? "")); // already sent with the submission
  return data(outcome, { status: outcome.nummer ? 200 : 400 });
}

export default function Nachreichung() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t, lng } = useI18n();
  const [scripted, setScripted] = useState<UploadResult | null>(null);
  const errors = scripted?.errors ?? result?.errors ?? [];
  const messages = useUploadErrorMessages()(errors);
  const sent = scripted ? scripted.nummer : result?.nummer ?? (Number(search.get("gesendet")) || undefined);
  return (
    <>
      <Link className="back-link" to={receiptUrl(d.id)}>{t("nachreichung.back")}</Link>
      <ErrorSummary errors={messages} />
      {sent ? <div className="notice" role="status"><p>{t("nachreichung.sent", { nummer: sent })}</p></div> : null}
      <h1>{t("nachreichung.title")}</h1>
      <p className="lead">{t("nachreichung.lead", { reference: d.reference })}</p>
      <p className="hint">{t("nachweisUpload.limits", { mb: MAX_FILE_MB, max: MAX_FILES })}</p>
      <p className="hint">{t("nachweisUpload.count", { count: d.files.length, max: MAX_FILES })}</p>
      <NachweisUploads
        namespace={d.namespace}
        groups={d.groups}
        files={d.files}
        action={nachreichungUrl(d.id)}
        jsonAction={`${nachreichungUrl(d.id)}/senden`}
        removable={false}
        submitLabel={t("nachreichung.send")}
        errors={errors}
        onResult={(_, r) => setScripted(r)}
        oneForm
      />
      {d.nachreichungen.length > 0 ? (
        <section aria-labelledby="nachgereicht-title">
          <h2 id="nachgereicht-title">{t("nachreichung.sentTitle")}</h2>
          <ul className="list">
            {d.nachreichungen.map((n) => (
              <li key={n.nummer}>
                {t("nachreichung.sentItem", { nummer: n.nummer, datetime: formatDateTime(n.receivedAt, lng) })}
                <ul className="list">{n.files.map((name, i) => <li key={i} className="break">{name}</li>)}</ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="button-group">
        <Link className="button button--secondary" to={receiptUrl(d.id)}>{t("nachreichung.back")}</Link>
      </div>
    </>
  );
}
