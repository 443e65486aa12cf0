/**
 * The household as the jobcenter counts it, shown before the per-person pages (#18 household
 * builder): who is in the Bedarfsgemeinschaft, who only in the Haushaltsgemeinschaft, who is a
 * flatmate — each with the plain reason the answers give (household.ts decides, this only says).
 */
import { todayIso } from "~/flows/engine/fields";
import { memberName } from "~/flows/engine/members";
import type { AnswerView } from "~/flows/engine/types";
import { haushalt, type Haushaltsmitglied } from "./household";

export const GRUPPEN = ["Bedarfsgemeinschaft", "Haushaltsgemeinschaft", "Wohngemeinschaft"] as const;
export const GRUENDE = [
  "antragsteller", "ehepartner", "partnerEinstehen", "partnerMitbewohner", "kindUnter25", "kindAb25",
  "elternU25", "verwandt", "geschwisterU25", "mitbewohner",
] as const;

function grund(h: Haushaltsmitglied): (typeof GRUENDE)[number] {
  const bg = h.zugehoerigkeit === "Bedarfsgemeinschaft";
  switch (h.beziehung) {
    case "antragsteller": return "antragsteller";
    case "ehepartner": return "ehepartner";
    case "partner": return bg ? "partnerEinstehen" : "partnerMitbewohner";
    case "kind": return bg ? "kindUnter25" : "kindAb25";
    case "elternteil": return bg ? "elternU25" : "verwandt";
    case "partnerElternteil": return bg ? "elternU25" : "mitbewohner";
    case "geschwister": return bg ? "geschwisterU25" : "verwandt";
    case "verwandt": return "verwandt";
    default: return "mitbewohner";
  }
}

export function haushaltsUebersicht(a: AnswerView, today: string = todayIso()) {
  const members = haushalt(a, today);
  return GRUPPEN.map((group) => ({
    group,
    entries: members.filter((h) => h.zugehoerigkeit === group).map((h) => ({ name: memberName(h.member), reason: grund(h) })),
  })).filter((g) => g.entries.length > 0);
}
