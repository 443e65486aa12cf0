/**
 * What the Hauptantrag's blocks make of the answers besides their bindings, for every flow that
 * asks them (Erstantrag, Weiterbewilligungsantrag): who each household member is, the Vermögen
 * regime and limit, and the official forms (HA and Anlagen) the answers stand in for.
 */
import type { Formular, Kinderangaben, Mitglied, Vermoegen } from "~/model/erstantrag";
import { vermoegensgrenze } from "~/rechtsstand/parameter";
import { bwzBeginn } from "./antragstellung/bewilligungszeitraum";
import type { Answers, AnswerView } from "~/flows/engine/types";
import type { Haushaltsmitglied } from "./haushalt/household";
import { vermoegensRegel } from "./vermoegen/steps";

function formularOf(h: Haushaltsmitglied): Mitglied["formular"] {
  if (h.member.index === 0) return "HA";
  if (h.zugehoerigkeit === "Bedarfsgemeinschaft") return h.alter >= 15 ? "WEP" : "KI";
  return h.zugehoerigkeit === "Haushaltsgemeinschaft" ? "HG" : "keines";
}

/** Who a household member is, from the household question (HA G) and the household rules. */
export function mitgliedBasis(h: Haushaltsmitglied): Mitglied {
  const v = h.member.values;
  return {
    personNr: h.member.index + 1,
    vorname: v.vorname as string,
    nachname: v.nachname as string,
    geburtsdatum: v.geburtsdatum as string,
    geschlecht: v.geschlecht as string,
    beziehung: h.beziehung,
    zugehoerigkeit: h.zugehoerigkeit,
    formular: formularOf(h),
  };
}

/** The Vermögen regime and limit of this household: the law at the start of the Bewilligungszeitraum (§ 12, § 65a SGB II). */
export function vermoegenBasis(a: AnswerView, members: Haushaltsmitglied[], receivedOn: string): Vermoegen {
  const regel = vermoegensRegel(a, receivedOn);
  const beginn = bwzBeginn(a, receivedOn);
  const bg = members.filter((h) => h.zugehoerigkeit === "Bedarfsgemeinschaft").map((h) => h.member.values.geburtsdatum as string);
  return { regime: regel.regime, grenze: `${vermoegensgrenze(regel, bg, beginn)}.00`, vermoegensposten: [] };
}

/** The official forms the answers stand in for, in the order of the BA form set. */
export function formulare(a: AnswerView, m: Mitglied[], hauptantrag: boolean): Formular[] {
  // A renewal stands in for the WBA form itself, not for a Hauptantrag.
  const out: Formular[] = [{ kuerzel: hauptantrag ? "HA" : "WBA" }];
  const per = (kuerzel: string, test: (x: Mitglied) => boolean) => {
    for (const x of m) if (test(x)) out.push({ kuerzel, personNr: x.personNr });
  };
  per("WEP", (x) => x.formular === "WEP");
  per("KI", (x) => x.formular === "KI");
  // A renewal asks the housing costs in its own section 3; the Anlage KDU only after a move (W3.1).
  if (a.has("unterkunft", "kosten", "ja") && (hauptantrag || a.has("umzug", "umgezogen", "ja"))) out.push({ kuerzel: "KDU" });
  // A child under 15 has income (EK) through Kindergeld, Unterhalt, UVG or an own income.
  const kindEinkommen = (k: Kinderangaben | undefined) =>
    k !== undefined && (k.kindergeld === "ja" || ["unterhalt", "unterhaltsvorschuss"].includes(k.kindesunterhalt) || k.eigenesEinkommen !== undefined);
  per("EK", (x) => (x.einkommen?.length ?? 0) > 0 || kindEinkommen(x.kinderangaben));
  per("EKS", (x) => x.selbststaendigeTaetigkeit !== undefined);
  out.push({ kuerzel: "VM" });
  per("SV", (x) => ["freiwillig", "privat", "keine"].includes(x.krankenPflegeversicherung?.versicherungsart ?? ""));
  per("MEB", (x) => x.lebenslage?.ernaehrung !== undefined);
  per("BB", (x) => x.lebenslage?.besondererBedarf !== undefined);
  per("UF", (x) => x.werdegang?.unfall !== undefined);
  if (a.answered("uh1")) out.push({ kuerzel: "UH1", personNr: 1 });
  per("UH2", (x) => x.lebenslage?.schwangerschaftsangaben?.unterhaltSchwangerschaft !== undefined);
  per("UH3", (x) => x.lebenslage?.unterhaltElternteil !== undefined || (x.kinderangaben !== undefined && x.kinderangaben.kindesunterhalt !== "beideEltern"));
  per("HG", (x) => x.formular === "HG");
  if (a.answered("partnerschaft")) out.push({ kuerzel: "VE" });
  return out;
}

/** The household question's answers (members 1…n) from the model's Mitglieder: the inverse of mitgliedBasis. */
export function haushaltAnswers(mitglieder: readonly Mitglied[]): Answers {
  return { haushalt: mitglieder.slice(1).map((m) => ({ vorname: m.vorname, nachname: m.nachname, geburtsdatum: m.geburtsdatum, geschlecht: m.geschlecht, beziehung: m.beziehung })) };
}
