/**
 * Audit coverage gap HA 73 (#18): "Wovon haben Sie bisher gelebt?" — asked of a person 15+ when
 * neither the past (no earlier benefit, job, self-employment, wage replacement …) nor the
 * income says it, a statement with at least one answer, recorded and schema-valid.
 */
import { expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { findStep, reachablePages } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const single = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!;
const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);

it("is asked only when neither the past nor the income says how the person lived", () => {
  expect(keys(single.answers)).toContain("lebensunterhalt/0");
  // An earlier job answers it …
  expect(keys({ ...single.answers, "vorher/0": { lage: ["beschaeftigt"] }, "beschaeftigung/0": { arbeitgeber: "Spedition Nord", offenerLohn: "nein" } })).not.toContain("lebensunterhalt/0");
  // … and so does income now.
  expect(keys({ ...single.answers, "einkommen/0": { arten: ["kindergeld"] }, "ekKindergeld/0": { betrag: "255.00" } })).not.toContain("lebensunterhalt/0");
  // The self-employed persona said what it lived from.
  expect(keys(erstantragPersonas.find((p) => p.name === "4-selbststaendig")!.answers).some((k) => k.startsWith("lebensunterhalt/"))).toBe(false);
});

it("needs at least one answer; the explanation is optional", () => {
  const fields = findStep(flow, "lebensunterhalt")!.fields;
  expect(validateStep(fields, {}).ok).toBe(false);
  expect(validateStep(fields, { quellen: ["familie"] }).ok).toBe(true);
});

it("is recorded in the Werdegang, schema-valid, and comes back as answered", () => {
  const { model, xml } = erstantragDocumentOf(single.answers);
  expect(model.mitglieder[0].werdegang?.bisherigerLebensunterhalt).toEqual({ quellen: ["ersparnisse", "familie"], angaben: "Seit Juli vom Ersparten, zuletzt half meine Schwester." });
  expect(xml).toContain("<BisherigerLebensunterhalt><Quellen><Quelle>ersparnisse</Quelle><Quelle>familie</Quelle></Quellen>");
  expect(flow.fromModel(model as never)["lebensunterhalt/0"]).toEqual(single.answers["lebensunterhalt/0"]);
});
