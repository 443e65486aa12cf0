/** Pruned answers → the canonical Erstantrag, and back. */
import type { Datum } from "~/model/common";
import type { Antragstellung, Erstantrag } from "~/model/erstantrag";
import { inSchemaOrder } from "~/submission/xml/render.server";
import { bindFromModel, bindToModel, type BoundSteps } from "../engine/binding";
import { bewilligungsbeginn, LEISTUNGSNAME, rechtsstandAm } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import type { Answers, AnswerView, SubmissionMeta } from "../engine/types";
import { formulare, haushaltAnswers, mitgliedBasis, vermoegenBasis } from "~/blocks/hauptantrag";
import { bwzBeginn } from "~/blocks/antragstellung/bewilligungszeitraum";
import { nachweise } from "./nachweise";
import { household, steps } from "./steps";

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
    bewilligungszeitraumBeginn: bwzBeginn(a, receivedOn),
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
    vermoegen: vermoegenBasis(a, members, receivedOn),
  }) as unknown as Erstantrag;
  model.formulare = formulare(a, model.mitglieder, true);
  model.nachweise = nachweise(a, receivedOn).map((n) => ({ schluessel: n.key, anlass: n.reason, ...(n.person ? { betrifft: n.person } : {}) }));
  return inSchemaOrder("Erstantrag", model);
}

/** The answers of a stored Erstantrag (unpruned): the bindings' inverse plus the inverse of the code above. */
export function answersOf(model: Erstantrag): Answers {
  return {
    ...bindFromModel(erstantragSteps, model as unknown as Record<string, unknown>),
    ...antragstellungAnswers(model.antragstellung),
    ...haushaltAnswers(model.mitglieder),
  };
}
