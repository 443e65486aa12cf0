/**
 * The Teamleitung dashboard: the pure aggregation (ISO weeks, empty weeks, median, share
 * complete on arrival, top languages, period boundaries), the query's jobcenter scoping on
 * SQLite (and PostgreSQL when configured), and the charts' accessible markup rendered on the
 * server with the real German texts.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axisScale, HorizontalBarChart, WeeklyMetricChart, WeeklyStackedChart } from "~/caseworker/charts";
import {
  aggregateDashboard, dashboardPeriod, dashboardStats, DEFAULT_WEEKS, isoWeek, median, OTHER_LANGUAGES, parseWeeks, weekStart, type DashboardRow,
} from "~/caseworker/dashboard.server";
import { STATUSES } from "~/caseworker/texts";
import { I18nProvider } from "~/i18n/context";
import type { DB } from "~/store/db.server";
import { syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { storeDrivers } from "../fixtures/databases";

/** Wednesday of ISO week 47/2026; with 4 weeks the period is Mon 26.10. – Sun 22.11.2026. */
const NOW = new Date("2026-11-18T12:00:00.000Z");
const FROM = "2026-10-26T00:00:00.000Z";
const TO = "2026-11-23T00:00:00.000Z";

const row = (receivedAt: string, over: Partial<DashboardRow> = {}): DashboardRow => ({
  flow: "erstantrag", status: "eingegangen", language: "de", received_at: receivedAt, first_action_at: null, complete_on_arrival: null, ...over,
});
const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

