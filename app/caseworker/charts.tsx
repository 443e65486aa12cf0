/**
 * Inline SVG charts of the dashboard, rendered on the server and readable without JavaScript.
 * Each is a section with a heading, a text legend, an SVG with role="img", <title> and a <desc>
 * that sums up the numbers, and the same numbers as a real table in a <details>. Colours come
 * from CSS custom properties (.chart__bar--N in app.css, no inline styles: the CSP forbids
 * them); the viewBox scales to the width. Labels arrive translated; the charts' own texts come
 * from the sachbearbeitung namespace.
 */
import type { ReactNode } from "react";
import { useT } from "~/i18n/context";
import { TableWrap } from "~/ui/TableWrap";

export interface ChartWeek {
  /** Under the bar, e.g. the week number. */
  short: string;
  /** In tooltips, the description and the table. */
  long: string;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** One value per week. */
  values: number[];
}

const W = 400;
const PLOT = { top: 12, end: 8, bottom: 40, start: 44 };
const H = 220;
const PLOT_W = W - PLOT.start - PLOT.end;
const PLOT_H = H - PLOT.top - PLOT.bottom;
/** Height of one row of the horizontal bar chart: label line and bar. */
const ROW = 40;
/** At most this many week numbers under the axis; the table has them all. */
const MAX_AXIS_LABELS = 13;

const count = new Intl.NumberFormat("de-DE");
const tick = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const list = new Intl.ListFormat("de-DE", { style: "long", type: "conjunction" });

/** A rounded top of the value axis and its ticks (steps of 1, 2 or 5 × 10ⁿ). */
export function axisScale(max: number, options: { integer?: boolean; top?: number } = {}): { top: number; ticks: number[] } {
  if (options.top) return { top: options.top, ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => f * options.top!) };
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  if (options.integer) step = Math.max(1, Math.round(step));
  const steps = Math.ceil(max / step - 1e-9);
  return { top: steps * step, ticks: Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12))) };
}

const yOf = (value: number, top: number) => PLOT.top + PLOT_H - (value / top) * PLOT_H;

interface FrameProps {
  id: string;
  title: string;
  description: string;
  viewHeight: number;
  legend?: { key: string; label: string }[];
  table: ReactNode;
  children: ReactNode;
}

function ChartFrame({ id, title, description, viewHeight, legend, table, children }: FrameProps) {
  const t = useT();
  return (
    <section className="chart" aria-labelledby={`${id}-ueberschrift`}>
      <h2 id={`${id}-ueberschrift`}>{title}</h2>
      {legend && legend.length > 0 ? (
        <ul className="chart__legend" aria-label={t("sachbearbeitung:uebersicht.diagramm.legende")}>
          {legend.map((s, i) => (
            <li key={s.key} className="chart__legend-item"><span className={`chart__swatch chart__bar--${i + 1}`} aria-hidden="true" />{s.label}</li>
          ))}
        </ul>
      ) : null}
      <svg className="chart__svg" viewBox={`0 0 ${W} ${viewHeight}`} role="img" aria-labelledby={`${id}-titel`} aria-describedby={`${id}-beschreibung`} focusable="false">
        <title id={`${id}-titel`}>{title}</title>
        <desc id={`${id}-beschreibung`}>{description}</desc>
        {children}
      </svg>
      <details className="chart__data">
        <summary>{t("sachbearbeitung:uebersicht.diagramm.tabelle")}</summary>
        <TableWrap label={t("sachbearbeitung:uebersicht.diagramm.tabelle")}>{table}</TableWrap>
      </details>
    </section>
  );
}

