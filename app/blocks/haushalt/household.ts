/**
 * Who belongs to the Bedarfsgemeinschaft (§ 7 Abs. 3 SGB II) and who only to the
 * Haushaltsgemeinschaft (§ 9 Abs. 5), derived from each person's relationship to the applicant
 * and the ages on the application date. Member 0 is the applicant.
 *
 * - Spouse / registered partner: BG. An unmarried partner: BG if both stand in for each other
 *   or a § 7 (3a) indicator presumes it, otherwise a flatmate (see partnerInBg).
 * - Unmarried children (also the partner's) under 25: BG.
 * - Parents, the partner of a parent living in the household, and the parents' other unmarried
 *   children under 25 (siblings), if the applicant is under 25 and unmarried: BG (§ 7 Abs. 3
 *   Nr. 2, 4; audit E6). Otherwise relatives: HG; a parent's partner: neither (whether a
 *   step-parent is verschwägert is not asked, and § 9 Abs. 5 presumes support only of relatives) [!].
 * - Other persons (flat-share): neither.
 * Whether a child's own income covers its needs (§ 7 Abs. 3 Nr. 4) is the jobcenter's call:
 * the income is asked, the child stays in the BG here.
 */
import type { AnswerView, Member } from "~/flows/engine/types";
import { alterAm } from "~/rechtsstand/parameter";
import { todayIso } from "~/flows/engine/fields";
import { antragstag, bwzBeginnNeu } from "../antragstellung/bewilligungszeitraum";

export type Zugehoerigkeit = "Bedarfsgemeinschaft" | "Haushaltsgemeinschaft" | "Wohngemeinschaft";

export const BEZIEHUNGEN = ["ehepartner", "partner", "kind", "elternteil", "partnerElternteil", "geschwister", "verwandt", "sonstige"] as const;
export type Beziehung = (typeof BEZIEHUNGEN)[number] | "antragsteller";

export interface Haushaltsmitglied {
  member: Member;
  beziehung: Beziehung;
  alter: number;
  zugehoerigkeit: Zugehoerigkeit;
}

const MARRIED = ["verheiratet", "lebenspartnerschaft"];

/**
 * The date ages and the Vermögen regime are counted on: for a renewal the start of the new
 * Bewilligungszeitraum (§ 65a SGB II), else the application date the applicant gave, else today.
 */
export function stichtag(a: AnswerView, today: string): string {
  return bwzBeginnNeu(a, today) ?? antragstag(a, today);
}

/**
 * Step conditions ask for the household once per person and page (hundreds of times per walk
 * through the flow); the answers it depends on rarely change between two calls. One entry,
 * keyed by everything the result depends on.
 */
let memo: { key: string; result: Haushaltsmitglied[] } | undefined;

export function haushalt(a: AnswerView, today: string): Haushaltsmitglied[] {
  const tag = stichtag(a, today);
  const members = a.members();
  if (members.length === 0) return [];
  const key = `${tag}|${String(a.value("familienstand", "stand"))}|${partnerKey(a, members)}|${members
    .map((m) => `${m.values.vorname}\u0000${m.values.nachname}\u0000${m.values.geburtsdatum}\u0000${m.values.beziehung}`).join("\u0001")}`;
  if (memo?.key !== key) memo = { key, result: derive(a, tag, members) };
  return memo.result;
}

/**
 * The Anlage VE page of a partner: the Erstantrag asks it once for the household
 * ("partnerschaft"), the Veränderungsmitteilung for each partner who moved in ("partnerschaft/<n>").
 */
const vePage = (a: AnswerView, m: Member) => (a.answered(`partnerschaft/${m.index}`) ? `partnerschaft/${m.index}` : "partnerschaft");
const partnerKey = (a: AnswerView, members: Member[]) => members
  .filter((m) => m.values.beziehung === "partner")
  .map((m) => `${String(a.value(vePage(a, m), "einstehen"))}/${String(a.value(vePage(a, m), "hinweise"))}`).join("|");

/**
 * An unmarried partner belongs to the BG if both want to stand in for each other, or if a
 * § 7 (3a) indicator makes the law presume it (the jobcenter then decides). Without an indicator
 * and with "nein", the partner is a flatmate: Anlage VE, but no WEP income and assets (§ 67a SGB X,
 * audit E7). Until the question is answered, the partner counts as BG.
 */
function partnerInBg(a: AnswerView, m: Member): boolean {
  const page = vePage(a, m);
  if (!a.answered(page)) return true;
  const hinweise = a.value(page, "hinweise");
  return a.has(page, "einstehen", "ja") || (Array.isArray(hinweise) && hinweise.length > 0);
}

function derive(a: AnswerView, tag: string, members: Member[]): Haushaltsmitglied[] {
  const age = (m: Member) => (typeof m.values.geburtsdatum === "string" ? alterAm(m.values.geburtsdatum, tag) : 0);
  const applicantAge = age(members[0]);
  const applicantUnmarried = !MARRIED.includes(String(a.value("familienstand", "stand") ?? ""));
  const withParents = applicantAge < 25 && applicantUnmarried && members.some((m) => m.values.beziehung === "elternteil");
  return members.map((member) => {
    const beziehung = (member.index === 0 ? "antragsteller" : member.values.beziehung) as Beziehung;
    const alter = age(member);
    let zugehoerigkeit: Zugehoerigkeit;
    switch (beziehung) {
      case "antragsteller": case "ehepartner":
        zugehoerigkeit = "Bedarfsgemeinschaft"; break;
      case "partner":
        zugehoerigkeit = partnerInBg(a, member) ? "Bedarfsgemeinschaft" : "Wohngemeinschaft"; break;
      case "kind":
        zugehoerigkeit = alter < 25 ? "Bedarfsgemeinschaft" : "Haushaltsgemeinschaft"; break;
      case "elternteil":
        zugehoerigkeit = withParents ? "Bedarfsgemeinschaft" : "Haushaltsgemeinschaft"; break;
      case "partnerElternteil":
        zugehoerigkeit = withParents ? "Bedarfsgemeinschaft" : "Wohngemeinschaft"; break;
      case "geschwister":
        zugehoerigkeit = withParents && alter < 25 ? "Bedarfsgemeinschaft" : "Haushaltsgemeinschaft"; break;
      case "verwandt":
        zugehoerigkeit = "Haushaltsgemeinschaft"; break;
      default:
        zugehoerigkeit = "Wohngemeinschaft";
    }
    return { member, beziehung, alter, zugehoerigkeit };
  });
}

/**
 * The applicant is under 25 on the Stichtag, not married and lives with no parent: the case of
 * § 22 Abs. 5 SGB II (a move out of the parents' home needs the jobcenter's Zusicherung).
 */
export function jungOhneEltern(a: AnswerView, today: string = todayIso()): boolean {
  const [applicant, ...others] = haushalt(a, today);
  return applicant !== undefined && applicant.alter < 25 && !MARRIED.includes(String(a.value("familienstand", "stand") ?? ""))
    && !others.some((h) => h.beziehung === "elternteil");
}

/** Shortcuts for the step conditions (`forEach`). */
export function mitglied(a: AnswerView, member: Member, today: string): Haushaltsmitglied | undefined {
  return haushalt(a, today).find((h) => h.member.index === member.index);
}

export const inBg = (h: Haushaltsmitglied | undefined) => h?.zugehoerigkeit === "Bedarfsgemeinschaft";
