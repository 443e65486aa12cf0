/**
 * The inbox of the caseworker's own jobcenter: filters, search, sort, pages of 25 — a plain GET
 * form that works without JavaScript. With JavaScript, a poll every 30 s asks
 * /sachbearbeitung/eingang.json how many arrived since the page was rendered.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { areaUser } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { inboxLanguages, listInbox, parseFilters } from "~/caseworker/inbox.server";
import { assignableColleagues } from "~/caseworker/workflow.server";
import { submissionPath } from "~/caseworker/paths";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { STATUSES } from "~/caseworker/texts";
import { inboxFlows } from "~/flows/registry.server";
import { AreaBar, berlinDateTime, germanDate } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { languageName } from "~/submission/pdf/labels.server";
import { TableWrap } from "~/ui/TableWrap";

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
    detail: { seite: page.page, filter: Object.entries(filters).filter(([k, v]) => v !== undefined && k !== "page" && k !== "sort" && k !== "q").map(([k]) => k).join(","), suche: Boolean(filters.q) },
  });
  const params = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "seite"));
  return {
    user: areaUser(auth),
    flows: inboxFlows(),
    filters,
    params,
    page: { ...page, rows: page.rows.map((r) => ({ ...r, receivedLabel: berlinDateTime(r.receivedAt), dueLabel: r.dueDate ? germanDate(r.dueDate) : "", languageLabel: languageName(r.language), assignedName: r.assignedTo ? names.get(r.assignedTo) ?? "" : "" })) },
    colleagues: colleagues.filter((c) => c.id !== auth.caseworker.id),
    languages: languages.map((code) => ({ code, label: languageName(code) })),
    renderedAt: new Date().toISOString(),
    titleKeys: ["sachbearbeitung:eingang.titel"],
  };
}

/** With JavaScript: "N neue Eingänge – anzeigen", polled every 30 s. */
function NewItems({ since }: { since: string }) {
  const t = useT();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const poll = async () => {
      const response = await fetch(`/sachbearbeitung/eingang.json?seit=${encodeURIComponent(since)}`, { headers: { Accept: "application/json" } }).catch(() => undefined);
      if (response?.ok) setCount(((await response.json()) as { neu: number }).neu);
    };
    const timer = window.setInterval(poll, 30_000);
    return () => window.clearInterval(timer);
  }, [since]);
  return (
    <p role="status" className="new-items">
      {count > 0 && <a href="/sachbearbeitung" className="notice">{t("sachbearbeitung:eingang.neu", { count })}</a>}
    </p>
  );
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
  const { user, flows, filters, params, page, languages, renderedAt, colleagues } = useLoaderData<typeof loader>();
  const flowLabel = (id: string) => t(flows.find((f) => f.id === id)?.label ?? id);
  const pageLink = (n: number) => `?${new URLSearchParams({ ...params, seite: String(n) }).toString()}`;
  return (
    <>
      <AreaBar user={user} />
      <h1>{t("sachbearbeitung:eingang.titel")}</h1>
      <NewItems since={renderedAt} />
      <Form method="get" className="filters" role="search" aria-label={t("sachbearbeitung:eingang.filterLabel")}>
        <div className="form-group">
          <label className="label" htmlFor="suche">{t("sachbearbeitung:eingang.suche")}</label>
          <p className="hint" id="suche-hint">{t("sachbearbeitung:eingang.sucheHinweis")}</p>
          <input className="input" id="suche" name="suche" type="search" defaultValue={filters.q ?? ""} aria-describedby="suche-hint" />
        </div>
        <div className="filters__row">
          <FilterSelect name="verfahren" label={t("sachbearbeitung:eingang.verfahren")} value={filters.flow ?? ""} options={flows.map((f) => ({ value: f.id, label: t(f.label) }))} />
          <FilterSelect name="status" label={t("sachbearbeitung:eingang.status")} value={filters.status ?? ""} options={STATUSES.map((s) => ({ value: s, label: t(`sachbearbeitung:status.${s}`) }))} />
          <FilterSelect name="sprache" label={t("sachbearbeitung:eingang.sprache")} value={filters.language ?? ""} options={languages.map((l) => ({ value: l.code, label: l.label }))} />
          <FilterSelect name="vollstaendigkeit" label={t("sachbearbeitung:eingang.vollstaendigkeit")} value={filters.completeness ?? ""} options={[{ value: "fehlend", label: t("sachbearbeitung:eingang.nachweiseFehlen") }, { value: "vollstaendig", label: t("sachbearbeitung:eingang.nachweiseVollstaendig") }]} />
          <FilterSelect name="zugewiesen" label={t("sachbearbeitung:eingang.zugewiesen")} value={filters.assignee ?? ""} options={[{ value: "ich", label: t("sachbearbeitung:eingang.mir") }, { value: "niemand", label: t("sachbearbeitung:eingang.niemandem") }, ...colleagues.map((c) => ({ value: c.id, label: c.name }))]} />
          <div className="form-group">
            <div className="choice">
              <input className="choice__input" type="checkbox" id="neu" name="neu" value="1" defaultChecked={filters.flagged ?? false} />
              <label className="choice__label" htmlFor="neu">{t("sachbearbeitung:eingang.nurNeueUnterlagen")}</label>
            </div>
          </div>
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
              <option value="neu">{t("sachbearbeitung:eingang.neuesteZuerst")}</option>
              <option value="alt">{t("sachbearbeitung:eingang.aeltesteZuerst")}</option>
              <option value="faellig">{t("sachbearbeitung:eingang.dringendZuerst")}</option>
            </select>
          </div>
        </div>
        <button type="submit" className="button button--primary">{t("sachbearbeitung:eingang.anwenden")}</button>
      </Form>
      <p>{t("sachbearbeitung:eingang.anzahl", { count: page.total })}</p>
      {page.rows.length > 0 && (
        <TableWrap label={t("sachbearbeitung:eingang.tabelle")}>
          <table className="table">
            <caption className="visually-hidden">{t("sachbearbeitung:eingang.tabelle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sachbearbeitung:spalten.referenz")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.name")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.verfahren")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.eingang")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.sprache")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.status")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.nachweise")}</th>
                <th scope="col">{t("sachbearbeitung:spalten.zugewiesen")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link to={submissionPath(r.id)} className="reference-link">{r.reference}</Link></th>
                  <td>{r.name}</td>
                  <td>{flowLabel(r.flow)}</td>
                  <td>
                    {r.receivedLabel}
                    {r.dueLabel ? <><br /><span className="hint">{t("sachbearbeitung:eingang.faelligAb", { datum: r.dueLabel })}</span></> : null}
                  </td>
                  <td>{r.languageLabel}</td>
                  <td>
                    {t(`sachbearbeitung:status.${r.status}`)}
                    {r.flagged ? <> <strong className="tag" data-flag="neu">{t("sachbearbeitung:eingang.neueUnterlagen")}</strong></> : null}
                  </td>
                  <td>{r.missingNachweise === null ? "–" : r.missingNachweise === 0 ? t("sachbearbeitung:eingang.vollstaendig") : t("sachbearbeitung:eingang.fehlen", { count: r.missingNachweise })}</td>
                  <td>{r.assignedName || "–"}</td>
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
