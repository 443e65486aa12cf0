/**
 * Weiterbewilligung: where a renewal stands, from the end of the current Bewilligungszeitraum
 * (on the Bescheid) and the month the renewal arrives in (§ 37 Abs. 2 S. 2 SGB II: an
 * application counts from the first of that month). wba-but.md A.2, ADR 0028.
 */
import type { AnswerView } from "~/flows/engine/types";

/**
 * - frueh: the period ends in eight weeks or later — renew at leisure;
 * - bald: it ends within eight weeks or this month — renew now, so the first payment is on time;
 * - nachmonat: it ended last month — still no gap, the renewal covers this whole month;
 * - luecke: it ended earlier — the months between are lost, the new period starts this month;
 * - erstantrag: the gap is longer than the jobcenter accepts for a renewal — an Erstantrag.
 */
export type Lage = "frueh" | "bald" | "nachmonat" | "luecke" | "erstantrag";

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function lageAm(ende: string, heute: string, maxLueckeMonate: number): Lage {
  if (ende >= heute) return monthIndex(ende) === monthIndex(heute) || dayNumber(ende) - dayNumber(heute) < 56 ? "bald" : "frueh";
  const verlorenVoll = monthIndex(heute) - monthIndex(ende) - 1;
  if (verlorenVoll === 0) return "nachmonat";
  return verlorenVoll <= maxLueckeMonate ? "luecke" : "erstantrag";
}

/** The first day of the new period: the day after the end, or after a gap the first of this month. */
export function beginnNeu(ende: string, heute: string): string {
  const lage = lageAm(ende, heute, Number.POSITIVE_INFINITY);
  if (lage === "luecke") return `${heute.slice(0, 8)}01`;
  const next = new Date((dayNumber(ende) + 1) * 86_400_000);
  return next.toISOString().slice(0, 10);
}

/** The day the renewal counts as made: a Kurzantrag's day of receipt (`_bezug`), else today. */
export const eingangstag = (a: AnswerView, today: string) => {
  const bezug = a.value("_bezug", "eingang");
  return typeof bezug === "string" && bezug < today ? bezug : today;
};

const maxLuecke = (a: AnswerView) => Number(a.value("_mandant", "maxLueckeMonate") ?? 3);

/** Where this renewal stands, once the end of the period is known. */
export function lage(a: AnswerView, today: string): Lage | undefined {
  const ende = a.value("bwz", "ende");
  return typeof ende === "string" ? lageAm(ende, eingangstag(a, today), maxLuecke(a)) : undefined;
}

/** The application date of an Erstantrag: the earliest of an informal application, a Kurzantrag and today. */
export function antragstag(a: AnswerView, today: string): string {
  const earlier = [a.value("formlos", "datum"), a.value("_bezug", "eingang")].filter((d): d is string => typeof d === "string");
  return [...earlier, today].sort()[0];
}

/**
 * The first day of the Bewilligungszeitraum the answers apply for: a renewal's new period, else
 * the first of the month benefits are wanted from (a later start, or the application month).
 * § 65a SGB II: its law decides the Vermögen regime; the limit and the recorded period start use
 * the same day (audit R2).
 */
export function bwzBeginn(a: AnswerView, today: string): string {
  const neu = bwzBeginnNeu(a, today);
  if (neu) return neu;
  const spaeter = a.value("beginnDatum", "datum");
  return `${(typeof spaeter === "string" ? spaeter : antragstag(a, today)).slice(0, 8)}01`;
}

/** The start of the new Bewilligungszeitraum, once the end of the current one is known. */
export function bwzBeginnNeu(a: AnswerView, today: string): string | undefined {
  const ende = a.value("bwz", "ende");
  return typeof ende === "string" ? beginnNeu(ende, eingangstag(a, today)) : undefined;
}
