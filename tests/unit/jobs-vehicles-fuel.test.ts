/**
 * Audit coverage gaps of #18, closed with lists and one more question each:
 * EK-7 every job of a person (a Minijob beside the main job), VM-19 every vehicle with its owner
 * and E9 the declaration that it is appropriate (§ 12 Abs. 1 S. 2 Nr. 2 SGB II), KDU-14 the
 * heating fuel. Each: the page asks it, the model and a schema-valid XML record it, and it comes
 * back from the model as it was answered (a renewal prefilled from the document).
 */
import { describe, expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { findStep, firstIncomplete, reachablePages } from "~/flows/engine/journey";
import type { Answers, FlowDefinition, StepValues } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const base = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!;


describe("EK-7: every job of a person", () => {
  const jobs: StepValues[] = [
    { arbeitgeber: "Pflegedienst Lindenhof", art: "teilzeit", brutto: "1400.00", netto: "1080.00" },
    { arbeitgeber: "Zeitungsvertrieb Nord", art: "minijob", brutto: "180.00", netto: "180.00", zahltag: "15" },
  ];
  const answers: Answers = { ...base.answers, "einkommen/0": { arten: ["erwerb"] }, "erwerb/0": jobs, "abzuege/0": {} };

  it("is a list per person: at least one job once work is chosen", () => {
    expect(reachablePages(flow, answers).find((p) => p.key === "erwerb/0")?.step.kind).toBe("group");
    expect(firstIncomplete(flow, { ...answers, "erwerb/0": [] })).toBe("erwerb/0");
  });

  it("records each job as its own Erwerbseinkommen, and the list comes back as answered", () => {
    const { model, xml } = erstantragDocumentOf(answers);
    expect((model.mitglieder[0].einkommen ?? []).filter((e) => e.art === "Erwerbseinkommen").map((e) => (e as { arbeitgeber: string }).arbeitgeber))
      .toEqual(["Pflegedienst Lindenhof", "Zeitungsvertrieb Nord"]);
    expect(xml.match(/<Erwerbseinkommen>/g)).toHaveLength(2);
    expect(flow.fromModel(model as never)["erwerb/0"]).toEqual(jobs);
  });
});

describe("VM-19 and E9: every vehicle, whose it is, and whether it is declared appropriate", () => {
  const cars: StepValues[] = [
    { bezeichnung: "VW Golf", baujahr: "2015", wert: "6000.00", eigentuemer: "Anna Schmidt", angemessen: "ja" },
    { bezeichnung: "Honda CB 500", baujahr: "2009", wert: "2500.00", eigentuemer: "Anna Schmidt", angemessen: "nein" },
  ];
  const answers: Answers = { ...base.answers, vermoegen: { arten: ["konten", "fahrzeug"] }, vmFahrzeug: cars };

  it("asks the owner and the declaration of every vehicle", () => {
    const fields = findStep(flow, "vmFahrzeug")!.fields;
    expect(validateStep(fields, { bezeichnung: "VW Golf", baujahr: "2015", wert: "6000.00" }).ok).toBe(false);
    expect(validateStep(fields, cars[0]).ok).toBe(true);
  });

  it("records each vehicle with owner and declaration — a 'no' stays a 'no', not a missing answer", () => {
    const { model, xml } = erstantragDocumentOf(answers);
    const vehicles = model.vermoegen.vermoegensposten.filter((p) => p.vermoegensart === "fahrzeug");
    expect(vehicles.map((v) => [v.beschreibung, v.eigentuemer, v.angemessen])).toEqual([["VW Golf", "Anna Schmidt", true], ["Honda CB 500", "Anna Schmidt", false]]);
    expect(xml).toContain("<Eigentuemer>Anna Schmidt</Eigentuemer><Angemessen>true</Angemessen>");
    expect(xml).toContain("<Angemessen>false</Angemessen>");
    expect(flow.fromModel(model as never).vmFahrzeug).toEqual(cars);
  });
});

describe("KDU-14: the heating fuel", () => {
  const fields = findStep(flow, "heizung")!.fields;

  it("is asked for a central heating or stoves, not for district heating or a gas boiler in the flat", () => {
    expect(validateStep(fields, { art: "ofen", warmwasser: "dezentral" }).ok).toBe(false);
    expect(validateStep(fields, { art: "ofen", brennstoff: "holz", warmwasser: "dezentral" }).ok).toBe(true);
    const district = validateStep(fields, { art: "fernwaerme", brennstoff: "oel", warmwasser: "zentral" });
    expect(district.ok && district.values.brennstoff).toBeUndefined();
  });

  it("is recorded as Brennstoff after the Heizungsart", () => {
    const { model, xml } = erstantragDocumentOf({ ...base.answers, heizung: { art: "ofen", brennstoff: "kohle", warmwasser: "dezentral" }, warmwasserEnergie: { energie: "strom" } });
    expect(model.unterkunft?.brennstoff).toBe("kohle");
    expect(xml).toContain("<Heizungsart>ofen</Heizungsart><Brennstoff>kohle</Brennstoff>");
  });
});
