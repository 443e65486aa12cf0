/** The jobcenter's audit log, for administrators only, with CSV export. Reading it is audited too. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { areaUser } from "~/caseworker/area.server";
import { listAudit, recordAudit } from "~/caseworker/audit.server";
import { pageParam } from "~/caseworker/paging";
import { submissionPath } from "~/caseworker/paths";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { AreaBar, berlinDateTime } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { TableWrap } from "~/ui/TableWrap";

const AUDIT_PAGE_SIZE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request, { roles: ["administration"] });
  const seite = pageParam(new URL(request.url).searchParams.get("seite"));
  const entries = await listAudit(auth.database, auth.caseworker.jobcenterId, { limit: AUDIT_PAGE_SIZE + 1, offset: (seite - 1) * AUDIT_PAGE_SIZE });
  await recordAudit(auth.database, { caseworkerId: auth.caseworker.id, jobcenterId: auth.caseworker.jobcenterId, action: "protokoll_angesehen", detail: { seite } });
  return {
    user: areaUser(auth),
    seite,
    more: entries.length > AUDIT_PAGE_SIZE,
    entries: entries.slice(0, AUDIT_PAGE_SIZE).map((e) => ({ ...e, label: berlinDateTime(e.at) })),
    titleKeys: ["sachbearbeitung:protokoll.titel"],
  };
}

export default function Protokoll() {
  const t = useT();
  const { user, entries, seite, more } = useLoaderData<typeof loader>();
  return (
    <>
      <AreaBar user={user} />
      <h1>{t("sachbearbeitung:protokoll.titel")}</h1>
      <p>{t("sachbearbeitung:protokoll.hinweis")}</p>
      <p><a href="/sachbearbeitung/protokoll.csv" download>{t("sachbearbeitung:protokoll.export")}</a></p>
      <TableWrap label={t("sachbearbeitung:protokoll.titel")}>
        <table className="table">
          <caption className="visually-hidden">{t("sachbearbeitung:protokoll.titel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sachbearbeitung:protokoll.zeit")}</th>
              <th scope="col">{t("sachbearbeitung:protokoll.person")}</th>
              <th scope="col">{t("sachbearbeitung:protokoll.aktion")}</th>
              <th scope="col">{t("sachbearbeitung:protokoll.antrag")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row"><time dateTime={e.at}>{e.label}</time></th>
                <td>{e.caseworkerName ?? t("sachbearbeitung:protokoll.unbekannt")}</td>
                <td>{t(`sachbearbeitung:aktionen.${e.action}`)}</td>
                <td>{e.submissionId && e.reference ? <Link to={submissionPath(e.submissionId)}>{e.reference}</Link> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <nav aria-label={t("sachbearbeitung:eingang.seiten")} className="pagination">
        <ul>
          {seite > 1 && <li><Link to={`?seite=${seite - 1}`}>{t("sachbearbeitung:eingang.zurueck")}</Link></li>}
          {more && <li><Link to={`?seite=${seite + 1}`}>{t("sachbearbeitung:eingang.weiter")}</Link></li>}
        </ul>
      </nav>
    </>
  );
}
