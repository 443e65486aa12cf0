/**
 * Audit coverage gap KDU-10 (#18): a rent that is one amount for everything (Pauschal- or
 * Inklusivmiete) is said as such, with what it includes — nobody invents a split the contract
 * does not have — and a rent with separate amounts records no trace of the other question (a
 * conditional question that was not asked writes nothing, not even an empty list).
 */
import { expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { findStep } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const single = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!;


it("asks either the three amounts or the one amount with what it includes", () => {
  const fields = findStep(flow, "miete")!.fields;
  expect(validateStep(fields, { aufteilung: "pauschal", pauschalmiete: "450.00" }).ok).toBe(false);
  const pauschal = validateStep(fields, { aufteilung: "pauschal", pauschalmiete: "450.00", enthalten: ["heizung", "strom"], grundmiete: "300.00" });
  expect(pauschal.ok).toBe(true);
  // What belongs to the other answer was not asked: typed or not, it is not kept.
  expect(pauschal.ok && pauschal.values.grundmiete).toBeUndefined();
  expect(validateStep(fields, { aufteilung: "getrennt", pauschalmiete: "450.00" }).ok).toBe(false);
});

it("records a Pauschalmiete as such, schema-valid, without a Nebenkostenabrechnung to send", () => {
  const answers: Answers = { ...single.answers, miete: { aufteilung: "pauschal", pauschalmiete: "450.00", enthalten: ["heizung", "strom"] } };
  const { model, xml, nachweise } = erstantragDocumentOf(answers);
  expect(model.unterkunft).toMatchObject({ pauschalmiete: "450.00", pauschalEnthalten: ["heizung", "strom"] });
  expect(model.unterkunft?.nebenkosten).toBeUndefined();
  expect(xml).toContain("<Pauschalmiete>450.00</Pauschalmiete><PauschalEnthalten><Enthalten>heizung</Enthalten><Enthalten>strom</Enthalten></PauschalEnthalten>");
  expect(nachweise).toContain("mietvertrag");
  expect(nachweise).not.toContain("nebenkostenabrechnung");
  expect(flow.fromModel(model as never).miete).toEqual(answers.miete);
});

it("a rent with separate amounts writes nothing of the Pauschalmiete question", () => {
  const { model, xml, nachweise } = erstantragDocumentOf(single.answers);
  expect(model.unterkunft).not.toHaveProperty("pauschalEnthalten");
  expect(xml).not.toContain("Pauschal");
  expect(nachweise).toContain("nebenkostenabrechnung");
  expect(flow.fromModel(model as never).miete).toEqual(single.answers.miete);
});
