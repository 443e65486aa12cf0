/**
 * The applicant's status page: where the submission stands, in their language, and what the
 * jobcenter asks for (Nachforderung, §§ 60, 66 SGB I) with its deadline — with the way to send
 * it. Reached from the receipt (same browser) or from any device with reference + Zugangscode.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listNachforderungen } from "~/caseworker/nachforderung.server";
import { nachreichungUrl, receiptUrl } from "~/flows/urls";
import { detectLanguage } from "~/i18n/i18next.server";
import { checklistTexts, titledGroups } from "~/flows/texts.server";
import { useI18n } from "~/i18n/context";
import { checklistOfModel } from "~/uploads/checklist";
import { requireOwnSubmission } from "~/submission/receipt-access.server";
import { formatDate, formatDateTime } from "~/ui/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { database, submission, flow, model } = await requireOwnSubmission(request, params.id);
  const requests = await listNachforderungen(database, submission.id, model);
  return {
    titleKeys: ["statusPage.title"],
    id: submission.id,
    reference: submission.reference,
    namespace: flow.namespace,
    receivedAt: submission.receivedAt,
    status: submission.status,
    requests: requests.slice().reverse().map((r) => ({
      nummer: r.nummer, createdAt: r.createdAt, frist: r.frist, notiz: r.notiz, answeredAt: r.answeredAt,
      items: r.slots.map((s) => ({ key: s.key, person: s.person })),
    })),
    texts: checklistTexts(await detectLanguage(request), flow, checklistOfModel(model)),
  };
}

export default function StatusPage() {
  const d = useLoaderData<typeof loader>();
  const { t, lng } = useI18n();
  const open = d.requests.filter((r) => !r.answeredAt);
  const answered = d.requests.filter((r) => r.answeredAt);
  const nachweisName = (key: string) => (key === "sonstiges" ? t("statusPage.other") : t(`${d.namespace}:nachweise.${key}`));
  return (
    <>
      <Link className="back-link" to={receiptUrl(d.id)}>{t("statusPage.backToReceipt")}</Link>
      <h1>{t("statusPage.title")}</h1>
      <p className="lead">{t("statusPage.lead", { reference: d.reference, datetime: formatDateTime(d.receivedAt, lng) })}</p>
      <div className="panel" data-status={d.status}>
        <h2 className="panel__title">{t("statusPage.currentTitle")}: {t(`statusPage.values.${d.status}`)}</h2>
        <p className="panel__body">{t(`statusPage.explain.${d.status}`)}</p>
      </div>
      {open.length > 0 ? (
        <section aria-labelledby="requests-title">
          <h2 id="requests-title">{t("statusPage.requestsTitle")}</h2>
          {open.map((r) => (
            <div className="notice notice--warning" key={r.nummer} data-nachforderung={r.nummer}>
              <p><strong>{t("statusPage.requestLead", { date: formatDate(r.frist, lng) })}</strong></p>
              <ul className="list">
                {r.items.map((item, i) => <li key={i}>{nachweisName(item.key)}{item.person ? <> (<bdi>{item.person}</bdi>)</> : null}</li>)}
              </ul>
              {r.notiz ? (
                <>
                  <p>{t("statusPage.noteLabel")}</p>
                  <blockquote lang="de" dir="ltr" className="quote">{r.notiz}</blockquote>
                </>
              ) : null}
              <p className="hint">{t("statusPage.duty")}</p>
            </div>
          ))}
          <p><Link className="button button--primary" to={nachreichungUrl(d.id)}>{t("statusPage.uploadButton")}</Link></p>
        </section>
      ) : null}
      {answered.length > 0 ? (
        <section aria-labelledby="answered-title">
          <h2 id="answered-title">{t("statusPage.answeredTitle")}</h2>
          <ul className="list">
            {answered.map((r) => <li key={r.nummer}>{t("statusPage.answered", { date: formatDate(r.createdAt.slice(0, 10), lng), sent: formatDate(r.answeredAt!.slice(0, 10), lng) })}</li>)}
          </ul>
        </section>
      ) : null}
      {d.requests.length === 0 ? <p>{t("statusPage.noRequests")}</p> : null}
      <p><Link to={nachreichungUrl(d.id)}>{t("statusPage.moreDocuments")}</Link></p>
    </>
  );
}
