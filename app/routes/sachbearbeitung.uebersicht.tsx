/**
 * The Teamleitung dashboard (Übersicht): key figures and charts of the jobcenter's submissions
 * of the last 4, 12 or 26 weeks, for teamleitung and administration (403 for others). Server
 * rendered inline SVG with tables; choosing the period is a plain GET form. Viewing is audited.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { areaUser } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { HorizontalBarChart, WeeklyMetricChart, WeeklyStackedChart, type ChartWeek } from "~/caseworker/charts";
import { dashboardStats, parseWeeks } from "~/caseworker/dashboard.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { DASHBOARD_PERIODS, OTHER_LANGUAGES, STATUSES } from "~/caseworker/texts";
import { inboxFlows } from "~/flows/registry.server";
import { AreaBar } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { languageName } from "~/submission/pdf/labels.server";
import { SummaryList } from "~/ui/SummaryList";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request, { roles: ["teamleitung", "administration"] });
  const weeks = parseWeeks(new URL(request.url).searchParams.get("wochen"));
  const jobcenterId = auth.caseworker.jobcenterId;
  const stats = await dashboardStats(auth.database, jobcenterId, { weeks });
  await recordAudit(auth.database, { caseworkerId: auth.caseworker.id, jobcenterId, action: "uebersicht_angesehen", detail: { wochen: weeks } });
  return {
    user: areaUser(auth),
    weeks,
    stats,
    flows: inboxFlows(),
    languageLabels: Object.fromEntries(stats.languages.filter((code) => code !== OTHER_LANGUAGES).map((code) => [code, languageName(code)])),
    titleKeys: ["sachbearbeitung:uebersicht.titel"],
  };
}

const count = new Intl.NumberFormat("de-DE");
const decimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", timeZone: "UTC" });

export default function Uebersicht() {
  const t = useT();
  const { user, weeks, stats, flows, languageLabels } = useLoaderData<typeof loader>();
  const hours = (n: number) => t("sachbearbeitung:uebersicht.stunden", { wert: decimal.format(n) });
  const percent = (n: number) => t("sachbearbeitung:uebersicht.prozent", { wert: decimal.format(n) });
  const chartWeeks: ChartWeek[] = stats.weeks.map((w) => ({
    short: String(w.week),
    long: t("sachbearbeitung:uebersicht.woche", { kw: w.week, jahr: w.year, datum: dayMonth.format(new Date(w.start)) }),
  }));
  const lastDay = new Date(Date.parse(stats.to) - 86_400_000);
  return (
    <>
      <AreaBar user={user} />
      <h1>{t("sachbearbeitung:uebersicht.titel")}</h1>
      <p>{t("sachbearbeitung:uebersicht.zeitraumText", { von: date.format(new Date(stats.from)), bis: date.format(lastDay), anzahl: weeks })}</p>
      <Form method="get" className="dashboard-period">
        <div className="form-group">
          <label className="label" htmlFor="wochen">{t("sachbearbeitung:uebersicht.zeitraum")}</label>
          <select className="input" id="wochen" name="wochen" defaultValue={String(weeks)}>
            {DASHBOARD_PERIODS.map((n) => <option key={n} value={n}>{t("sachbearbeitung:uebersicht.wochenOption", { anzahl: n })}</option>)}
          </select>
        </div>
        <button type="submit" className="button button--secondary">{t("sachbearbeitung:uebersicht.anzeigen")}</button>
      </Form>
      {stats.total === 0 ? (
        <div className="notice" data-dashboard="leer"><p>{t("sachbearbeitung:uebersicht.keineEingaenge")}</p></div>
      ) : (
        <>
          <h2>{t("sachbearbeitung:uebersicht.kennzahlen")}</h2>
          <SummaryList rows={[
            { key: "eingaenge", label: t("sachbearbeitung:uebersicht.eingaenge"), value: count.format(stats.total) },
            { key: "median", label: t("sachbearbeitung:uebersicht.median"), value: stats.medianHours === null ? t("sachbearbeitung:uebersicht.keineBearbeitung") : hours(stats.medianHours) },
            { key: "vollstaendig", label: t("sachbearbeitung:uebersicht.vollstaendig"), value: stats.completeShare === null ? t("sachbearbeitung:uebersicht.unbekannt") : percent(stats.completeShare) },
            { key: "ohne", label: t("sachbearbeitung:uebersicht.ohneBearbeitung"), value: count.format(stats.withoutAction) },
          ]} />
          <p className="hint">{t("sachbearbeitung:uebersicht.erlaeuterung")}</p>
          <WeeklyStackedChart
            id="verfahren" title={t("sachbearbeitung:uebersicht.chartVerfahren")} weeks={chartWeeks}
            series={flows.map((f) => ({ key: f.id, label: t(f.label), values: stats.weeks.map((w) => w.byFlow[f.id] ?? 0) }))}
          />
          <HorizontalBarChart
            id="status" title={t("sachbearbeitung:uebersicht.chartStatus")} categoryLabel={t("sachbearbeitung:spalten.status")}
            items={STATUSES.map((s) => ({ key: s, label: t(`sachbearbeitung:status.${s}`), value: stats.byStatus[s] ?? 0 }))}
          />
          <WeeklyStackedChart
            id="sprache" title={t("sachbearbeitung:uebersicht.chartSprache")} weeks={chartWeeks}
            series={stats.languages.map((code) => ({
              key: code, label: code === OTHER_LANGUAGES ? t("sachbearbeitung:uebersicht.weitereSprachen") : languageLabels[code] ?? code,
              values: stats.weeks.map((w) => w.byLanguage[code] ?? 0),
            }))}
          />
          <WeeklyMetricChart
            id="median-woche" title={t("sachbearbeitung:uebersicht.chartMedian")} valueLabel={t("sachbearbeitung:uebersicht.spalteMedian")}
            weeks={chartWeeks} values={stats.weeks.map((w) => w.medianHours)} format={hours}
          />
          <WeeklyMetricChart
            id="vollstaendig-woche" title={t("sachbearbeitung:uebersicht.chartVollstaendig")} valueLabel={t("sachbearbeitung:uebersicht.spalteAnteil")}
            weeks={chartWeeks} values={stats.weeks.map((w) => w.completeShare)} format={percent} axisTop={100}
          />
        </>
      )}
    </>
  );
}
