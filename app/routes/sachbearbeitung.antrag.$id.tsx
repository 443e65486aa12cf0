/**
 * One submission for the caseworker: header data, the German structured data from the
 * canonical model, the sealed documents (PDF inline and for download, XML), the attachments,
 * the seal check computed on the server, delivery per connector, and the history.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { caseAttention } from "~/caseworker/attention.server";
import { neighbours, parseFilters } from "~/caseworker/inbox.server";
import { inView, listQuery } from "~/caseworker/paths";
import { ShortcutLegend, shortcut, useShortcuts, type ShortcutKey } from "~/caseworker/shortcuts";
import { checklistOfModel, checklistSlots } from "~/uploads/checklist";
import { htmlLang } from "~/i18n/config";
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
import { AreaBar, berlinDateTime, germanDate } from "~/caseworker/ui";
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
  const url = new URL(request.url);
  const list = listQuery(url.searchParams);
  const filters = parseFilters(url.searchParams);
  const near = await neighbours(auth.database, auth.caseworker.jobcenterId, filters, auth.caseworker.id, submission.id);
  const uploaded = new Set(uploads.map((u) => u.nachweis));
  const slots = checklistSlots(checklistOfModel(model));
  const openRequests = requests.filter((r) => !r.answeredAt).map((r) => r.frist.slice(0, 10)).sort();
  const sections = structuredData(submission.flow, model);
  const attention = caseAttention({
    flow: submission.flow, model, jobcenter, language: submission.language, seals, flagged: state.flagged, sections,
    missing: slots.filter((s) => !uploaded.has(s.slot)).map(slotLabel), hasChecklist: slots.length > 0,
    openRequest: openRequests[0] ? { frist: germanDate(openRequests[0]), overdue: openRequests[0] < day(new Date()) } : undefined,
  });
  const dueDate = getFlow(submission.flow)?.document.dueDate?.(model as never);
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
    sections,
    attention,
    foreignLang: submission.language.startsWith("de") ? undefined : htmlLang(submission.language),
    dueLabel: dueDate ? germanDate(dueDate) : null,
    list,
    near: { ...near, previous: near.previous ? inView(submissionPath(near.previous), list) : undefined, next: near.next ? inView(submissionPath(near.next), list) : undefined },
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

/** The submission, decision first (ADR 0029): what needs attention, the answers, then documents and history. */
export default function Antrag() {
  const t = useT();
  const { user, submission: s, sections, attention, foreignLang, dueLabel, list, near, seals, hasPdf, hasXml, uploads, deliveries, history, workflow, requests } = useLoaderData<typeof loader>();
  const actionState = useActionData<typeof action>();
  const [search] = useSearchParams();
  const meldung = WORKFLOW_MESSAGES.find((m) => m === search.get("meldung"));
  const base = submissionPath(s.id);
  const inbox = inView("/sachbearbeitung", list);
  const nachfordern = workflow.actions.includes("nachfordern");
  useShortcuts();
  const keys: ShortcutKey[] = [
    ...(near.next ? ["j" as const] : []), ...(near.previous ? ["k" as const] : []), "e",
    ...(workflow.actions.includes("uebernehmen") ? ["u" as const] : []), ...(workflow.actions.includes("vollstaendig") ? ["v" as const] : []),
    ...(workflow.actions.includes("freigeben") ? ["f" as const] : []), ...(nachfordern && requests.slots.length > 0 ? ["n" as const] : []), "a", ...(hasPdf ? ["p" as const] : []),
  ];
  return (
    <>
      <AreaBar user={user} />
      <nav className="case-nav" aria-label={t("sachbearbeitung:antrag.navigation")}>
        <Link to={inbox} className="back-link" {...shortcut("e")}>{t("sachbearbeitung:antrag.zurueck")}</Link>
        {near.position ? <span className="case-nav__position">{t("sachbearbeitung:antrag.position", { position: near.position, total: near.total })}</span> : null}
        <ul className="case-nav__steps">
          <li>{near.previous ? <Link to={near.previous} rel="prev" {...shortcut("k")}>{t("sachbearbeitung:antrag.vorheriger")}</Link> : <span className="hint">{t("sachbearbeitung:antrag.keinVorheriger")}</span>}</li>
          <li>{near.next ? <Link to={near.next} rel="next" className="button button--secondary button--small" {...shortcut("j")}>{t("sachbearbeitung:antrag.naechster")}</Link> : <span className="hint">{t("sachbearbeitung:antrag.keinNaechster")}</span>}</li>
        </ul>
      </nav>
      <h1 className="case-title">{t("sachbearbeitung:antrag.ueberschrift", { verfahren: t(s.flowLabel), referenz: s.reference })}<span className="case-title__name"> – {s.name}</span></h1>
      <p className="case-meta">
        {t("sachbearbeitung:antrag.meta", { eingang: s.received, sprache: s.language })}
        {dueLabel ? <> · <strong>{t("sachbearbeitung:antrag.neuerZeitraum", { datum: dueLabel })}</strong></> : null}
      </p>

      <WorkflowPanel w={workflow} meldung={actionState ? undefined : meldung} state={actionState?.problem ? actionState : undefined} />

      <div className="case-layout">
        <div className="case-main">
          <section aria-labelledby="beachten-title" className="attention">
            <h2 id="beachten-title">{t("sachbearbeitung:antrag.beachten")}</h2>
            <ul className="attention__list">
              {attention.map((a) => (
                <li key={a.code} className={`attention__item attention__item--${a.level}`} data-attention={a.code}>
                  <span className="visually-hidden">{t(`sachbearbeitung:hinweise.stufe.${a.level}`)}: </span>
                  {a.items && a.items.length > 0 ? (
                    // The details fold away, so the answers start on the first screen.
                    <details className="attention__more">
                      <summary>{t(`sachbearbeitung:hinweise.${a.code}`, a.values)}</summary>
                      <ul className="attention__details">{a.items.map((item, i) => <li key={i}>{item}</li>)}</ul>
                    </details>
                  ) : a.href ? <a href={a.href}>{t(`sachbearbeitung:hinweise.${a.code}`, a.values)}</a> : t(`sachbearbeitung:hinweise.${a.code}`, a.values)}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="angaben" className="answers">
            <h2 id="angaben" tabIndex={-1} {...shortcut("a")}>{t("sachbearbeitung:antrag.daten")}</h2>
            <nav aria-labelledby="toc-title" className="toc">
              <details>
                <summary id="toc-title">{t("sachbearbeitung:antrag.abschnitte", { count: sections.filter((x) => x.heading).length })}</summary>
                <ul>{sections.filter((x) => x.heading).map((x) => <li key={x.id}><a href={`#${x.id}`}>{x.heading}</a></li>)}</ul>
              </details>
            </nav>
            {sections.map((section) => (
              <section key={section.id} className="structured" aria-labelledby={section.heading ? section.id : undefined}>
                {section.heading && <h3 id={section.id}>{section.heading}</h3>}
                <dl className="summary-list">
                  {section.blocks.map((b, j) => b.kind === "row" ? (
                    <div className="summary-list__row" key={j}>
                      <dt className="summary-list__key">{b.label}</dt>
                      <dd className="summary-list__value" lang={b.foreign ? foreignLang : undefined}>{b.value}{b.foreign ? <> <span className="tag tag--quiet" lang="de">{t("sachbearbeitung:antrag.nichtDeutsch")}</span></> : null}</dd>
                    </div>
                  ) : b.kind === "subheading" ? (
                    <div key={j} className="structured__sub"><dt><strong>{b.text}</strong></dt><dd className="visually-hidden">–</dd></div>
                  ) : (
                    <div key={j} className="structured__text"><dt className="visually-hidden">{section.heading}</dt><dd lang={b.foreign ? foreignLang : undefined}>{b.text}{b.foreign ? <> <span className="tag tag--quiet" lang="de">{t("sachbearbeitung:antrag.nichtDeutsch")}</span></> : null}</dd></div>
                  ))}
                </dl>
              </section>
            ))}
          </section>
        </div>

        <div className="case-aside">
          <section aria-labelledby="dokumente" className="case-box">
            <h2 id="dokumente">{t("sachbearbeitung:antrag.dokumente")}</h2>
            <ul className="list">
              {hasPdf && <li><a href={`${base}/antrag.pdf?ansicht=1`} target="_blank" rel="noopener noreferrer" {...shortcut("p")}>{t("sachbearbeitung:antrag.pdfAnsehen")}</a></li>}
              {hasPdf && <li><a href={`${base}/antrag.pdf`} download>{t("sachbearbeitung:antrag.pdfHerunterladen")}</a></li>}
              {hasXml && <li><a href={`${base}/antrag.xml`} download>{t("sachbearbeitung:antrag.xmlHerunterladen")}</a></li>}
              <li><a href={`${base}/export.zip`} download>{t("sachbearbeitung:antrag.exportHerunterladen")}</a></li>
            </ul>
            <h3>{t("sachbearbeitung:antrag.siegel")}</h3>
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
          </section>

          <section aria-labelledby="anlagen" className="case-box">
            <h2 id="anlagen">{t("sachbearbeitung:antrag.anlagen")}</h2>
            {uploads.length === 0 ? <p>{t("sachbearbeitung:antrag.keineAnlagen")}</p> : (
              <ul className="list">
                {uploads.map((u) => (
                  <li key={u.id}>
                    <a href={`${base}/anlage/${u.id}`} download>{u.fileName}</a> ({u.size}{u.later ? `, ${t("sachbearbeitung:antrag.nachgereicht")}` : ""})
                  </li>
                ))}
              </ul>
            )}
          </section>

          <RequestPanel r={requests} open={nachfordern} state={actionState?.fields ? actionState : undefined} />

          <section aria-labelledby="stammdaten" className="case-box">
            <h2 id="stammdaten">{t("sachbearbeitung:antrag.stammdaten")}</h2>
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
          </section>

          <section aria-labelledby="zustellung" className="case-box">
            <h2 id="zustellung">{t("sachbearbeitung:antrag.zustellung")}</h2>
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
          </section>

          <section aria-labelledby="verlauf" className="case-box">
            <h2 id="verlauf">{t("sachbearbeitung:antrag.verlauf")}</h2>
            <ol className="history">
              {history.map((h, i) => (
                <li key={i}>
                  <time dateTime={h.at}>{h.label}</time>: {t(historyKey(h.kind))}
                  {h.text ? ` – ${h.text}` : ""}
                </li>
              ))}
            </ol>
          </section>

          <ShortcutLegend keys={keys} />
        </div>
      </div>
    </>
  );
}
