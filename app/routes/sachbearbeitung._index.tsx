/**
 * The inbox of the caseworker's own jobcenter (ADR 0029): saved views as tabs, the search and
 * the further filters in one line (the filters folded away, active ones shown as removable
 * chips), one compact row per submission with its urgency, and "Übernehmen" that takes a
 * submission and opens it in one step. A plain GET form and POST buttons: everything works
 * without JavaScript. With JavaScript, a poll every 30 s asks /sachbearbeitung/eingang.json
 * whether something arrived and reloads the list when it did.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { areaUser } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { INBOX_VIEWS, inboxLanguages, listInbox, parseFilters } from "~/caseworker/inbox.server";
import { inView, listQuery, submissionPath } from "~/caseworker/paths";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { requireSubmission } from "~/caseworker/submission.server";
import { FILTER_CHIPS, INBOX_SORTS, STATUSES, type ActionProblem } from "~/caseworker/texts";
import { AreaBar, berlinDateTime, germanDate } from "~/caseworker/ui";
import { applyAction, assignableColleagues, WorkflowConflictError, WorkflowForbiddenError, WORKING_ROLES } from "~/caseworker/workflow.server";
import { inboxFlows } from "~/flows/registry.server";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { languageName } from "~/submission/pdf/labels.server";
import { CsrfField } from "~/ui/CsrfField";
import { TableWrap } from "~/ui/TableWrap";

/** Filter parameters folded into "Weitere Filter" (the search and the saved view stay visible). */
const FOLDED = ["verfahren", "status", "sprache", "vollstaendigkeit", "zugewiesen", "neu", "von", "bis", "sortierung"] as const;

const today = () => new Date().toISOString().slice(0, 10);

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const jobcenterId = auth.caseworker.jobcenterId;
  const [page, languages, colleagues] = await Promise.all([
    listInbox(auth.database, jobcenterId, filters, auth.caseworker.id), inboxLanguages(auth.database, jobcenterId), assignableColleagues(auth.database, jobcenterId),
  ]);
  const names = new Map(colleagues.map((c) => [c.id, c.name]));
  await recordAudit(auth.database, {
    caseworkerId: auth.caseworker.id, jobcenterId, action: "eingang_angesehen",
    detail: { seite: page.page, ansicht: filters.view ?? "", filter: Object.entries(filters).filter(([k, v]) => v !== undefined && !["page", "sort", "q", "view"].includes(k)).map(([k]) => k).join(","), suche: Boolean(filters.q) },
  });
  const list = listQuery(url.searchParams);
  const canWork = WORKING_ROLES.includes(auth.caseworker.role);
  const now = today();
  return {
    user: areaUser(auth),
    flows: inboxFlows(),
    filters,
    list,
    params: Object.fromEntries(new URLSearchParams(list)),
    page: {
      ...page,
      rows: page.rows.map((r) => {
        // The urgency shown: whichever is due first, the Nachforderung's deadline or the new period.
        const requestFirst = r.requestDeadline !== null && (r.dueDate === null || r.requestDeadline <= r.dueDate);
        const due = requestFirst ? r.requestDeadline : r.dueDate;
        return {
          ...r, receivedLabel: berlinDateTime(r.receivedAt), languageLabel: languageName(r.language),
          urgency: due ? { kind: requestFirst ? "frist" : "zeitraum", label: germanDate(due), overdue: r.status !== "abgeschlossen" && due < now } : null,
          assignedName: r.assignedTo ? names.get(r.assignedTo) ?? "" : "",
          canTake: canWork && r.status !== "abgeschlossen" && r.assignedTo !== auth.caseworker.id,
        };
      }),
    },
    colleagues: colleagues.filter((c) => c.id !== auth.caseworker.id),
    languages: languages.map((code) => ({ code, label: languageName(code) })),
    views: INBOX_VIEWS.filter((v) => v !== "freigaben" || auth.caseworker.role === "teamleitung"),
    renderedAt: new Date().toISOString(),
    titleKeys: ["sachbearbeitung:eingang.titel"],
  };
}