describe("dashboard weeks and period", () => {
  it("starts weeks on Monday 00:00 UTC and numbers them by ISO 8601", () => {
    expect(weekStart(new Date("2026-11-22T23:59:59.999Z")).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-16T00:00:00.000Z")).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(isoWeek(new Date("2026-11-16T00:00:00Z"))).toEqual({ week: 47, year: 2026 });
    expect(isoWeek(new Date("2024-12-30T00:00:00Z"))).toEqual({ week: 1, year: 2025 });
    expect(isoWeek(new Date("2021-01-03T00:00:00Z"))).toEqual({ week: 53, year: 2020 });
    expect(isoWeek(new Date("2026-01-01T00:00:00Z"))).toEqual({ week: 1, year: 2026 });
  });

  it("covers the current week and the N − 1 before it", () => {
    const { from, to } = dashboardPeriod(4, NOW);
    expect([from.toISOString(), to.toISOString()]).toEqual([FROM, TO]);
  });

  it("accepts 4, 12 or 26 weeks and falls back to 12", () => {
    expect([parseWeeks("4"), parseWeeks("26"), parseWeeks("12")]).toEqual([4, 26, 12]);
    expect([parseWeeks(null), parseWeeks("5"), parseWeeks("abc"), parseWeeks("-4")]).toEqual([DEFAULT_WEEKS, DEFAULT_WEEKS, DEFAULT_WEEKS, DEFAULT_WEEKS]);
  });

  it("counts rows from the period's first instant up to, not including, its end", () => {
    const rows = [
      row("2026-10-25T23:59:59.999Z"), // before
      row(FROM), // first instant: week 1
      row("2026-11-22T23:59:59.999Z"), // last instant: week 4
      row(TO), // after
    ];
    const stats = aggregateDashboard(rows, { weeks: 4, now: NOW });
    expect(stats.from).toBe(FROM);
    expect(stats.to).toBe(TO);
    expect(stats.total).toBe(2);
    expect(stats.weeks.map((w) => w.total)).toEqual([1, 0, 0, 1]);
  });
});

describe("dashboard aggregation", () => {
  it("renders empty weeks as zero for every flow, with no median and no share", () => {
    const stats = aggregateDashboard([row("2026-11-03T09:00:00.000Z", { flow: "kurzantrag" })], { weeks: 4, now: NOW });
    expect(stats.weeks.map((w) => [w.start, w.week, w.year])).toEqual([
      ["2026-10-26", 44, 2026], ["2026-11-02", 45, 2026], ["2026-11-09", 46, 2026], ["2026-11-16", 47, 2026],
    ]);
    expect(stats.weeks.map((w) => w.byFlow)).toEqual([
      { erstantrag: 0, kurzantrag: 0, veraenderung: 0, weiterbewilligung: 0, but: 0 },
      { erstantrag: 0, kurzantrag: 1, veraenderung: 0, weiterbewilligung: 0, but: 0 },
      { erstantrag: 0, kurzantrag: 0, veraenderung: 0, weiterbewilligung: 0, but: 0 },
      { erstantrag: 0, kurzantrag: 0, veraenderung: 0, weiterbewilligung: 0, but: 0 },
    ]);
    expect(stats.weeks.map((w) => w.medianHours)).toEqual([null, null, null, null]);
    expect(stats.weeks.map((w) => w.completeShare)).toEqual([null, null, null, null]);
    expect(stats.medianHours).toBeNull();
    expect(stats.completeShare).toBeNull();
  });

  it("gives an empty jobcenter all weeks with zeros and every status at zero", () => {
    const stats = aggregateDashboard([], { weeks: 12, now: NOW });
    expect(stats.total).toBe(0);
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.every((w) => w.total === 0)).toBe(true);
    expect(stats.byStatus).toEqual(Object.fromEntries(STATUSES.map((s) => [s, 0])));
    expect(stats.languages).toEqual([]);
    expect(stats.withoutAction).toBe(0);
  });

  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("computes the median hours to first action only over rows with an action, per week and overall", () => {
    const w45 = "2026-11-02T08:00:00.000Z";
    const w46 = "2026-11-10T08:00:00.000Z";
    const rows = [
      row(w45, { first_action_at: hoursAfter(w45, 1) }),
      row(w45, { first_action_at: hoursAfter(w45, 3) }),
      row(w45, { first_action_at: hoursAfter(w45, 2) }), // odd: 1, 2, 3 → 2
      row(w45), // no action yet: not in the median
      row(w46, { first_action_at: hoursAfter(w46, 10) }),
      row(w46, { first_action_at: hoursAfter(w46, 4) }), // even: 4, 10 → 7
    ];
    const stats = aggregateDashboard(rows, { weeks: 4, now: NOW });
    expect(stats.weeks.map((w) => w.medianHours)).toEqual([null, 2, 7, null]);
    expect(stats.medianHours).toBe(3); // 1, 2, 3, 4, 10
    expect(stats.withoutAction).toBe(1);
  });

  it("computes the share complete on arrival ignoring unknown (null) rows", () => {
    const at = "2026-11-17T10:00:00.000Z";
    const rows = [row(at, { complete_on_arrival: 1 }), row(at, { complete_on_arrival: 0 }), row(at, { complete_on_arrival: null }), row(at, { complete_on_arrival: 1 })];
    const stats = aggregateDashboard(rows, { weeks: 4, now: NOW });
    expect(stats.completeShare).toBeCloseTo(200 / 3, 10);
    expect(stats.weeks[3].completeShare).toBeCloseTo(200 / 3, 10);
    expect(stats.weeks[2].completeShare).toBeNull();
    expect(aggregateDashboard([row(at, { complete_on_arrival: 0 })], { weeks: 4, now: NOW }).completeShare).toBe(0);
  });

  it("shows the five most frequent languages and sums up the rest as 'weitere'", () => {
    const at = "2026-11-05T10:00:00.000Z";
    const late = "2026-11-19T10:00:00.000Z";
    const counts: [string, number][] = [["de", 5], ["ar", 4], ["en", 3], ["uk", 2], ["tr", 2], ["ru", 1], ["fa", 1]];
    const rows = counts.flatMap(([language, n]) => Array.from({ length: n }, () => row(at, { language })));
    rows.push(row(late, { language: "fa" }), row(late, { language: "de" }));
    const stats = aggregateDashboard(rows, { weeks: 4, now: NOW });
    expect(stats.languages).toEqual(["de", "ar", "en", "fa", "tr", OTHER_LANGUAGES]); // fa 2 ties tr 2 and uk 2: by code
    expect(stats.weeks[1].byLanguage).toEqual({ de: 5, ar: 4, en: 3, fa: 1, tr: 2, [OTHER_LANGUAGES]: 3 }); // uk 2 + ru 1
    expect(stats.weeks[3].byLanguage).toEqual({ de: 1, ar: 0, en: 0, fa: 1, tr: 0, [OTHER_LANGUAGES]: 0 });
    expect(stats.weeks[0].byLanguage).toEqual({ de: 0, ar: 0, en: 0, fa: 0, tr: 0, [OTHER_LANGUAGES]: 0 });
  });

  it("has no 'weitere' series with five languages or fewer", () => {
    const at = "2026-11-05T10:00:00.000Z";
    const stats = aggregateDashboard(["de", "ar", "en", "tr", "uk"].map((language) => row(at, { language })), { weeks: 4, now: NOW });
    expect(stats.languages).toEqual(["ar", "de", "en", "tr", "uk"]);
  });

  it("counts the current status of the period's submissions", () => {
    const at = "2026-11-05T10:00:00.000Z";
    const stats = aggregateDashboard([
      row(at, { status: "eingegangen" }), row(at, { status: "in_bearbeitung" }), row(at, { status: "in_bearbeitung" }),
      row(at, { status: "abgeschlossen" }), row("2026-01-05T10:00:00.000Z", { status: "abgeschlossen" }),
    ], { weeks: 4, now: NOW });
    expect(stats.byStatus).toEqual({ eingegangen: 1, in_bearbeitung: 2, unterlagen_angefordert: 0, vollstaendig: 0, abgeschlossen: 1 });
  });
});

