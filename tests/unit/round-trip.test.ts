/**
 * The bindings are two-way (ADR 0026): for every persona of every flow, the answers that made a
 * model come back from it — fromModel(toModel(answers)) equals the answers. This is what the
 * renewal's prefill relies on, and it catches a binding that writes somewhere it cannot read
 * back (or reads what it never wrote).
 */
import { describe, expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { answerView, findStep, prune, viewOf } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { kurzantrag } from "~/flows/kurzantrag/flow";
import { veraenderung } from "~/flows/veraenderung/flow";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas } from "../fixtures/veraenderung-personas";
import { but } from "~/flows/but/flow";
import { butPersonas } from "../fixtures/but-personas";

const KURZANTRAG: Answers = {
  person: { vorname: "Amal", nachname: "Nasser", geburtsdatum: "1990-03-04" },
  anschrift: { strasse: "Ahornweg", hausnummer: "5", plz: "00120", ort: "Musterstadt" },
  kontakt: { telefon: "0151 1234567" },
  haushalt: { personen: "3" },
};

/** Answers as the server stores them: each page's values through its schema (empty optional lists left out). */
function stored(flow: FlowDefinition, answers: Answers): Answers {
  const normalise = (key: string, values: Record<string, unknown>) => {
    const step = findStep(flow, key.split("/")[0]);
    const result = step ? validateStep(step.fields, values) : undefined;
    if (!result?.ok) return values;
    return result.values;
  };
  return Object.fromEntries(Object.entries(answers).map(([key, v]) => [key, Array.isArray(v) ? v.map((item) => normalise(key, item)) : key.startsWith("_") ? v : normalise(key, v)])) as Answers;
}

/** A page with nothing to answer (QuestionStep.overview: it shows what earlier answers amount to) binds nothing: it has no way back from a model. */
const withoutInformationPages = (flow: FlowDefinition, answers: Answers): Answers =>
  Object.fromEntries(Object.entries(answers).filter(([key]) => key.startsWith("_") || (findStep(flow, key.split("/")[0])?.fields.length ?? 1) > 0)) as Answers;

function roundTrip(flow: FlowDefinition, raw: Answers, language = "de") {
  const answers = withoutInformationPages(flow, stored(flow, prune(flow, raw)));
  const model = flow.toModel(flow.members ? viewOf(flow, answers) : answerView(answers), { receivedAt: new Date(), language });
  return { answers, back: flow.fromModel(model), model };
}

describe("answers → model → answers", () => {
  it.each(erstantragPersonas.map((p) => [p.name, p] as const))("Erstantrag %s", (_, p) => {
    const { answers, back } = roundTrip(erstantrag as FlowDefinition, p.answers, p.language);
    expect(back).toEqual(answers);
  });

  it.each(personas.map((p) => [p.name, p] as const))("Veränderungsmitteilung %s", (_, p) => {
    const { answers, back } = roundTrip(veraenderung as FlowDefinition, p.answers);
    expect(back).toEqual(answers);
  });

  it.each(butPersonas.map((p) => [p.name, p] as const))("BuT %s", (_, p) => {
    const { answers, back } = roundTrip(but as FlowDefinition, p.answers, p.language);
    expect(back).toEqual(answers);
  });

  it("Kurzantrag", () => {
    const { answers, back } = roundTrip(kurzantrag as FlowDefinition, KURZANTRAG);
    expect(back).toEqual(answers);
  });

  it("a model changed in one place changes that one answer only", () => {
    const { answers, model } = roundTrip(erstantrag as FlowDefinition, erstantragPersonas[0].answers);
    const changed = structuredClone(model) as { unterkunft?: { grundmiete?: string } };
    expect(changed.unterkunft?.grundmiete).toBeDefined();
    changed.unterkunft!.grundmiete = "999.00";
    expect(erstantrag.fromModel(changed as never)).toEqual({ ...answers, miete: { ...(answers.miete as object), grundmiete: "999.00" } });
  });
});