/** "Übernehmen" in a row: take the submission and open it, in one step (POST → redirect). */
export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireCaseworker(request);
  const form = await readVerifiedForm(request);
  const submission = await requireSubmission(auth, String(form.get("antrag") ?? ""));
  const list = listQuery(new URL(request.url).searchParams);
  const problem = (p: ActionProblem) => data({ problem: p, reference: submission.reference }, { status: p === "konflikt" ? 409 : 403 });
  if (form.get("intent") !== "uebernehmen") return problem("verboten");
  try {
    await applyAction(auth.database, auth.caseworker, submission.id, { action: "uebernehmen", seen: String(form.get("status") ?? "") });
  } catch (error) {
    if (error instanceof WorkflowConflictError) return problem("konflikt");
    if (error instanceof WorkflowForbiddenError) return problem("verboten");
    throw error;
  }
  return redirect(inView(submissionPath(submission.id), list, { meldung: "uebernehmen" }));
}

/** With JavaScript: when something new arrives, the list reloads itself and says so. */
function NewItems({ since }: { since: string }) {
  const t = useT();
  const revalidator = useRevalidator();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const poll = async () => {
      const response = await fetch(`/sachbearbeitung/eingang.json?seit=${encodeURIComponent(since)}`, { headers: { Accept: "application/json" } }).catch(() => undefined);
      if (!response?.ok) return;
      const neu = ((await response.json()) as { neu: number }).neu;
      if (neu > 0) {
        setCount((c) => c + neu);
        revalidator.revalidate();
      }
    };
    const timer = window.setInterval(poll, 30_000);
    return () => window.clearInterval(timer);
  }, [since, revalidator]);
  return <p role="status" className="new-items">{count > 0 ? t("sachbearbeitung:eingang.aktualisiert", { count }) : null}</p>;
}

