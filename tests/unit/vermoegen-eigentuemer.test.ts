/**
 * Audit coverage gap VM-9: every asset on its own, with whom it belongs to. Each kind of Vermögen
 * is a list (as vehicles already were, VM-19); each entry names what it is and its owner (cash
 * only its owner), so that the jobcenter can tell a child's savings from the parents' and apply
 * the allowance per person. The model, a schema-valid XML and the caseworker's document carry the
 * owner, and the lists come back from the model as they were answered (a renewal prefilled).
 */
import { describe, expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { findStep, firstIncomplete, reachablePages } from "~/flows/engine/journey";
import type { Answers, FlowDefinition, StepValues } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { VERMOEGENSARTEN } from "~/flows/erstantrag/steps";
import { flowOutline } from "~/submission/flow-outline.server";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const base = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!;

describe("VM-9: every asset with its owner", () => {
  const konten: StepValues[] = [
    { beschreibung: "Girokonto, Sparkasse", wert: "230.00", eigentuemer: "Jonas Becker" },
    { beschreibung: "Sparbuch, Volksbank", wert: "1500.00", eigentuemer: "Mia Becker" },
  ];
  const bargeld: StepValues[] = [{ eigentuemer: "Jonas Becker", wert: "40.00" }];
  const haus: StepValues[] = [{ art: "grundstueck", lage: "Gartenland bei Kyjiw, Ukraine", selbstgenutzt: "nein", eigentuemer: "Jonas Becker und Olha Becker", anteil: "1/2", wert: "8000.00" }];
  const answers: Answers = { ...base.answers, vermoegen: { arten: ["bargeld", "konten", "immobilien"] }, vmBargeld: bargeld, vmKonten: konten, vmImmobilien: haus };

  it("asks every kind as a list, each entry with its owner (cash: only the owner and the amount)", () => {
    for (const art of VERMOEGENSARTEN.filter((a) => a !== "uebertragungen")) {
      const step = findStep(flow, `vm${art[0].toUpperCase()}${art.slice(1)}`)!;
      expect(step.kind, art).toBe("group");
      expect(step.fields.map((f) => f.name), art).toContain("eigentuemer");
    }
    expect(findStep(flow, "vmBargeld")!.fields.map((f) => f.name)).toEqual(["eigentuemer", "wert"]);
    const fields = findStep(flow, "vmKonten")!.fields;
    expect(validateStep(fields, { beschreibung: "Girokonto", wert: "230.00", eigentuemer: "" })).toMatchObject({ ok: false, errors: { eigentuemer: "required" } });
    expect(validateStep(fields, konten[1]).ok).toBe(true);
  });

  it("needs at least one entry once a kind is chosen", () => {
    expect(reachablePages(flow, answers).find((p) => p.key === "vmKonten")?.step.kind).toBe("group");
    expect(firstIncomplete(flow, { ...answers, vmKonten: [] })).toBe("vmKonten");
    // A draft from before the lists (one answer set where the list now is) asks the list anew.
    expect(firstIncomplete(flow, { ...answers, vmKonten: { wert: "230.00" } as never })).toBe("vmKonten");
  });

  it("records each asset as a Posten with its owner, valid against the XSD, and prints the owner", () => {
    const { model, xml } = erstantragDocumentOf(answers);
    const posten = model.vermoegen.vermoegensposten;
    expect(posten.map((p) => [p.vermoegensart, p.beschreibung, p.eigentuemer, p.wert])).toEqual([
      ["bargeld", undefined, "Jonas Becker", "40.00"],
      ["konten", "Girokonto, Sparkasse", "Jonas Becker", "230.00"],
      ["konten", "Sparbuch, Volksbank", "Mia Becker", "1500.00"],
      ["immobilien", "Gartenland bei Kyjiw, Ukraine", "Jonas Becker und Olha Becker", "8000.00"],
    ]);
    expect(xml.match(/<Eigentuemer>/g)).toHaveLength(4);
    const values = flowOutline("erstantrag", model).filter((n) => n.kind === "row").map((n) => (n as { value: string }).value);
    expect(values).toEqual(expect.arrayContaining(["Mia Becker", "Jonas Becker und Olha Becker"]));
  });

  it("comes back from the model as answered", () => {
    const { model } = erstantragDocumentOf(answers);
    const back = flow.fromModel(model as never);
    expect(back.vmKonten).toEqual(konten);
    expect(back.vmBargeld).toEqual(bargeld);
    expect(back.vmImmobilien).toEqual(haus);
  });
});
