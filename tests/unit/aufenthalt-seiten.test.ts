/**
 * #18 "The residence page" (ADR 0039): HA B is one question per page, for the applicant and for
 * every further non-German person, and AsylbLG and a Verpflichtungserklärung are asked only with
 * the statuses they can concern. Not asked is absent in the model and the XML, never "nein".
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstIncomplete, reachablePages } from "~/flows/engine/journey";
import type { Answers, ChoiceField, FlowDefinition } from "~/flows/engine/types";
import { steps } from "~/blocks/aufenthalt/steps";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const single = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!.answers;
const family = erstantragPersonas.find((p) => p.name === "2-familie-minijob")!.answers;
const RESIDENCE = ["staatsangehoerigkeit", "aufenthalt", "titel", "freizuegigkeit", "einreise", "asyl", "asylbezug", "verpflichtung", "nummern"];
const residencePages = (a: Answers) => reachablePages(flow, a).map((p) => p.key).filter((k) => RESIDENCE.includes(k));

const foreign = (status: string, more: Answers = {}): Answers => ({
  ...single,
  herkunft: { geburtsort: "Krakau", geburtsland: "PL", staatsangehoerigkeit: status === "freizuegigkeit" ? "eu" : "andere" },
  staatsangehoerigkeit: { land: status === "freizuegigkeit" ? "PL" : "AF" }, aufenthalt: { status }, einreise: {}, nummern: {},
  ...more,
});

describe("one question per page, only what the status concerns", () => {
  it("an EU citizen: nationality, status, ground of free movement, entry, numbers — no AsylbLG, no sponsor", () => {
    const answers = foreign("freizuegigkeit", { freizuegigkeit: { grund: "arbeitnehmer" } });
    expect(residencePages(answers)).toEqual(["staatsangehoerigkeit", "aufenthalt", "freizuegigkeit", "einreise", "nummern"]);
    expect(firstIncomplete(flow, answers)).toBe("pruefen");
    const { model, xml } = erstantragDocumentOf(answers);
    expect(model.antragsteller.aufenthalt).toEqual({ land: "PL", aufenthaltsstatus: "freizuegigkeit", freizuegigkeitsgrund: "arbeitnehmer" });
    expect(xml).not.toContain("<Asylbewerberleistungen>");
    expect(xml).not.toContain("<Verpflichtungserklaerung>");
  });

  it("a settlement permit: the sponsor's declaration, no AsylbLG", () => {
    expect(residencePages(foreign("niederlassung"))).toEqual(["staatsangehoerigkeit", "aufenthalt", "einreise", "verpflichtung", "nummern"]);
  });

  it("a Gestattung or Duldung: AsylbLG and, if received, until when — no sponsor's declaration", () => {
    const answers = foreign("gestattungDuldung", { asyl: { asylbewerberleistungen: "ja" }, asylbezug: { bis: "2027-02-28" } });
    expect(residencePages(answers)).toEqual(["staatsangehoerigkeit", "aufenthalt", "einreise", "asyl", "asylbezug", "nummern"]);
    const { model, xml, nachweise } = erstantragDocumentOf(answers);
    expect(model.antragsteller.aufenthalt).toEqual({ land: "AF", aufenthaltsstatus: "gestattungDuldung", asylbewerberleistungen: true, asylbewerberleistungenBis: "2027-02-28" });
    expect(xml).toContain("<Aufenthaltsstatus>gestattungDuldung</Aufenthaltsstatus><Asylbewerberleistungen>true</Asylbewerberleistungen><AsylbewerberleistungenBis>2027-02-28</AsylbewerberleistungenBis></Aufenthalt>");
    expect(nachweise).toContain("asylblgBescheid");
    expect(flow.fromModel(model as never)).toMatchObject({ staatsangehoerigkeit: { land: "AF" }, aufenthalt: { status: "gestattungDuldung" }, asyl: { asylbewerberleistungen: "ja" } });
  });

  it("a residence permit: both, and the same pages for every further non-German person", () => {
    expect(residencePages(foreign("aufenthaltstitel"))).toEqual(["staatsangehoerigkeit", "aufenthalt", "titel", "einreise", "asyl", "verpflichtung", "nummern"]);
    const spouse = reachablePages(flow, family).map((p) => p.key).filter((k) => k.endsWith("/1") && /Person|Aufenthalt/.test(k));
    expect(spouse).toEqual([
      "staatsangehoerigkeitPerson/1", "wepAufenthalt/1", "titelPerson/1", "einreisePerson/1", "asylPerson/1", "verpflichtungPerson/1", "nummernPerson/1",
    ]);
  });
});

it("every status explains its paper, in German and in every offered language", () => {
  const status = steps.aufenthalt.kind === "question" ? steps.aufenthalt.fields.find((f) => f.name === "status") as ChoiceField : undefined;
  expect(status?.optionHints).toBe(true);
  for (const lng of ["de", "ar", "uk", "ti"]) {
    const hints = JSON.parse(readFileSync(`locales/${lng}/aufenthalt.json`, "utf8")).steps.aufenthalt.fields.status.optionHints;
    expect(Object.keys(hints), lng).toEqual([...status!.options]);
  }
  const de = JSON.parse(readFileSync("locales/de/aufenthalt.json", "utf8")).steps;
  expect(de.aufenthalt.fields.status.optionHints.fiktion).toContain("„Fiktionsbescheinigung“");
  expect(de.nummern.fields.azrNummer.hint).toMatch(/Ankunftsnachweis/);
});
