import type { Kurzantrag } from "~/model/kurzantrag";
import { LEISTUNGSNAME, rechtsstandAm } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import type { Answers, AnswerView, FlowDefinition } from "../engine/types";
import { steps } from "./steps";
import { document } from "./document.server";

function toModel(a: AnswerView, receivedOn: string): Kurzantrag {
  const s = (step: string, field: string) => a.value(step, field) as string;
  const opt = (step: string, field: string) => (a.value(step, field) as string | undefined) || undefined;
  return {
    art: "Kurzantrag",
    leistung: LEISTUNGSNAME[rechtsstandAm(receivedOn).leistung],
    antragstellendePerson: {
      vorname: s("person", "vorname"), nachname: s("person", "nachname"), geburtsdatum: s("person", "geburtsdatum"),
      anschrift: { strasse: s("anschrift", "strasse"), hausnummer: s("anschrift", "hausnummer"), postleitzahl: s("anschrift", "plz"), ort: s("anschrift", "ort") },
      telefon: opt("kontakt", "telefon"), email: opt("kontakt", "email"),
    },
    haushaltsgroesse: Number(s("haushalt", "personen")),
    nachweise: [],
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
  toModel: (a, meta) => toModel(a, todayIso(meta.receivedAt)),
  document,
  inboxLabel: "sachbearbeitung:verfahren.kurzantrag",
  followUps: [{
    flowId: "erstantrag",
    texts: "common:followUp",
    seed: (model, reference, receivedOn) => seedErstantrag(model as Kurzantrag, reference, receivedOn),
  }],
};
