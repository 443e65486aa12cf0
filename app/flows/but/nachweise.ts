/** Which Nachweise a BuT request calls for (wba-but.md B.2, B.3): per child, named by the child. */
import { memberName } from "../engine/members";
import type { AnswerView, NachweisRequirement } from "../engine/types";
import { KATEGORIEN } from "./eligibility";

/** Every Nachweis this flow can ask for: texts at `nachweise.<key>` in locales/<lng>/but.json. */
export const NACHWEIS_KEYS = [
  "bescheidWohngeld", "bescheidKinderzuschlag", "kindergeldNachweis",
  "schreibenAusflug", "bestaetigungKlassenfahrt", "schulbescheinigung", "fahrkarte", "bescheidSchultraeger",
  "schulbestaetigungLernfoerderung", "angebotLernfoerderung", "vertragMittagessen", "anmeldungTeilhabe", "zahlungsnachweis",
] as const;
export type NachweisKey = (typeof NACHWEIS_KEYS)[number];

/** What each category's request needs, whatever else was answered. */
const FOR: Record<(typeof KATEGORIEN)[number], readonly NachweisKey[]> = {
  ausflug: ["schreibenAusflug"],
  klassenfahrt: ["bestaetigungKlassenfahrt"],
  schulbedarf: ["schulbescheinigung"],
  befoerderung: ["schulbescheinigung", "fahrkarte"],
  lernfoerderung: ["schulbestaetigungLernfoerderung", "angebotLernfoerderung"],
  mittagessen: ["vertragMittagessen"],
  teilhabe: ["anmeldungTeilhabe"],
};

export function nachweise(a: AnswerView): NachweisRequirement[] {
  const out: NachweisRequirement[] = [];
  const need = (key: NachweisKey, reason: string, person?: string) => {
    if (!out.some((n) => n.key === key && n.person === person)) out.push({ key, reason, ...(person ? { person } : {}) });
  };
  if (a.has("leistung", "leistung", "wohngeld")) need("bescheidWohngeld", "bescheid");
  if (a.has("leistung", "leistung", "kinderzuschlag")) { need("bescheidKinderzuschlag", "bescheid"); need("kindergeldNachweis", "bescheid"); }
  for (const child of a.members().slice(1)) {
    const name = memberName(child);
    for (const k of KATEGORIEN) {
      const page = `${k}/${child.index}`;
      if (!a.answered(page)) continue;
      for (const key of FOR[k]) need(key, k, name);
      // The Schulträger refused or pays part: its Bescheid shows what is left (§ 28 Abs. 4).
      if (k === "befoerderung" && !a.has(page, "schultraeger", "nichtBeantragt")) need("bescheidSchultraeger", k, name);
      if (a.entries(page).some((r) => r.zahlung === "erstattung")) need("zahlungsnachweis", k, name);
    }
  }
  return out;
}
