/**
 * Which BuT categories a child can get (§ 28 SGB II, § 6b BKGG; wba-but.md B.2), and why not:
 * the "leistungen" page offers only these and names the others with their reason.
 *
 * - Bildung (Abs. 2–6) is for pupils under 25 of a general or vocational school without training
 *   pay; day trips, multi-day trips and lunch also for children in a Kita or Kindertagespflege.
 * - Teilhabe (Abs. 7) is for every child under 18.
 * - Persönlicher Schulbedarf needs no application in an SGB II case (the Jobcenter pays it with
 *   the benefit); families with Wohngeld or Kinderzuschlag apply for it (§ 9 Abs. 3 BKGG).
 *
 * Ages count on the day the page is shown: a request is for now or what is coming.
 */
import { alterAm } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import type { AnswerView, Member, StepValues } from "../engine/types";

export const KATEGORIEN = ["ausflug", "klassenfahrt", "schulbedarf", "befoerderung", "lernfoerderung", "mittagessen", "teilhabe"] as const;
export type Kategorie = (typeof KATEGORIEN)[number];

/** Each category's Leistung in the model and the XSD (`art`). */
export const LEISTUNG_OF: Record<Kategorie, string> = {
  ausflug: "Ausflug", klassenfahrt: "Klassenfahrt", schulbedarf: "Schulbedarf", befoerderung: "Schuelerbefoerderung",
  lernfoerderung: "Lernfoerderung", mittagessen: "Mittagsverpflegung", teilhabe: "SozialeTeilhabe",
};

/** Every reason a category can be withheld for (texts: steps.leistungen.withheld.<reason>). */
export const REASONS = ["ab18", "ab25", "ausbildungsverguetung", "nurSchule", "keineEinrichtung", "automatisch"] as const;
export type Reason = (typeof REASONS)[number];

const FOR_KITA: readonly Kategorie[] = ["ausflug", "klassenfahrt", "mittagessen"];

/** Why a child is no pupil in the sense of § 28 Abs. 1 S. 2, or undefined for a pupil. */
function noPupil(child: StepValues, age: number): Reason | undefined {
  if (child.einrichtung !== "schule") return child.einrichtung === "keine" ? "keineEinrichtung" : "nurSchule";
  if (age >= 25) return "ab25";
  if (child.ausbildungsverguetung === "ja") return "ausbildungsverguetung";
  return undefined;
}

/** Category → reason for what this child cannot get, under this legal regime, on `today`. */
export function eligibility(child: StepValues, rechtskreis: string | undefined, today = todayIso()): Partial<Record<Kategorie, Reason>> {
  const birth = typeof child.geburtsdatum === "string" ? child.geburtsdatum : today;
  const age = alterAm(birth, today);
  const pupil = noPupil(child, age);
  const kita = child.einrichtung === "kita" || child.einrichtung === "kindertagespflege";
  const out: Partial<Record<Kategorie, Reason>> = {};
  for (const k of KATEGORIEN) {
    if (k === "teilhabe") { if (age >= 18) out[k] = "ab18"; continue; }
    if (k === "schulbedarf" && rechtskreis === "grundsicherung") { out[k] = "automatisch"; continue; }
    if (pupil && !(kita && FOR_KITA.includes(k))) out[k] = pupil;
  }
  return out;
}

/** QuestionStep.withhold of the "leistungen" page: the child's member values, the family's regime. */
export function withheldFor(member: Member | undefined, a: AnswerView): Record<string, Record<string, string>> {
  if (!member) return {};
  const rechtskreis = a.value("leistung", "leistung");
  return { kategorien: eligibility(member.values, typeof rechtskreis === "string" ? rechtskreis : undefined) as Record<string, string> };
}
