/**
 * Figures for the Teamleitung dashboard (Übersicht): the jobcenter's submissions of the last N
 * ISO weeks, fetched with a plain select (the same on SQLite and PostgreSQL) and aggregated here
 * in TypeScript. `aggregateDashboard` is pure, so it is tested without a database.
 * Weeks start on Monday 00:00 UTC (Berlin time approximated by UTC, as the inbox filters do).
 */
import type { DB } from "~/store/db.server";
import { flowIds } from "~/flows/registry.server";
import { DASHBOARD_PERIODS, OTHER_LANGUAGES, STATUSES } from "./texts";

export { DASHBOARD_PERIODS, OTHER_LANGUAGES };
export const DEFAULT_WEEKS = 12;
/** Languages shown on their own; the rest are summed up as OTHER_LANGUAGES. */
export const TOP_LANGUAGES = 5;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The columns the dashboard reads. */
export interface DashboardRow {
  flow: string;
  status: string;
  language: string;
  received_at: string;
  first_action_at: string | null;
  complete_on_arrival: number | null;
}

export interface WeekStats {
  /** Monday of the week, YYYY-MM-DD. */
  start: string;
  /** ISO week number and ISO week-numbering year. */
  week: number;
  year: number;
  total: number;
  byFlow: Record<string, number>;
  /** Keys: the period's top languages and, when there are more, OTHER_LANGUAGES. */
  byLanguage: Record<string, number>;
  /** Median hours from receipt to the first caseworker action; null without any action. */
  medianHours: number | null;
  /** Percent complete on arrival among rows where it is known; null when none is known. */
  completeShare: number | null;
}

export interface DashboardStats {
  /** Start of the first week (inclusive) and end of the last (exclusive), ISO. */
  from: string;
  to: string;
  weeks: WeekStats[];
  total: number;
  /** Current status of the period's submissions, every STATUSES key present. */
  byStatus: Record<string, number>;
  /** Language series in order: top languages by count, then OTHER_LANGUAGES if any. */
  languages: string[];
  medianHours: number | null;
  completeShare: number | null;
  /** Submissions of the period without any caseworker action yet. */
  withoutAction: number;
}

/** A period the dashboard accepts, from a query parameter; anything else is the default. */
export function parseWeeks(value: string | null | undefined): number {
  const n = Number(value);
  return (DASHBOARD_PERIODS as readonly number[]).includes(n) ? n : DEFAULT_WEEKS;
}

const periodWeeks = (weeks: number | undefined) => Math.max(1, Math.floor(weeks ?? DEFAULT_WEEKS));

/** Monday 00:00 UTC of the week that holds `date`. */
export function weekStart(date: Date): Date {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day - weekday * DAY_MS);
}

/** ISO 8601 week number and its year for a date (UTC). */
export function isoWeek(date: Date): { week: number; year: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7)); // Thursday of this week
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() + 3 - ((firstThursday.getUTCDay() + 6) % 7));
  return { week: 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * DAY_MS)), year };
}

/** The period: the current week and the N − 1 weeks before it. */
export function dashboardPeriod(weeks: number, now: Date): { from: Date; to: Date } {
  const current = weekStart(now);
  return { from: new Date(current.getTime() - (weeks - 1) * 7 * DAY_MS), to: new Date(current.getTime() + 7 * DAY_MS) };
}

/** Median of the numbers (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Hours from receipt to first action, never negative; undefined without an action. */
function hoursToFirstAction(row: DashboardRow): number | undefined {
  if (!row.first_action_at) return undefined;
  const ms = Date.parse(row.first_action_at) - Date.parse(row.received_at);
  return Number.isFinite(ms) ? Math.max(0, ms) / HOUR_MS : undefined;
}

/** Percent of rows complete on arrival, ignoring rows where it is unknown (null). */
function completeShare(rows: readonly DashboardRow[]): number | null {
  const known = rows.filter((r) => r.complete_on_arrival !== null && r.complete_on_arrival !== undefined);
  if (known.length === 0) return null;
  return (known.filter((r) => Number(r.complete_on_arrival) === 1).length / known.length) * 100;
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;

/** The period's top languages by count (ties by code), plus OTHER_LANGUAGES when more exist. */
function languageSeries(rows: readonly DashboardRow[]): { series: string[]; top: Set<string> } {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  const top = ranked.slice(0, TOP_LANGUAGES);
  return { series: ranked.length > TOP_LANGUAGES ? [...top, OTHER_LANGUAGES] : top, top: new Set(top) };
}

/** Pure aggregation of the jobcenter's rows; rows outside the period are ignored. */
export function aggregateDashboard(rows: readonly DashboardRow[], options: { weeks?: number; now?: Date } = {}): DashboardStats {
  const weeks = periodWeeks(options.weeks);
  const { from, to } = dashboardPeriod(weeks, options.now ?? new Date());
  const inPeriod = rows.filter((r) => {
    const at = Date.parse(r.received_at);
    return at >= from.getTime() && at < to.getTime();
  });
  const { series, top } = languageSeries(inPeriod);
  const buckets: DashboardRow[][] = Array.from({ length: weeks }, () => []);
  for (const r of inPeriod) buckets[Math.floor((Date.parse(r.received_at) - from.getTime()) / (7 * DAY_MS))].push(r);
  const hours = (list: readonly DashboardRow[]) => list.map(hoursToFirstAction).filter((h): h is number => h !== undefined);

  const weekStats = buckets.map((bucket, i): WeekStats => {
    const start = new Date(from.getTime() + i * 7 * DAY_MS);
    const byFlow = zeros(flowIds());
    const byLanguage = zeros(series);
    for (const r of bucket) {
      if (r.flow in byFlow) byFlow[r.flow]++;
      byLanguage[top.has(r.language) ? r.language : OTHER_LANGUAGES]++;
    }
    return {
      start: start.toISOString().slice(0, 10), ...isoWeek(start), total: bucket.length, byFlow, byLanguage,
      medianHours: median(hours(bucket)), completeShare: completeShare(bucket),
    };
  });

  const byStatus = zeros(STATUSES);
  for (const r of inPeriod) if (r.status in byStatus) byStatus[r.status]++;
  return {
    from: from.toISOString(), to: to.toISOString(), weeks: weekStats, total: inPeriod.length, byStatus, languages: series,
    medianHours: median(hours(inPeriod)), completeShare: completeShare(inPeriod),
    withoutAction: inPeriod.filter((r) => !r.first_action_at).length,
  };
}

/** The dashboard of one jobcenter: its rows of the period (plain select), aggregated. */
export async function dashboardStats(db: DB, jobcenterId: string, options: { weeks?: number; now?: Date } = {}): Promise<DashboardStats> {
  const weeks = periodWeeks(options.weeks);
  const now = options.now ?? new Date();
  const { from, to } = dashboardPeriod(weeks, now);
  const rows = await db.selectFrom("submissions")
    .select(["flow", "status", "language", "received_at", "first_action_at", "complete_on_arrival"])
    .where("jobcenter_id", "=", jobcenterId)
    .where("received_at", ">=", from.toISOString())
    .where("received_at", "<", to.toISOString())
    .execute();
  return aggregateDashboard(rows, { weeks, now });
}
