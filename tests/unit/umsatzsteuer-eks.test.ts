/**
 * Audit E1 (#18): the provisional Anlage EKS asked the income "ohne Umsatzsteuer" while the
 * "Steuern" included the VAT paid — the profit came out too low. The EKS counts the VAT received
 * as income and the Vorsteuer and the VAT paid to the Finanzamt as expenses (Zuflussprinzip):
 * they are asked on their own, only of whoever charges VAT; a Kleinunternehmer is asked none.
 */
import { expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import type { Answers, FlowDefinition, QuestionStep } from "~/flows/engine/types";
import { steps } from "~/blocks/eks/steps";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const selfEmployed = erstantragPersonas.find((p) => p.name === "4-selbststaendig")!.answers;
const fields = (steps.eks as QuestionStep).fields;
const regel = { umsatzsteuer: "regel", einnahmen: "2000.00", sonstigeAusgaben: "300.00", steuern: "40.00" };

it("asks whether VAT is charged first, and the three VAT amounts only of whoever charges it", () => {
  expect(fields[0].name).toBe("umsatzsteuer");
  const missing = validateStep(fields, regel);
  expect(missing).toEqual({ ok: false, errors: { umsatzsteuerEinnahmen: "required", vorsteuer: "required", umsatzsteuerZahlung: "required" } });
  // A Kleinunternehmer: whatever was typed into the hidden VAT fields is not asked, and not stored.
  const klein = validateStep(fields, { ...regel, umsatzsteuer: "kleinunternehmer", umsatzsteuerEinnahmen: "380.00" });
  expect(klein.ok && klein.values).toEqual({ umsatzsteuer: "kleinunternehmer", einnahmen: "2000.00", sonstigeAusgaben: "300.00", steuern: "40.00" });
});

it("a Kleinunternehmer's EKS has no VAT lines", () => {
  const { model, xml } = erstantragDocumentOf(selfEmployed);
  expect(model.mitglieder[0].selbststaendigeTaetigkeit?.prognose).not.toHaveProperty("umsatzsteuerEinnahmen");
  expect(xml).toContain("<Umsatzsteuer>kleinunternehmer</Umsatzsteuer></Prognose>");
});

it("VAT received, Vorsteuer and VAT paid to the Finanzamt are in the model, the XML and back in the answers", () => {
  const eks = { ...regel, umsatzsteuerEinnahmen: "380.00", vorsteuer: "57.00", umsatzsteuerZahlung: "323.00" };
  const answers: Answers = { ...selfEmployed, "eks/0": eks };
  const { model, xml } = erstantragDocumentOf(answers);
  expect(model.mitglieder[0].selbststaendigeTaetigkeit?.prognose).toMatchObject({ einnahmen: "2000.00", umsatzsteuer: "regel", umsatzsteuerEinnahmen: "380.00", vorsteuer: "57.00", umsatzsteuerZahlung: "323.00" });
  expect(xml).toContain("<Umsatzsteuer>regel</Umsatzsteuer><UmsatzsteuerEinnahmen>380.00</UmsatzsteuerEinnahmen><Vorsteuer>57.00</Vorsteuer><UmsatzsteuerZahlung>323.00</UmsatzsteuerZahlung></Prognose>");
  expect(flow.fromModel(model as never)["eks/0"]).toEqual(eks);
});
