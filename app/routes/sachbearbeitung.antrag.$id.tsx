/**
 * One submission for the caseworker: header data, the German structured data from the
 * canonical model, the sealed documents (PDF inline and for download, XML), the attachments,
 * the seal check computed on the server, delivery per connector, and the history.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { defaultDeadline, listNachforderungen, MAX_DEADLINE_DAYS, requestableSlots } from "~/caseworker/nachforderung.server";
import { handleSubmissionAction } from "~/caseworker/submission-actions.server";
import { allowedActions, assignableColleagues, freigabeBlocker, loadWorkflow, needsFourEyes } from "~/caseworker/workflow.server";
import { RequestPanel, WorkflowPanel } from "~/caseworker/WorkflowPanel";
import { getFlow, requireFlow } from "~/flows/registry.server";
import { areaUser } from "~/caseworker/area.server";
import { listAudit, recordAudit } from "~/caseworker/audit.server";
import { submissionPath } from "~/caseworker/paths";
import { checkPdfSeal, checkXmlSeal, trustAnchorsFor } from "~/caseworker/seal-check.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { loadModel, loadSealedDocuments, requireSubmission } from "~/caseworker/submission.server";
import { HISTORY_EVENTS, WORKFLOW_MESSAGES } from "~/caseworker/texts";
import { AreaBar, berlinDateTime } from "~/caseworker/ui";
import { applicantName, structuredData } from "~/caseworker/view.server";

import { deliveryStatus } from "~/delivery/worker.server";
import { useT } from "~/i18n/context";
import { getJobcenter } from "~/store/jobcenters.server";
import { formatSize } from "~/submission/pdf/format.server";
import { dokumentText, germanText, languageName } from "~/submission/pdf/labels.server";
import { listNachreichungen } from "~/uploads/nachreichung.server";
import { listUploads } from "~/uploads/store.server";
import { TableWrap } from "~/ui/TableWrap";

const statusName = (status: unknown) => germanText("sachbearbeitung", `status.${String(status)}`) ?? String(status);

/** "Eingegangen → In Bearbeitung" for entries that changed the status. */
function transition(detail: Record<string, unknown>): string {
  return typeof detail.von === "string" && typeof detail.nach === "string" && detail.von !== detail.nach ? `${statusName(detail.von)} → ${statusName(detail.nach)}` : "";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const submission = await requireSubmission(auth, params.id);
  const jobcenter = getJobcenter(submission.jobcenterId);
  if (!jobcenter) throw new Response("Not found", { status: 404 });
  const [model, documents, uploads, deliveries, nachreichungen] = await Promise.all([
    loadModel(auth, submission.id), loadSealedDocuments(auth, submission.id),
    listUploads(auth.database, { kind: "submission", submissionId: submission.id }), deliveryStatus(auth.database, submission.id),
    listNachreichungen(auth.database, submission.id),
  ]);
  const anchors = trustAnchorsFor(jobcenter);
  const seals = {
    pdf: documents.pdf ? checkPdfSeal(documents.pdf.bytes, anchors).result : "ungueltig",
    xml: documents.xml ? checkXmlSeal(documents.xml.bytes.toString("utf8"), anchors).result : "ungueltig",
  } as const;
  await recordAudit(auth.database, {
    caseworkerId: auth.caseworker.id, jobcenterId: auth.caseworker.jobcenterId, submissionId: submission.id, action: "antrag_angesehen",
    detail: { siegelPdf: seals.pdf, siegelXml: seals.xml },
  });
  const audit = await listAudit(auth.database, auth.caseworker.jobcenterId, { submissionId: submission.id, limit: 100 });
  const [state, colleagues, requests] = await Promise.all([
    loadWorkflow(auth.database, auth.caseworker.jobcenterId, submission.id),
    assignableColleagues(auth.database, auth.caseworker.jobcenterId),
    listNachforderungen(auth.database, submission.id, model),
  ]);
  if (!state) throw new Response("Not found", { status: 404 });
  const names = new Map((await auth.database.selectFrom("caseworkers").select(["id", "name"]).where("jobcenter_id", "=", auth.caseworker.jobcenterId).execute()).map((c) => [c.id, c.name]));
  const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
  const namespace = getFlow(submission.flow)?.namespace ?? submission.flow;
  const slotLabel = (s: { key: string; person?: string }) => {
    const name = s.key === "sonstiges" ? dokumentText("anlagen.sonstiges") : germanText(namespace, `nachweise.${s.key}`) ?? s.key;
    return s.person ? `${name} – ${s.person}` : name;
  };
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const germanDay = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");
  const approvedAt = await auth.database.selectFrom("submissions").select("approved_at").where("id", "=", submission.id).executeTakeFirst();
  const history = [
    { at: submission.receivedAt, kind: "eingang" as const, text: "" },
    ...deliveries.filter((d) => d.deliveredAt).map((d) => ({ at: d.deliveredAt!, kind: "zustellung" as const, text: d.connector })),
    ...nachreichungen.map((n) => ({ at: n.receivedAt, kind: "nachreichung" as const, text: String(n.nummer) })),
    ...audit.map((a) => ({ at: a.at, kind: a.action, text: [a.caseworkerName, transition(a.detail), typeof a.detail.an === "string" ? `→ ${nameOf(a.detail.an) ?? ""}` : ""].filter(Boolean).join(": ") })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).map((h) => ({ ...h, label: berlinDateTime(h.at) }));
  return {
    user: areaUser(auth),
    submission: {
      id: submission.id, reference: submission.reference, flow: submission.flow, flowLabel: requireFlow(submission.flow).inboxLabel,
      received: berlinDateTime(submission.receivedAt), language: languageName(submission.language),
      formVersion: submission.formVersion, rechtsstand: submission.rechtsstand, name: applicantName(submission.flow, model),
    },
    sections: structuredData(submission.flow, model),
    seals,
    hasPdf: Boolean(documents.pdf),
    hasXml: Boolean(documents.xml),
    uploads: uploads.map((u) => ({ id: u.id, fileName: u.fileName, size: formatSize(u.size), later: u.nachreichungId !== null })),
    deliveries: deliveries.map((d) => ({ connector: d.connector, state: d.state, attempts: d.attempts, at: d.deliveredAt ? berlinDateTime(d.deliveredAt) : "" })),
    history,
    workflow: {
      status: state.status, assignedName: nameOf(state.assignedTo), completedName: nameOf(state.completedBy), approvedName: nameOf(state.approvedBy),
      approvedAt: approvedAt?.approved_at ? berlinDateTime(approvedAt.approved_at) : null, flagged: state.flagged, fourEyes: needsFourEyes(state),
      actions: [...allowedActions(state, auth.caseworker)], freigabeBlocker: freigabeBlocker(state, auth.caseworker),
      colleagues: colleagues.filter((c) => c.id !== state.assignedTo),
    },
    requests: {
      slots: requestableSlots(model).map((s) => ({ slot: s.slot, label: slotLabel(s) })),
      existing: requests.map((r) => ({
        nummer: r.nummer, created: berlinDateTime(r.createdAt), frist: germanDay(r.frist), items: r.slots.map(slotLabel), notiz: r.notiz,
        answered: r.answeredAt ? berlinDateTime(r.answeredAt) : null, by: nameOf(r.createdBy) ?? "",
      })),
      defaultDeadline: defaultDeadline(),
      minDeadline: day(new Date(Date.now() + 86_400_000)),
      maxDeadline: day(new Date(Date.now() + MAX_DEADLINE_DAYS * 86_400_000)),
    },
    titleKeys: ["sachbearbeitung:antrag.titel"],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireCaseworker(request);
  return handleSubmissionAction(auth, request, params.id);
}

const historyKey = (kind: string) =>
  (HISTORY_EVENTS as readonly string[]).includes(kind) ? `sachbearbeitung:verlauf.${kind}` : `sachbearbeitung:aktionen.${kind}`;

export default function Antrag() {
  const t = useT();
  const { user, submission: s, sections, seals, hasPdf, hasXml, uploads, deliveries, history, workflow, requests } = useLoaderData<typeof loader>();
  const actionState = useActionData<typeof action>();
  const [search] = useSearchParams();
  const meldung = WORKFLOW_MESSAGES.find((m) => m === search.get("meldung"));
  const base = submissionPath(s.id);
  return (
    <>
      <AreaBar user={user} />
      <p><Link to="/sachbearbeitung" className="back-link">{t("sachbearbeitung:antrag.zurueck")}</Link></p>
      <h1>{t("sachbearbeitung:antrag.ueberschrift", { verfahren: t(s.flowLabel), referenz: s.reference })}</h1>
      <dl className="summary-list">
        {[
          [t("sachbearbeitung:spalten.referenz"), s.reference],
          [t("sachbearbeitung:spalten.name"), s.name],
          [t("sachbearbeitung:spalten.eingang"), s.received],
          [t("sachbearbeitung:spalten.sprache"), s.language],
          [t("sachbearbeitung:antrag.formularversion"), s.formVersion],
          [t("sachbearbeitung:antrag.rechtsstand"), s.rechtsstand],
        ].map(([k, v]) => (
          <div className="summary-list__row" key={k}><dt className="summary-list__key">{k}</dt><dd className="summary-list__value">{v}</dd></div>
        ))}
      </dl>

      <WorkflowPanel w={workflow} meldung={actionState ? undefined : meldung} state={actionState?.problem ? actionState : undefined} />

      <h2>{t("sachbearbeitung:antrag.siegel")}</h2>
      <dl className="summary-list seal-check">
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("sachbearbeitung:antrag.siegelPdf")}</dt>
          <dd className={`summary-list__value seal seal--${seals.pdf}`} data-seal="pdf">{t(`sachbearbeitung:siegel.${seals.pdf}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">{t("sachbearbeitung:antrag.siegelXml")}</dt>
          <dd className={`summary-list__value seal seal--${seals.xml}`} data-seal="xml">{t(`sachbearbeitung:siegel.${seals.xml}`)}</dd>
        </div>
      </dl>

      <h2>{t("sachbearbeitung:antrag.dokumente")}</h2>
      <ul className="list">
        {hasPdf && <li><a href={`${base}/antrag.pdf`} download>{t("sachbearbeitung:antrag.pdfHerunterladen")}</a></li>}
        {hasXml && <li><a href={`${base}/antrag.xml`} download>{t("sachbearbeitung:antrag.xmlHerunterladen")}</a></li>}
        <li><a href={`${base}/export.zip`} download>{t("sachbearbeitung:antrag.exportHerunterladen")}</a></li>
      </ul>
      {hasPdf && (
        <iframe className="pdf-frame" src={`${base}/antrag.pdf?ansicht=1`} title={t("sachbearbeitung:antrag.pdfAnsicht", { referenz: s.reference })} />
      )}

      <h2>{t("sachbearbeitung:antrag.anlagen")}</h2>
      {uploads.length === 0 ? <p>{t("sachbearbeitung:antrag.keineAnlagen")}</p> : (
        <ul className="list">
          {uploads.map((u) => (
            <li key={u.id}>
              <a href={`${base}/anlage/${u.id}`} download>{u.fileName}</a> ({u.size}{u.later ? `, ${t("sachbearbeitung:antrag.nachgereicht")}` : ""})
            </li>
          ))}
        </ul>
      )}

      <RequestPanel r={requests} open={workflow.actions.includes("nachfordern")} state={actionState?.fields ? actionState : undefined} />

      <h2>{t("sachbearbeitung:antrag.daten")}</h2>
      {sections.map((section, i) => (
        <section key={i} className="structured">
          {section.heading && <h3>{section.heading}</h3>}
          <dl className="summary-list">
            {section.blocks.map((b, j) => b.kind === "row" ? (
              <div className="summary-list__row" key={j}><dt className="summary-list__key">{b.label}</dt><dd className="summary-list__value">{b.value}</dd></div>
            ) : b.kind === "subheading" ? (
              <div key={j} className="structured__sub"><dt><strong>{b.text}</strong></dt><dd className="visually-hidden">–</dd></div>
            ) : (
              <div key={j} className="structured__text"><dt className="visually-hidden">{section.heading}</dt><dd>{b.text}</dd></div>
            ))}
          </dl>
        </section>
      ))}

      <h2>{t("sachbearbeitung:antrag.zustellung")}</h2>
      <TableWrap label={t("sachbearbeitung:antrag.zustellung")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("sachbearbeitung:antrag.kanal")}</th>
              <th scope="col">{t("sachbearbeitung:antrag.zustand")}</th>
              <th scope="col">{t("sachbearbeitung:antrag.versuche")}</th>
              <th scope="col">{t("sachbearbeitung:antrag.zugestellt")}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.connector}><th scope="row">{d.connector}</th><td>{t(`sachbearbeitung:zustellung.${d.state}`)}</td><td>{d.attempts}</td><td>{d.at}</td></tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t("sachbearbeitung:antrag.verlauf")}</h2>
      <ol className="history">
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{h.label}</time>: {t(historyKey(h.kind))}
            {h.text ? ` – ${h.text}` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}