describe.each(storeDrivers("dashboard"))("dashboard query on $name", (driver) => {
  let db: DB;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await driver.open());
    await migrate(db);
    await syncJobcenters(db);
    const insert = (jobcenterId: string, receivedAt: string, over: Partial<DashboardRow> = {}) => {
      const id = randomUUID();
      return db.insertInto("submissions").values({
        id, reference: id.slice(0, 8).toUpperCase(), draft_id: randomUUID(), flow: "erstantrag", form_version: "test", rechtsstand: "2026-07-01",
        jobcenter_id: jobcenterId, language: "de", received_at: receivedAt, status: "eingegangen", payload: "x",
        assigned_to: null, status_changed_at: null, first_action_at: null, completed_by: null, approved_by: null, approved_at: null,
        flagged: 0, missing_nachweise: null, complete_on_arrival: null, ...over,
      }).execute();
    };
    await insert("demo-musterstadt", "2026-11-17T09:00:00.000Z", { first_action_at: "2026-11-17T11:00:00.000Z", complete_on_arrival: 1, language: "ar" });
    await insert("demo-musterstadt", "2026-11-03T09:00:00.000Z", { flow: "veraenderung", complete_on_arrival: 0 });
    await insert("demo-musterstadt", "2026-10-25T09:00:00.000Z"); // before the 4-week period
    await insert("demo-beispielkreis", "2026-11-17T09:00:00.000Z"); // another jobcenter
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it("reads only the jobcenter's rows of the period", async () => {
    const stats = await dashboardStats(db, "demo-musterstadt", { weeks: 4, now: NOW });
    expect(stats.total).toBe(2);
    expect(stats.weeks.map((w) => w.total)).toEqual([0, 1, 0, 1]);
    expect(stats.weeks[1].byFlow.veraenderung).toBe(1);
    expect(stats.medianHours).toBe(2);
    expect(stats.completeShare).toBe(50);
    expect(stats.withoutAction).toBe(1);
    expect(stats.languages).toEqual(["ar", "de"]);
    expect((await dashboardStats(db, "demo-beispielkreis", { weeks: 4, now: NOW })).total).toBe(1);
    expect((await dashboardStats(db, "unbekannt", { weeks: 4, now: NOW })).total).toBe(0);
  });
});