/** Value axis with grid lines, the week numbers below and the axis caption. */
function WeekAxes({ weeks, ticks, top, format }: { weeks: ChartWeek[]; ticks: number[]; top: number; format: (n: number) => string }) {
  const t = useT();
  const slot = PLOT_W / weeks.length;
  const every = Math.ceil(weeks.length / MAX_AXIS_LABELS);
  return (
    <g className="chart__axes">
      {ticks.map((v) => (
        <g key={v}>
          <line className="chart__grid" x1={PLOT.start} x2={W - PLOT.end} y1={yOf(v, top)} y2={yOf(v, top)} />
          <text className="chart__tick" x={PLOT.start - 6} y={yOf(v, top)} dy="0.35em" textAnchor="end">{format(v)}</text>
        </g>
      ))}
      {weeks.map((w, i) => (i % every === 0 ? (
        <text key={w.long} className="chart__tick" x={PLOT.start + (i + 0.5) * slot} y={H - PLOT.bottom + 16} textAnchor="middle">{w.short}</text>
      ) : null))}
      <text className="chart__caption" x={PLOT.start + PLOT_W / 2} y={H - 6} textAnchor="middle">{t("sachbearbeitung:uebersicht.diagramm.achseWoche")}</text>
    </g>
  );
}

/** Counts per week, one stacked bar per week, a segment per series (flows, languages). */
export function WeeklyStackedChart({ id, title, weeks, series }: { id: string; title: string; weeks: ChartWeek[]; series: ChartSeries[] }) {
  const t = useT();
  const totals = weeks.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const sum = totals.reduce((a, b) => a + b, 0);
  const peak = totals.reduce((best, v, i) => (v > totals[best] ? i : best), 0);
  const { top, ticks } = axisScale(Math.max(0, ...totals), { integer: true });
  const slot = PLOT_W / weeks.length;
  const barW = slot * 0.7;
  const description = t("sachbearbeitung:uebersicht.diagramm.beschreibungWochen", {
    summe: count.format(sum), woche: weeks[peak]?.long ?? "", wert: count.format(totals[peak] ?? 0),
    reihen: list.format(series.map((s) => t("sachbearbeitung:uebersicht.diagramm.wert", { name: s.label, wert: count.format(s.values.reduce((a, b) => a + b, 0)) }))),
  });
  const table = (
    <table className="table chart__table">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("sachbearbeitung:uebersicht.diagramm.woche")}</th>
          {series.map((s) => <th scope="col" key={s.key}>{s.label}</th>)}
          <th scope="col">{t("sachbearbeitung:uebersicht.diagramm.summe")}</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => (
          <tr key={w.long}>
            <th scope="row">{w.long}</th>
            {series.map((s) => <td key={s.key}>{count.format(s.values[i] ?? 0)}</td>)}
            <td>{count.format(totals[i])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("sachbearbeitung:uebersicht.diagramm.summe")}</th>
          {series.map((s) => <td key={s.key}>{count.format(s.values.reduce((a, b) => a + b, 0))}</td>)}
          <td>{count.format(sum)}</td>
        </tr>
      </tfoot>
    </table>
  );
  return (
    <ChartFrame id={id} title={title} description={description} viewHeight={H} legend={series} table={table}>
      <WeekAxes weeks={weeks} ticks={ticks} top={top} format={(n) => count.format(n)} />
      {weeks.map((w, i) => {
        let base = 0;
        return (
          <g key={w.long}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              if (v <= 0) return null;
              const y = yOf(base + v, top);
              const height = yOf(base, top) - y;
              base += v;
              return (
                <rect key={s.key} className={`chart__bar chart__bar--${k + 1}`} x={PLOT.start + i * slot + (slot - barW) / 2} y={y} width={barW} height={height}>
                  <title>{t("sachbearbeitung:uebersicht.diagramm.wertReihe", { woche: w.long, reihe: s.label, wert: count.format(v) })}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** One horizontal bar per category (the current statuses), label above, value after the bar. */
export function HorizontalBarChart({ id, title, categoryLabel, items }: { id: string; title: string; categoryLabel: string; items: { key: string; label: string; value: number }[] }) {
  const t = useT();
  const height = items.length * ROW + 4;
  const max = Math.max(1, ...items.map((i) => i.value));
  const barSpace = W - 56;
  const sum = items.reduce((a, i) => a + i.value, 0);
  const description = t("sachbearbeitung:uebersicht.diagramm.beschreibungBalken", {
    summe: count.format(sum), werte: list.format(items.map((i) => t("sachbearbeitung:uebersicht.diagramm.wert", { name: i.label, wert: count.format(i.value) }))),
  });
  const table = (
    <table className="table chart__table">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr><th scope="col">{categoryLabel}</th><th scope="col">{t("sachbearbeitung:uebersicht.diagramm.anzahl")}</th></tr>
      </thead>
      <tbody>
        {items.map((i) => <tr key={i.key}><th scope="row">{i.label}</th><td>{count.format(i.value)}</td></tr>)}
      </tbody>
      <tfoot>
        <tr><th scope="row">{t("sachbearbeitung:uebersicht.diagramm.summe")}</th><td>{count.format(sum)}</td></tr>
      </tfoot>
    </table>
  );
  return (
    <ChartFrame id={id} title={title} description={description} viewHeight={height} table={table}>
      {items.map((item, i) => {
        const barW = (item.value / max) * barSpace;
        const y = i * ROW;
        return (
          <g key={item.key}>
            <text className="chart__label" x={0} y={y + 14}>{item.label}</text>
            {barW > 0 ? <rect className="chart__bar chart__bar--1" x={0} y={y + 20} width={barW} height={14} /> : null}
            <text className="chart__value" x={barW + 6} y={y + 27} dy="0.35em">{count.format(item.value)}</text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** One metric per week (median hours, share in %); weeks without a value have no bar. */
export function WeeklyMetricChart(props: {
  id: string; title: string; valueLabel: string; weeks: ChartWeek[]; values: (number | null)[];
  format: (n: number) => string; axisTop?: number;
}) {
  const { id, title, valueLabel, weeks, values, format, axisTop } = props;
  const t = useT();
  const known = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  const { top, ticks } = axisScale(Math.max(0, ...known.map((p) => p.v)), { top: axisTop });
  const slot = PLOT_W / weeks.length;
  const barW = slot * 0.7;
  const low = known.reduce<{ v: number; i: number } | undefined>((a, p) => (!a || p.v < a.v ? p : a), undefined);
  const high = known.reduce<{ v: number; i: number } | undefined>((a, p) => (!a || p.v > a.v ? p : a), undefined);
  const description = low && high
    ? t("sachbearbeitung:uebersicht.diagramm.beschreibungMetrik", {
      mitDaten: count.format(known.length), wochen: count.format(weeks.length),
      min: format(low.v), minWoche: weeks[low.i].long, max: format(high.v), maxWoche: weeks[high.i].long,
    })
    : t("sachbearbeitung:uebersicht.diagramm.beschreibungOhneDaten");
  const table = (
    <table className="table chart__table">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr><th scope="col">{t("sachbearbeitung:uebersicht.diagramm.woche")}</th><th scope="col">{valueLabel}</th></tr>
      </thead>
      <tbody>
        {weeks.map((w, i) => {
          const v = values[i];
          return <tr key={w.long}><th scope="row">{w.long}</th><td>{v === null || v === undefined ? t("sachbearbeitung:uebersicht.diagramm.keineDaten") : format(v)}</td></tr>;
        })}
      </tbody>
    </table>
  );
  return (
    <ChartFrame id={id} title={title} description={description} viewHeight={H} table={table}>
      <WeekAxes weeks={weeks} ticks={ticks} top={top} format={(n) => tick.format(n)} />
      {known.map(({ v, i }) => {
        const y = yOf(Math.min(v, top), top);
        return (
          <rect key={weeks[i].long} className="chart__bar chart__bar--1" x={PLOT.start + i * slot + (slot - barW) / 2} y={y} width={barW} height={Math.max(0, yOf(0, top) - y)}>
            <title>{t("sachbearbeitung:uebersicht.diagramm.wert", { name: weeks[i].long, wert: format(v) })}</title>
          </rect>
        );
      })}
    </ChartFrame>
  );
}
