import { describe, expect, it } from "vitest";
import { answerView, guard, prune, reachableSteps, REVIEW, viewOf } from "~/flows/engine/journey";
import { veraenderung as flow } from "~/flows/veraenderung/flow";
import { RESERVED_STEP_IDS } from "~/flows/urls";
import { personas } from "../fixtures/veraenderung-personas";

describe("Veränderungsmitteilung declaration", () => {
  it("has unique step ids that do not collide with fixed pages", () => {
    const ids = flow.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(RESERVED_STEP_IDS).not.toContain(id);
  });

  it("asks follow-up questions for every event a person can pick", () => {
    const areaSteps = flow.steps.filter((s) => s.section === "aenderungen" && s.id !== "bereiche");
    for (const area of flow.steps.find((s) => s.id === "bereiche")!.fields[0].kind === "checkboxes" ? (flow.steps[1].fields[0] as { options: readonly string[] }).options : []) {
      const base = { bereiche: { bereiche: [area] } };
      const areaStep = areaSteps.find((s) => s.when?.(answerView(base)));
      const events = areaStep ? (areaStep.fields[0] as { options: readonly string[] }).options : [null];
      for (const event of events) {
        const answers = areaStep ? { ...base, [areaStep.id]: { ereignisse: [event!] } } : base;
        const details = reachableSteps(flow, answers).filter((s) => s.section === "angaben" && s.id !== "weiteres");
        expect(details.length, `${area}/${event}`).toBeGreaterThan(0);
      }
    }
  });
});

describe.each(personas)("persona $name", (persona) => {
  it("completes the flow", () => {
    expect(guard(flow, persona.answers, REVIEW)).toBeNull();
  });

  it("becomes the canonical model with exactly the reported changes", () => {
    const model = flow.toModel(viewOf(flow, prune(flow, persona.answers)), { receivedAt: new Date(), language: "de" });
    expect(model.art).toBe("Veraenderungsmitteilung");
    expect(model.aenderungen.map((a) => a.art)).toEqual(persona.expectedChanges);
    expect(model.mitteilendePerson.nachname).toBe((persona.answers.person as Record<string, string>).nachname);
    expect(model.nachweise.length).toBeGreaterThan(0);
    expect(JSON.stringify(model)).not.toContain("undefined");
  });

  it("drops answers of branches the person left", () => {
    const stale = { ...persona.answers, vermoegen: { art: "gewinn", wert: "99999.00", datum: "2020-01-01" }, tod: { vorname: "X", nachname: "Stale", sterbedatum: "2020-01-01" } };
    const reachable = new Set(reachableSteps(flow, persona.answers).map((s) => s.id));
    const model = flow.toModel(answerView(prune(flow, stale)), { receivedAt: new Date(), language: "de" });
    if (!reachable.has("vermoegen")) expect(JSON.stringify(model)).not.toContain("99999");
    if (!reachable.has("tod")) expect(JSON.stringify(model)).not.toContain("Stale");
  });
});

describe("Nachweise", () => {
  it("follow the answers", () => {
    const keys = (name: string) => flow.nachweise(viewOf(flow, personas.find((p) => p.name === name)!.answers)).map((n) => n.key);
    expect(keys("umzug-familie")).toEqual(expect.arrayContaining(["mietvertrag", "meldebescheinigung", "mietaenderung", "ausweisPerson", "auszugNachweis", "geburtsurkunde"]));
    expect(keys("arbeit-einkommen")).toEqual(expect.arrayContaining(["arbeitsvertrag", "lohnabrechnung", "kuendigung", "gewerbeanmeldung", "anlageEks", "rentenantrag"]));
    expect(keys("arbeit-einkommen")).not.toContain("foerderbescheid");
    expect(keys("familie-abrechnung")).toEqual(expect.arrayContaining(["abrechnung", "scheidungsurteil", "mutterpass", "sterbeurkunde"]));
  });
});