describe("dashboard charts", () => {
  const bundle = { sachbearbeitung: JSON.parse(readFileSync("locales/de/sachbearbeitung.json", "utf8")) };
  const render = (chart: ReactElement) => renderToStaticMarkup(createElement(I18nProvider, { lng: "de", dir: "ltr", bundle, children: chart }));
  const weeks = [{ short: "46", long: "KW 46/2026 (ab 09.11.)" }, { short: "47", long: "KW 47/2026 (ab 16.11.)" }];
  const svgOf = (html: string) => html.slice(html.indexOf("<svg"), html.indexOf("</svg>") + 6);

  it("renders a stacked week chart as an accessible SVG with a summary and the numbers as a table", () => {
    const html = render(createElement(WeeklyStackedChart, {
      id: "verfahren", title: "Eingänge je Woche nach Verfahren", weeks,
      series: [{ key: "erstantrag", label: "Erstantrag", values: [1200, 0] }, { key: "kurzantrag", label: "Kurzantrag", values: [3, 0] }],
    }));
    const svg = svgOf(html);
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    expect(svg).toContain('viewBox="0 0 400 220"');
    expect(svg).toContain('aria-labelledby="verfahren-titel"');
    expect(svg).toContain('aria-describedby="verfahren-beschreibung"');
    expect(svg).toContain('<title id="verfahren-titel">Eingänge je Woche nach Verfahren</title>');
    expect(svg).toMatch(/<desc id="verfahren-beschreibung">Insgesamt 1\.203, am meisten in KW 46\/2026 \(ab 09\.11\.\) mit 1\.203\. Je Reihe: Erstantrag: 1\.200 und Kurzantrag: 3\.<\/desc>/);
    expect(svg).toContain("chart__bar--1");
    expect(svg).not.toContain("style=");
    expect(html).toContain('<h2 id="verfahren-ueberschrift">Eingänge je Woche nach Verfahren</h2>');
    expect(html).toMatch(/<ul class="chart__legend"[^>]*>.*Erstantrag.*Kurzantrag.*<\/ul>/);
    expect(html).toMatch(/<details class="chart__data"><summary>Zahlen als Tabelle<\/summary>.*<table/);
    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(table).toContain("<th scope=\"row\">KW 47/2026 (ab 16.11.)</th><td>0</td><td>0</td><td>0</td>");
    expect(table).toContain("<th scope=\"row\">KW 46/2026 (ab 09.11.)</th><td>1.200</td><td>3</td><td>1.203</td>");
    expect(html).not.toMatch(/sachbearbeitung:/); // every text key exists
  });

  it("renders status totals as horizontal bars with a table, zero as a value without a bar", () => {
    const html = render(createElement(HorizontalBarChart, {
      id: "status", title: "Status (aktuell)", categoryLabel: "Status",
      items: [{ key: "eingegangen", label: "Eingegangen", value: 4 }, { key: "abgeschlossen", label: "Abgeschlossen", value: 0 }],
    }));
    const svg = svgOf(html);
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain("<desc id=\"status-beschreibung\">Insgesamt 4: Eingegangen: 4 und Abgeschlossen: 0.</desc>");
    expect(svg.match(/<rect/g)).toHaveLength(1);
    expect(html).toContain("<th scope=\"row\">Abgeschlossen</th><td>0</td>");
    expect(html).not.toMatch(/sachbearbeitung:/);
  });

  it("renders a per-week metric with weeks without data in the table, not as bars", () => {
    const html = render(createElement(WeeklyMetricChart, {
      id: "median", title: "Median", valueLabel: "Median bis zur ersten Bearbeitung", weeks, values: [null, 2.5],
      format: (n: number) => `${new Intl.NumberFormat("de-DE").format(n)} Stunden`,
    }));
    const svg = svgOf(html);
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain("Werte für 1 von 2 Wochen; niedrigster Wert 2,5 Stunden in KW 47/2026 (ab 16.11.)");
    expect(svg.match(/<rect/g)).toHaveLength(1);
    expect(html).toContain("<th scope=\"row\">KW 46/2026 (ab 09.11.)</th><td>keine Daten</td>");
    expect(html).toContain("<td>2,5 Stunden</td>");
    const none = render(createElement(WeeklyMetricChart, { id: "leer", title: "Anteil", valueLabel: "Anteil", weeks, values: [null, null], format: String, axisTop: 100 }));
    expect(svgOf(none)).toContain("Für keine Woche des Zeitraums liegen Werte vor.");
    expect(svgOf(none)).not.toContain("<rect");
  });

  it("rounds the value axis to steps of 1, 2 or 5", () => {
    expect(axisScale(0, { integer: true })).toEqual({ top: 1, ticks: [0, 1] });
    expect(axisScale(3, { integer: true })).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axisScale(37)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(axisScale(0.3).top).toBeCloseTo(0.3);
    expect(axisScale(12, { top: 100 })).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
  });
});
