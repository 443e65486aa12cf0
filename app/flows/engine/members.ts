/** Household members as the pages and check-answers name them. */
import type { Member, StepValues } from "./types";

/** "Vorname Nachname" of a member (or of a group item with those fields). */
export function memberName(member: Member | { values: StepValues }): string {
  const { vorname, nachname } = member.values;
  return [vorname, nachname].filter((v) => typeof v === "string" && v !== "").join(" ");
}
