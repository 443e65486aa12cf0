import type { Kurzantrag } from "~/model/kurzantrag";
import { LEISTUNGSNAME, rechtsstandAm } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import { inSchemaOrder } from "~/submission/xml/render.server";
import { bindFromModel, bindToModel } from "../engine/binding";
import { prune } from "../engine/journey";
import type { Answers, AnswerView, FlowDefinition } from "../engine/types";
import { steps } from "./steps";
import { document } from "./document.server";

/** The steps' bindings (steps.ts), and the benefit's name on the day of receipt. */
function toModel(a: AnswerView, receivedOn: string): Kurzantrag {
  const model = bindToModel(kurzantrag, a, { art: "Kurzantrag", leistung: LEISTUNGSNAME[rechtsstandAm(receivedOn).leistung], ...anliegen(a) });
  return inSchemaOrder("Kurzantrag", { ...model, nachweise: [] } as unknown as Kurzantrag);
}

/** A renewal handed over to secure its date first (`_anliegen`, weiterbewilligung/flow.ts). */
function anliegen(a: AnswerView): Partial<Kurzantrag> {
  if (a.value("_anliegen", "verfahren") !== "weiterbewilligung") return {};
  const ende = a.value("_anliegen", "bwzEndeBisher") as string | undefined;
  const bg = a.value("_anliegen", "bgNummer") as string | undefined;
  return { anliegen: { verfahren: "weiterbewilligung", ...(ende ? { bwzEndeBisher: ende } : {}), ...(bg ? { bgNummer: bg } : {}) } };
}

/** The renewal draft a Kurzantrag for a renewal continues in: its answers and its date (`_bezug`). */
function seedWeiterbewilligung(model: Kurzantrag, reference: string, receivedOn: string): Answers {
  const { _bezug, person, anschrift, kontakt } = seedErstantrag(model, reference, receivedOn);
  const a = model.anliegen;
  return {
    _bezug, person, anschrift, kontakt,
    ...(a?.bwzEndeBisher ? { bwz: { ende: a.bwzEndeBisher, ...(a.bgNummer ? { bgNummer: a.bgNummer } : {}) } } : {}),
  };
}

/** The Erstantrag draft a Kurzantrag continues in: its answers carried over, its date kept (`_bezug`). */
function seedErstantrag(model: Kurzantrag, reference: string, receivedOn: string): Answers {
  const p = model.antragstellendePerson;
  return {
    _bezug: { referenz: reference, eingang: receivedOn },
    person: { vorname: p.vorname, nachname: p.nachname, geburtsdatum: p.geburtsdatum },
    anschrift: { strasse: p.anschrift.strasse, hausnummer: p.anschrift.hausnummer, plz: p.anschrift.postleitzahl, ort: p.anschrift.ort },
    kontakt: { ...(p.telefon ? { telefon: p.telefon } : {}), ...(p.email ? { email: p.email } : {}) },
    wohnsituation: { alleine: model.haushaltsgroesse === 1 ? "ja" : "nein" },
  };
}

export const kurzantrag: FlowDefinition<Kurzantrag> = {
  id: "kurzantrag",
  formVersion: "kurzantrag-2026.11",
  namespace: "kurzantrag",
  sections: ["person"],
  steps,
  nachweise: () => [],
  nachweisKeys: [],
  toModel: (a, meta) => toModel(a, todayIso(meta.receivedAt)),
  fromModel: (model) => prune(kurzantrag, bindFromModel(kurzantrag, model as unknown as Record<string, unknown>)),
  document,
  modelElement: "Kurzantrag",
  inboxLabel: "sachbearbeitung:verfahren.kurzantrag",
  followUps: [{
    flowId: "erstantrag",
    texts: "common:followUp",
    offerOnStart: true,
    when: (model) => !(model as Kurzantrag).anliegen,
    seed: (model, reference, receivedOn) => seedErstantrag(model as Kurzantrag, reference, receivedOn),
  }, {
    flowId: "weiterbewilligung",
    texts: "weiterbewilligung:followUp",
    offerOnStart: true,
    when: (model) => (model as Kurzantrag).anliegen?.verfahren === "weiterbewilligung",
    seed: (model, reference, receivedOn) => seedWeiterbewilligung(model as Kurzantrag, reference, receivedOn),
  }],
};
