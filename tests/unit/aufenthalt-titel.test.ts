/**
 * Audit E3 (#18): what a residence title rests on and until when it is valid, and on what an EU
 * citizen's right of residence rests (§ 7 Abs. 1 S. 2 SGB II) — asked only of whom it concerns,
 * for the applicant and every further person, recorded schema-valid, with "I do not know" kept
 * as such.
 */
import { expect, it } from "vitest";
import { reachablePages } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const family = erstantragPersonas.find((p) => p.name === "2-familie-minijob")!;
const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);


it("asks the legal basis of a residence permit of the applicant and of each further person who has one", () => {
  expect(keys(family.answers)).toEqual(expect.arrayContaining(["titel", "titelPerson/1", "titelPerson/2", "titelPerson/3"]));
  expect(keys(family.answers).some((k) => k.startsWith("freizuegigkeit"))).toBe(false);
  // A settlement permit has no such question.
  const settled = erstantragPersonas.find((p) => p.name === "4-selbststaendig")!;
  expect(keys(settled.answers).some((k) => k.startsWith("titel"))).toBe(false);
});

it("records the legal basis and validity, and 'I do not know' as such", () => {
  const { model, xml } = erstantragDocumentOf(family.answers);
  expect(model.antragsteller.aufenthalt).toMatchObject({ rechtsgrundlage: "p25", gueltigBis: "2027-08-31" });
  expect(model.mitglieder[2].aufenthalt).toMatchObject({ rechtsgrundlage: "unbekannt" });
  expect(model.mitglieder[2].aufenthalt).not.toHaveProperty("gueltigBis");
  expect(xml).toContain("<Rechtsgrundlage>unbekannt</Rechtsgrundlage>");
  expect(flow.fromModel(model as never)["titelPerson/2"]).toEqual(family.answers["titelPerson/2"]);
});

it("an EU citizen says on what the right of residence rests", () => {
  const eu: Answers = {
    ...family.answers,
    staatsangehoerigkeit: { land: "RO" }, aufenthalt: { status: "freizuegigkeit" }, einreise: { einreise: "2025-05-01" }, nummern: {},
    freizuegigkeit: { grund: "arbeitnehmer" },
  };
  delete eu.titel;
  expect(keys(eu)).toContain("freizuegigkeit");
  expect(keys(eu)).not.toContain("titel");
  const { model, xml } = erstantragDocumentOf(eu);
  expect(model.antragsteller.aufenthalt).toMatchObject({ aufenthaltsstatus: "freizuegigkeit", freizuegigkeitsgrund: "arbeitnehmer" });
  expect(xml).toContain("<Freizuegigkeitsgrund>arbeitnehmer</Freizuegigkeitsgrund>");
});
