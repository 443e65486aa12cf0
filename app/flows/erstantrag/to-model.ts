/** Pruned answers → the canonical Erstantrag, and back. */
import type { Datum } from "~/model/common";
import type { Antragstellung, Erstantrag, Formular, Kinderangaben, Mitglied, Vermoegen } from "~/model/erstantrag";
import { inSchemaOrder } from "~/submission/xml/render.server";
import { bindFromModel, bindToModel, type BoundSteps } from "../engine/binding";
import { bewilligungsbeginn, LEISTUNGSNAME, rechtsstandAm, vermoegensgrenze } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import type { Answers, AnswerView, SubmissionMeta } from "../engine/types";
import type { Haushaltsmitglied } from "~/blocks/haushalt/household";
import { nachweise } from "./nachweise";
import { household, steps, vermoegensRegel } from "./steps";

export const MEMBERS = { lead: "person", group: "haushalt" } as const;
const erstantragSteps: BoundSteps = { steps, members: MEMBERS };

/** The application date: an earlier informal application or Kurzantrag, else the day of receipt. */
export function antragsdatum(a: AnswerView, receivedOn: string): Datum {
  const earlier = [a.value("formlos", "datum"), a.value("_bezug", "eingang")].filter((d): d is string => typeof d === "string");
  return [...earlier, receivedOn].sort()[0];
}

function antragstellung(a: AnswerView, receivedOn: string): Antragstellung {
  const datum = antragsdatum(a, receivedOn);
  const kurzantrag = a.value("_bezug", "referenz") as string | undefined;
  const weg = kurzantrag ? "kurzantrag" : a.answered("formlos") ? (a.value("formlos", "weg") as Antragstellung["antragsweg"]) : "online";
  const spaeter = a.value("beginnDatum", "datum") as string | undefined;
  return {
    antragsdatum: datum,
    antragsweg: weg,
    kurzantragReferenz: kurzantrag,
    leistungsbeginn: spaeter ?? bewilligungsbeginn(datum),
    bewilligungszeitraumBeginn: bewilligungsbeginn(spaeter ?? datum),
  };
}

/** The answers antragstellung() reads, from the model: the inverse for fromModel. */
function antragstellungAnswers(s: Antragstellung): Answers {
  const spaeter = s.leistungsbeginn !== bewilligungsbeginn(s.antragsdatum);
  const formlos = !["online", "kurzantrag"].includes(s.antragsweg);
  return {
    ...(s.kurzantragReferenz ? { _bezug: { referenz: s.kurzantragReferenz, eingang: s.antragsdatum } } : {}),
    antragsdatum: { formlos: formlos ? "ja" : "nein" },
    ...(formlos ? { formlos: { datum: s.antragsdatum, weg: s.antragsweg } } : {}),
    beginn: { ab: spaeter ? "spaeter" : "sofort" },
    ...(spaeter ? { beginnDatum: { datum: s.leistungsbeginn } } : {}),
  };
}

function formularOf(h: Haushaltsmitglied): Mitglied["formular"] {
  if (h.member.index === 0) return "HA";
  if (h.zugehoerigkeit === "Bedarfsgemeinschaft") return h.alter >= 15 ? "WEP" : "KI";
  return h.zugehoerigkeit === "Haushaltsgemeinschaft" ? "HG" : "keines";
}

/** Who a household member is, from the household question (HA G) and the household rules. */
function mitgliedBasis(h: Haushaltsmitglied): Mitglied {
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
function vermoegenBasis(a: AnswerView, members: Haushaltsmitglied[], stichtag: string, receivedOn: string): Vermoegen {
  const regel = vermoegensRegel(a, receivedOn);
  const bg = members.filter((h) => h.zugehoerigkeit === "Bedarfsgemeinschaft").map((h) => h.member.values.geburtsdatum as string);
  return { regime: regel.regime, grenze: `${vermoegensgrenze(regel, bg, bewilligungsbeginn(stichtag))}.00`, vermoegensposten: [] };
}

/** The official forms the answers stand in for, in the order of the BA form set. */
function formulare(a: AnswerView, m: Mitglied[]): Formular[] {
  const out: Formular[] = [{ kuerzel: "HA" }];
  const per = (kuerzel: string, test: (x: Mitglied) => boolean) => {
    for (const x of m) if (test(x)) out.push({ kuerzel, personNr: x.personNr });
  };
  per("WEP", (x) => x.formular === "WEP");
  per("KI", (x) => x.formular === "KI");
  if (a.has("unterkunft", "kosten", "ja")) out.push({ kuerzel: "KDU" });
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

/**
 * What only code can say (the application date and its law, who belongs to the household and
 * how, the Vermögen limit, the Anlagen, the Nachweise), around what the steps' bindings write
 * (steps.ts, `model` and `bind`).
 */
export function toModel(a: AnswerView, meta: SubmissionMeta): Erstantrag {
  const receivedOn = todayIso(meta.receivedAt);
  const stellung = antragstellung(a, receivedOn);
  const members = household(a, receivedOn);
  const model = bindToModel(erstantragSteps, a, {
    art: "Erstantrag",
    leistung: LEISTUNGSNAME[rechtsstandAm(stellung.antragsdatum).leistung],
    antragstellung: stellung,
    antragsteller: {},
    mitglieder: members.map(mitgliedBasis),
    vermoegen: vermoegenBasis(a, members, stellung.antragsdatum, receivedOn),
  }) as unknown as Erstantrag;
  model.formulare = formulare(a, model.mitglieder);
  model.nachweise = nachweise(a, receivedOn).map((n) => ({ schluessel: n.key, anlass: n.reason, ...(n.person ? { betrifft: n.person } : {}) }));
  return inSchemaOrder("Erstantrag", model);
}

/** The answers of a stored Erstantrag (unpruned): the bindings' inverse plus the inverse of the code above. */
export function answersOf(model: Erstantrag): Answers {
  return {
    ...bindFromModel(erstantragSteps, model as unknown as Record<string, unknown>),
    ...antragstellungAnswers(model.antragstellung),
    haushalt: model.mitglieder.slice(1).map((m) => ({ vorname: m.vorname, nachname: m.nachname, geburtsdatum: m.geburtsdatum, geschlecht: m.geschlecht, beziehung: m.beziehung })),
  };
}