/** One filter: a labelled select whose first option, "alle", means no filter. */
function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <div className="form-group">
      <label className="label" htmlFor={name}>{label}</label>
      <select className="input" id={name} name={name} defaultValue={value}>
        <option value="">{t("sachbearbeitung:eingang.alle")}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export default function Eingang() {
  const t = useT();
  const { user, flows, filters, list, params, page, languages, renderedAt, colleagues, views } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const flowLabel = (id: string) => t(flows.find((f) => f.id === id)?.label ?? id);
  const without = (...keys: string[]) => inView("/sachbearbeitung", new URLSearchParams(Object.entries(params).filter(([k]) => !keys.includes(k))).toString());
  const pageLink = (n: number) => inView("/sachbearbeitung", list, { seite: String(n) });
  const statusOptions = STATUSES.map((s) => ({ value: s, label: t(`sachbearbeitung:status.${s}`) }));
  const assigneeOptions = [{ value: "ich", label: t("sachbearbeitung:eingang.mir") }, { value: "niemand", label: t("sachbearbeitung:eingang.niemandem") }, ...colleagues.map((c) => ({ value: c.id, label: c.name }))];
  const completenessOptions = [{ value: "fehlend", label: t("sachbearbeitung:eingang.nachweiseFehlen") }, { value: "vollstaendig", label: t("sachbearbeitung:eingang.nachweiseVollstaendig") }];
  const sortOptions = INBOX_SORTS;
  // The active filters as chips, each a link to the same view without it.
  const chipValue: Record<(typeof FILTER_CHIPS)[number] | "neu", (v: string) => string> = {
    suche: (v) => v,
    verfahren: flowLabel,
    status: (v) => t(`sachbearbeitung:status.${v}`),
    sprache: (v) => languages.find((l) => l.code === v)?.label ?? v,
    vollstaendigkeit: (v) => completenessOptions.find((o) => o.value === v)?.label ?? v,
    zugewiesen: (v) => assigneeOptions.find((o) => o.value === v)?.label ?? v,
    neu: () => t("sachbearbeitung:eingang.nurNeueUnterlagen"),
    von: germanDate,
    bis: germanDate,
    sortierung: (v) => t(`sachbearbeitung:eingang.${sortOptions[v as keyof typeof sortOptions] ?? sortOptions.neu}`),
  };
  // The order is a chip only when it is not the view's own.
  const defaultSort = filters.view === "frist" ? "faellig" : "neu";
  const chips = Object.entries(params).filter(([k, v]) => k !== "sortierung" || v !== defaultSort).flatMap(([k, v]) => k === "neu" ? [{ key: k, text: chipValue.neu(v) }]
    : (FILTER_CHIPS as readonly string[]).includes(k) ? [{ key: k, text: `${t(`sachbearbeitung:eingang.chip.${k}`)}: ${chipValue[k as (typeof FILTER_CHIPS)[number]](v)}` }] : []);
  const folded = FOLDED.filter((k) => params[k] && (k !== "sortierung" || params[k] !== defaultSort)).length;
  return (
    <>
      <AreaBar user={user} />
      <div className="inbox-head">
        <h1>{t("sachbearbeitung:eingang.titel")}</h1>
        <NewItems since={renderedAt} />
      </div>
      {refused ? <div className="notice notice--warning" role="alert"><p>{t(`sachbearbeitung:workflow.probleme.${refused.problem}`)} ({refused.reference})</p></div> : null}
      <nav className="views" aria-label={t("sachbearbeitung:eingang.ansichtenLabel")}>
        <ul>
          <li><Link to="/sachbearbeitung" aria-current={filters.view ? undefined : "page"}>{t("sachbearbeitung:eingang.ansichten.alle")}</Link></li>
          {views.map((v) => (
            <li key={v}><Link to={`/sachbearbeitung?ansicht=${v}`} aria-current={filters.view === v ? "page" : undefined}>{t(`sachbearbeitung:eingang.ansichten.${v}`)}</Link></li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filter-bar" role="search" aria-label={t("sachbearbeitung:eingang.filterLabel")}>
        {filters.view ? <input type="hidden" name="ansicht" value={filters.view} /> : null}
        <div className="filter-bar__line">
          <div className="form-group filter-bar__search">
            <label className="label" htmlFor="suche">{t("sachbearbeitung:eingang.suche")}</label>
            <input className="input" id="suche" name="suche" type="search" defaultValue={filters.q ?? ""} aria-describedby="suche-hint" />
            <p className="hint" id="suche-hint">{t("sachbearbeitung:eingang.sucheHinweis")}</p>
          </div>
          <button type="submit" className="button button--primary">{t("sachbearbeitung:eingang.anwenden")}</button>
        </div>
        <details className="filter-panel">
          <summary>{folded > 0 ? t("sachbearbeitung:eingang.weitereFilterAktiv", { count: folded }) : t("sachbearbeitung:eingang.weitereFilter")}</summary>
          <div className="filters__row">
            <FilterSelect name="verfahren" label={t("sachbearbeitung:eingang.verfahren")} value={filters.flow ?? ""} options={flows.map((f) => ({ value: f.id, label: t(f.label) }))} />
            <FilterSelect name="status" label={t("sachbearbeitung:eingang.status")} value={filters.status ?? ""} options={statusOptions} />
            <FilterSelect name="sprache" label={t("sachbearbeitung:eingang.sprache")} value={filters.language ?? ""} options={languages.map((l) => ({ value: l.code, label: l.label }))} />
            <FilterSelect name="vollstaendigkeit" label={t("sachbearbeitung:eingang.vollstaendigkeit")} value={filters.completeness ?? ""} options={completenessOptions} />
            <FilterSelect name="zugewiesen" label={t("sachbearbeitung:eingang.zugewiesen")} value={filters.assignee ?? ""} options={assigneeOptions} />
            <div className="form-group">
              <label className="label" htmlFor="von">{t("sachbearbeitung:eingang.von")}</label>
              <input className="input" id="von" name="von" type="date" defaultValue={filters.from ?? ""} />
            </div>
            <div className="form-group">
              <label className="label" htmlFor="bis">{t("sachbearbeitung:eingang.bis")}</label>
              <input className="input" id="bis" name="bis" type="date" defaultValue={filters.to ?? ""} />
            </div>
            <div className="form-group">
              <label className="label" htmlFor="sortierung">{t("sachbearbeitung:eingang.sortierung")}</label>
              <select className="input" id="sortierung" name="sortierung" defaultValue={filters.sort}>
                {Object.entries(sortOptions).map(([value, key]) => <option key={value} value={value}>{t(`sachbearbeitung:eingang.${key}`)}</option>)}
              </select>
            </div>
            <div className="form-group filters__check">
              <div className="choice">
                <input className="choice__input" type="checkbox" id="neu" name="neu" value="1" defaultChecked={filters.flagged ?? false} />
                <label className="choice__label" htmlFor="neu">{t("sachbearbeitung:eingang.nurNeueUnterlagen")}</label>
              </div>
            </div>
          </div>
        </details>
      </Form>
      {chips.length > 0 ? (
        <ul className="chips" aria-label={t("sachbearbeitung:eingang.chipsLabel")}>
          {chips.map((c) => (
            <li key={c.key}>
              <Link to={without(c.key)} className="chip">
                {c.text}<span className="visually-hidden"> – {t("sachbearbeitung:eingang.chipEntfernen")}</span><span aria-hidden="true" className="chip__x">×</span>
              </Link>
            </li>
          ))}
          {chips.length > 1 ? <li><Link to={without(...Object.keys(chipValue))}>{t("sachbearbeitung:eingang.alleEntfernen")}</Link></li> : null}
        </ul>
      ) : null}
      <p className="inbox-count">{t("sachbearbeitung:eingang.anzahl", { count: page.total })}</p>
      {page.rows.length > 0 && (
        <TableWrap label={t("sachbearbeitung:eingang.tabelle")}>
          <table className="table inbox-table">
            <caption className="visually-hidden">{t("sachbearbeitung:eingang.tabelle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sachbearbeitung:spalten.referenz")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.name")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.verfahren")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.eingang")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.faellig")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.nachweise")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.zugewiesen")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.status")}</th>
                <th scope="col"><span className="visually-hidden">{t("sachbearbeitung:spalten.aktion")}</span></th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} data-reference={r.reference}>
                  <th scope="row" className="nowrap" data-label={t("sachbearbeitung:spalten.referenz")}><Link to={inView(submissionPath(r.id), list)} className="reference-link">{r.reference}</Link></th>
                  <td className="nowrap" data-label={t("sachbearbeitung:spalten.name")}>
                    {r.name}
                    {r.language !== "de" ? <> <span className="tag tag--quiet"><span aria-hidden="true">{r.language.toUpperCase()}</span><span className="visually-hidden">{r.languageLabel}</span></span></> : null}
                  </td>
                  <td className="nowrap" data-label={t("sachbearbeitung:spalten.verfahren")}>{flowLabel(r.flow)}</td>
                  <td className="nowrap" data-label={t("sachbearbeitung:spalten.eingang")}>{r.receivedLabel}</td>
                  <td className="nowrap" data-label={t("sachbearbeitung:spalten.faellig")} data-urgency={r.urgency?.kind}>
                    {r.urgency ? (
                      <span className={r.urgency.overdue ? "urgent" : undefined}>
                        {t(`sachbearbeitung:eingang.faellig.${r.urgency.kind}`, { datum: r.urgency.label })}
                        {r.urgency.overdue ? <span className="inbox-table__overdue">{t("sachbearbeitung:eingang.ueberfaellig")}</span> : null}
                      </span>
                    ) : "–"}
                  </td>
                  <td data-label={t("sachbearbeitung:spalten.nachweise")}>{r.missingNachweise === null ? "–" : r.missingNachweise === 0 ? t("sachbearbeitung:eingang.vollstaendig") : t("sachbearbeitung:eingang.fehlen", { count: r.missingNachweise })}</td>
                  <td className="nowrap" data-label={t("sachbearbeitung:spalten.zugewiesen")}>{r.assignedName || "–"}</td>
                  <td data-label={t("sachbearbeitung:spalten.status")}>
                    {t(`sachbearbeitung:status.${r.status}`)}
                    {r.flagged ? <> <strong className="tag" data-flag="neu">{t("sachbearbeitung:eingang.neueUnterlagen")}</strong></> : null}
                  </td>
                  <td className="inbox-table__action">
                    {r.canTake ? (
                      <Form method="post" className="inline-form" data-take={r.reference}>
                        <CsrfField />
                        <input type="hidden" name="antrag" value={r.id} />
                        <input type="hidden" name="status" value={r.status} />
                        <button type="submit" name="intent" value="uebernehmen" className="button button--secondary button--small">
                          {t("sachbearbeitung:eingang.uebernehmen")}<span className="visually-hidden"> {t("sachbearbeitung:eingang.uebernehmenZiel", { referenz: r.reference })}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {page.pages > 1 && (
        <nav aria-label={t("sachbearbeitung:eingang.seiten")} className="pagination">
          <ul>
            {page.page > 1 && <li><Link to={pageLink(page.page - 1)}>{t("sachbearbeitung:eingang.zurueck")}</Link></li>}
            <li aria-current="page">{t("sachbearbeitung:eingang.seite", { seite: page.page, seiten: page.pages })}</li>
            {page.page < page.pages && <li><Link to={pageLink(page.page + 1)}>{t("sachbearbeitung:eingang.weiter")}</Link></li>}
          </ul>
        </nav>
      )}
    </>
  );
}
