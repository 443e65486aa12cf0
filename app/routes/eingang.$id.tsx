/** The receipt (Eingangsbestätigung) page: reference, time of receipt, jobcenter, next steps. */
import { detectLanguage, pageTexts } from "~/i18n/i18next.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { followUpsFor } from "~/flows/follow-ups";
import { statusUrl } from "~/flows/urls";
import { accessCode, formatAccessCode } from "~/submission/status-access.server";
import { CsrfField } from "~/ui/CsrfField";
import { useI18n } from "~/i18n/context";
import { getDocument } from "~/store/submissions.server";
import { DOCUMENT_KINDS } from "~/submission/document";
import { requireOwnSubmission } from "~/submission/receipt-access.server";
import { publicJobcenter } from "~/tenants/jobcenter";
import { formatDateTime, weekdayName } from "~/ui/format";
import type { Nachweis } from "~/model/common";
import { submittedItems } from "~/submission/flow-outline.server";
import { uploadsForReceipt } from "~/uploads/receipt.server";
import { ReceiptUploads } from "~/ui/ReceiptUploads";


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { database, submission, flow, jobcenter, model } = await requireOwnSubmission(request, params.id);
  const pdf = await getDocument(database, submission.id, DOCUMENT_KINDS.pdf.kind);
  return {
    titleKeys: [`${flow.namespace}:receipt.title`],
    id: submission.id,
    reference: submission.reference,
    receivedAt: submission.receivedAt,
    namespace: flow.namespace,
    submitted: submittedItems(flow.id, model),
    // Each Nachweis once per person it is for (a family's four IDs are four lines).
    nachweise: [...new Map((model.nachweise ?? []).map((n: Nachweis) => [`${n.schluessel}|${n.betrifft ?? ""}`, { key: n.schluessel, person: n.betrifft }])).values()],
    documentSha256: pdf?.sha256 ?? "",
    accessCode: formatAccessCode(accessCode(submission.id)),
    followUps: followUpsFor(flow, model, jobcenter).map((f) => ({ flowId: f.flowId, texts: f.texts })),
    texts: pageTexts(await detectLanguage(request), flow.namespace, ["nachweise"]),
    uploads: await uploadsForReceipt(database, submission.id),
    jobcenter: publicJobcenter(jobcenter),
  };
}

export default function Receipt() {
  const d = useLoaderData<typeof loader>();
  const { t, lng } = useI18n();
  const jc = d.jobcenter;
  return (
    <>
      <div className="panel panel--success">
        <h1 className="panel__title">{t(`${d.namespace}:receipt.title`)}</h1>
        <p className="panel__body">
          {t(`${d.namespace}:receipt.referenceLabel`)}
          <br />
          <strong className="reference" dir="ltr" translate="no">{d.reference}</strong>
        </p>
      </div>
      <p>{t("receipt.receivedAt", { datetime: formatDateTime(d.receivedAt, lng), jobcenter: jc.name })}</p>
      <p>{t(`${d.namespace}:receipt.keepReference`)}</p>
      {d.followUps.map((f) => (
        <div className="notice" key={f.flowId}>
          <h2>{t(`${f.texts}.title`)}</h2>
          <p>{t(`${f.texts}.body`)}</p>
          <Form method="post" action={`/eingang/${d.id}/weiter`}>
            <CsrfField />
            <input type="hidden" name="flow" value={f.flowId} />
            <button type="submit" className="button button--primary">{t(`${f.texts}.button`)}</button>
          </Form>
        </div>
      ))}
      <h2>{t("receipt.documentsTitle")}</h2>
      <ul className="list">
        <li><a href={`/eingang/${d.id}/eingangsbestaetigung.pdf`} download>{t("receipt.downloadReceipt")}</a></li>
        <li><a href={`/eingang/${d.id}/antrag.pdf`} download>{t(`${d.namespace}:receipt.downloadSubmission`)}</a></li>
      </ul>
      <h2>{t("receiptAccess.title")}</h2>
      <p>{t("receiptAccess.body")}</p>
      <p>{t("receiptAccess.codeLabel")}: <strong className="access-code" dir="ltr" translate="no">{d.accessCode}</strong></p>
      <p><Link to={statusUrl(d.id)}>{t("receiptAccess.statusLink")}</Link></p>
      <p className="hint">{t("receipt.sealNote")} <span className="break" dir="ltr" translate="no">{d.documentSha256}</span></p>
      {d.submitted.length > 0 ? (
        <>
          <h2>{t(`${d.namespace}:receipt.submittedTitle`)}</h2>
          <ul className="list">{d.submitted.map((item, i) => (
            <li key={`${item.key}-${i}`}>{t(`${d.namespace}:${item.key}`)}{item.person ? <> (<bdi>{item.person}</bdi>)</> : null}</li>
          ))}</ul>
        </>
      ) : null}
      <h2>{t("receipt.nextTitle")}</h2>
      {d.nachweise.length > 0 ? (
        <>
          <p>{t("receipt.nachweiseLead", { reference: d.reference })}</p>
          <ul className="list">{d.nachweise.map((n) => (
            <li key={`${n.key}|${n.person ?? ""}`}>{t(`${d.namespace}:nachweise.${n.key}`)}{n.person ? <> (<bdi>{n.person}</bdi>)</> : null}</li>
          ))}</ul>
        </>
      ) : <p>{t("receipt.noNachweise")}</p>}
      <ReceiptUploads id={d.id} uploads={d.uploads} />
      <p>{t(`${d.namespace}:receipt.whatNext`)}</p>
      <h2>{t("receipt.contactTitle")}</h2>
      <address className="contact">
        <strong lang="de">{jc.name}</strong><br />
        <span lang="de">{jc.anschrift.strasse} {jc.anschrift.hausnummer}</span><br />
        <span lang="de">{jc.anschrift.postleitzahl} {jc.anschrift.ort}</span><br />
        {t("receipt.phone")}: <a href={`tel:${jc.kontakt.telefon.replace(/[^+\d]/g, "")}`} dir="ltr">{jc.kontakt.telefon}</a><br />
        {t("receipt.email")}: <a href={`mailto:${jc.kontakt.email}`} dir="ltr">{jc.kontakt.email}</a>
      </address>
      <h3>{t("receipt.openingHours")}</h3>
      <ul className="list list--plain">
        {jc.kontakt.oeffnungszeiten.map((o, i) => (
          <li key={i}>{o.tage.map((d) => weekdayName(d, lng)).join(", ")}: <span dir="ltr">{o.von}–{o.bis}</span></li>
        ))}
      </ul>
    </>
  );
}
