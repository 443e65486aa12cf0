/**
 * Who joined the household and who left it since the prefilled application (W2.2/W2.3):
 * the household list now against the one carried over. Without a prefill nothing is known.
 */
import type { Person } from "~/model/common";
import type { AnswerView, StepValues } from "../engine/types";

const same = (a: StepValues, b: StepValues) => a.vorname === b.vorname && a.geburtsdatum === b.geburtsdatum;
const person = (v: StepValues): Person => ({ vorname: String(v.vorname), nachname: String(v.nachname), geburtsdatum: String(v.geburtsdatum) });

export interface HouseholdChange {
  /** Members (by index, ≥ 1) not in the prefilled household. */
  neu: number[];
  /** Prefilled persons no longer in the household. */
  weg: StepValues[];
}

export function householdChange(a: AnswerView): HouseholdChange | undefined {
  if (!a.answered("_vor/haushalt")) return undefined;
  const before = a.items("_vor/haushalt");
  const now = a.items("haushalt");
  return {
    neu: now.flatMap((m, i) => (before.some((b) => same(b, m)) ? [] : [i + 1])),
    weg: before.filter((b) => !now.some((m) => same(b, m))),
  };
}

/** The model's Personenwechsel, or undefined when nothing changed or nothing was prefilled. */
export function personenwechsel(a: AnswerView): { neu?: Person[]; nichtMehrImHaushalt?: Person[] } | undefined {
  const change = householdChange(a);
  if (!change || (change.neu.length === 0 && change.weg.length === 0)) return undefined;
  const now = a.items("haushalt");
  return {
    ...(change.neu.length ? { neu: change.neu.map((i) => person(now[i - 1])) } : {}),
    ...(change.weg.length ? { nichtMehrImHaushalt: change.weg.map(person) } : {}),
  };
}
