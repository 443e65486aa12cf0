/** Pruned answers → the canonical Weiterbewilligungsantrag, and back. */
import type { Weiterbewilligung, Weiterbewilligungsantrag } from "~/model/weiterbewilligungsantrag";
import { inSchemaOrder } from "~/submission/xml/render.server";
import { bindFromModel, bindToModel, type BoundSteps } from "../engine/binding";
import { LEISTUNGSNAME, rechtsstandAm } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import { comparison } from "../engine/prefill";
import type { Answers, AnswerView, FlowDefinition, SubmissionMeta } from "../engine/types";
import { formulare, haushaltAnswers, mitgliedBasis, vermoegenBasis } from "~/blocks/hauptantrag";
import { household } from "~/blocks/haushalt/members";
import { bwzBeginnNeu, eingangstag } from "~/blocks/antragstellung/bewilligungszeitraum";
import { nachweise } from "./nachweise";
import { personenwechsel } from "./household-change";
import { steps } from "./steps";

export const MEMBERS = { lead: "person", group: "haushalt" } as const;
const bound: BoundSteps = { steps, members: MEMBERS };

/** The period, the date the renewal counts from, and where its answers came from. */
function weiterbewilligung(a: AnswerView, receivedOn: string): Partial<Weiterbewilligung> {
  const kurzantrag = a.value("_bezug", "referenz") as string | undefined;
  const vorantrag = a.value("_vorantrag", "referenz") as string | undefined;
  return {
    bwzBeginnNeu: bwzBeginnNeu(a, receivedOn),
    antragsdatum: eingangstag(a, receivedOn),
    kurzantragReferenz: kurzantrag,
    ...(vorantrag ? { vorantrag: { referenz: vorantrag, eingang: a.value("_vorantrag", "eingang") as string } } : {}),
  };
}

/** Per prefilled page that is part of this renewal: confirmed unchanged, or changed. */
function abgleich(flow: FlowDefinition, a: AnswerView): Weiterbewilligung["abgleich"] {
  const pages = comparison(flow, a);
  if (pages.length === 0) return undefined;
  return pages.map((p) => ({ schluessel: p.key, status: p.unchanged ? "bestaetigt" : "geaendert" }));
}

/**
 * The bindings (steps.ts and the blocks) and what only code says: the new period and its law
 * (§ 65a SGB II: the Vermögen regime of the new period's start), household roles, the forms,
 * the Nachweise, and the comparison with the prefilled answers.
 */
export function toModel(flow: FlowDefinition, a: AnswerView, meta: SubmissionMeta): Weiterbewilligungsantrag {
  const receivedOn = todayIso(meta.receivedAt);
  const wb = weiterbewilligung(a, receivedOn);
  const members = household(a, receivedOn);
  const model = bindToModel(bound, a, {
    art: "Weiterbewilligungsantrag",
    leistung: LEISTUNGSNAME[rechtsstandAm(wb.bwzBeginnNeu!).leistung],
    weiterbewilligung: wb,
    antragsteller: {},
    mitglieder: members.map(mitgliedBasis),
    aenderungen: [],
    vermoegen: vermoegenBasis(a, members, receivedOn),
  }) as unknown as Weiterbewilligungsantrag;
  if (model.aenderungen?.length === 0) delete model.aenderungen;
  model.weiterbewilligung.abgleich = abgleich(flow, a);
  model.weiterbewilligung.personenwechsel = personenwechsel(a);
  model.formulare = formulare(a, model.mitglieder, false);
  model.nachweise = nachweise(a, receivedOn).map((n) => ({ schluessel: n.key, anlass: n.reason, ...(n.person ? { betrifft: n.person } : {}) }));
  return inSchemaOrder("Weiterbewilligungsantrag", model);
}

/** The answers of a stored renewal or Erstantrag (unpruned): the bindings' inverse plus the household question. */
export function answersOf(model: Weiterbewilligungsantrag): Answers {
  return {
    ...bindFromModel(bound, model as unknown as Record<string, unknown>),
    ...haushaltAnswers(model.mitglieder),
  };
}
