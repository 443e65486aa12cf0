/**
 * Audit E2: an EU/EEA citizen has no Aufenthaltstitel (Freizügigkeit): the checklist asks for
 * proof of the right of residence instead; a third-country national is still asked for the title.
 */
import { expect, it } from "vitest";
import { erstantrag } from "~/flows/erstantrag/flow";
import { prune, viewOf } from "~/flows/engine/journey";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const keysFor = (status: string) => {
  const base = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!.answers;
  const answers = {
    ...base,
    herkunft: { geburtsort: "Krakau", geburtsland: "PL", staatsangehoerigkeit: status === "freizuegigkeit" ? "eu" : "andere" },
    staatsangehoerigkeit: { land: status === "freizuegigkeit" ? "PL" : "SY" }, aufenthalt: { status }, einreise: {},
    asyl: { asylbewerberleistungen: "nein" }, verpflichtung: { verpflichtungserklaerung: "nein" }, nummern: {},
  };
  return erstantrag.nachweise(viewOf(erstantrag, prune(erstantrag, answers))).map((n) => n.key);
};

it("asks an EU citizen for proof of the right of residence, not for an Aufenthaltstitel", () => {
  expect(keysFor("freizuegigkeit")).toContain("freizuegigkeitsnachweis");
  expect(keysFor("freizuegigkeit")).not.toContain("aufenthaltstitel");
  expect(keysFor("aufenthaltstitel")).toContain("aufenthaltstitel");
  expect(keysFor("aufenthaltstitel")).not.toContain("freizuegigkeitsnachweis");
});

it("V5: a new job asks for the employer's Einkommensbescheinigung; a job that ended says to register as unemployed first", async () => {
  const { veraenderung } = await import("~/flows/veraenderung/flow");
  const { personas } = await import("../fixtures/veraenderung-personas");
  const { readFileSync } = await import("node:fs");
  const withJob = personas.find((p) => p.answers.arbeitBeginn)!;
  const keys = veraenderung.nachweise(viewOf(veraenderung, prune(veraenderung, withJob.answers))).map((n) => n.key);
  expect(keys).toContain("einkommensbescheinigung");
  const texts = JSON.parse(readFileSync("locales/de/veraenderung.json", "utf8"));
  expect(texts.steps.arbeitEnde.intro).toMatch(/Agentur für Arbeit/);
});
