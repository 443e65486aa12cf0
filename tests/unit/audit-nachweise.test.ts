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
    herkunft: { geburtsort: "Krakau", geburtsland: "Polen", staatsangehoerigkeit: status === "freizuegigkeit" ? "eu" : "andere" },
    aufenthalt: { land: status === "freizuegigkeit" ? "Polen" : "Syrien", status, asylbewerberleistungen: "nein", verpflichtungserklaerung: "nein" },
  };
  return erstantrag.nachweise(viewOf(erstantrag, prune(erstantrag, answers))).map((n) => n.key);
};

it("asks an EU citizen for proof of the right of residence, not for an Aufenthaltstitel", () => {
  expect(keysFor("freizuegigkeit")).toContain("freizuegigkeitsnachweis");
  expect(keysFor("freizuegigkeit")).not.toContain("aufenthaltstitel");
  expect(keysFor("aufenthaltstitel")).toContain("aufenthaltstitel");
  expect(keysFor("aufenthaltstitel")).not.toContain("freizuegigkeitsnachweis");
});
