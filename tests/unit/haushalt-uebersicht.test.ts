/**
 * #18 household builder: before the per-person pages the applicant sees who counts in the
 * Bedarfsgemeinschaft, who only in the Haushaltsgemeinschaft and who is a flatmate — and why.
 * The reasons follow household.ts (§ 7 Abs. 3, 3a; § 9 Abs. 5 SGB II), which decides.
 */
import { expect, it } from "vitest";
import { reachablePages, viewOf } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { haushaltsUebersicht } from "~/blocks/haushalt/overview";
import { erstantrag } from "~/flows/erstantrag/flow";
import { born, erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const persona = (name: string) => erstantragPersonas.find((p) => p.name.startsWith(name))!.answers;
const overview = (a: Answers) => haushaltsUebersicht(viewOf(flow, a));

it("a family: everyone in the Bedarfsgemeinschaft, each with the reason", () => {
  expect(overview(persona("2-"))).toEqual([{
    group: "Bedarfsgemeinschaft",
    entries: [
      { name: "Amira Haddad", reason: "antragsteller" }, { name: "Karim Haddad", reason: "ehepartner" },
      { name: "Lina Haddad", reason: "kindUnter25" }, { name: "Yusuf Haddad", reason: "kindUnter25" },
    ],
  }]);
});

it("aged 23 with her parents: the parents belong to her Bedarfsgemeinschaft; a sibling of 27 only to the Haushaltsgemeinschaft", () => {
  expect(overview(persona("5-"))[0].entries.map((e) => e.reason)).toEqual(["antragsteller", "elternU25", "elternU25"]);
  expect(overview(persona("6-"))).toEqual([
    { group: "Bedarfsgemeinschaft", entries: [{ name: "Daniel Roth", reason: "antragsteller" }] },
    { group: "Haushaltsgemeinschaft", entries: [{ name: "Sophie Roth", reason: "verwandt" }] },
  ]);
});

it("a partner who does not stand in, with no indicator, and a friend: flatmates (audit E7)", () => {
  const single = persona("1-");
  const answers: Answers = {
    ...single, wohnsituation: { alleine: "nein" },
    haushalt: [
      { vorname: "Mia", nachname: "Klein", geburtsdatum: born(33), geschlecht: "weiblich", beziehung: "partner" },
      { vorname: "Tom", nachname: "Lenz", geburtsdatum: born(30), geschlecht: "maennlich", beziehung: "sonstige" },
    ],
    partnerschaft: { einstehen: "nein" },
  };
  expect(overview(answers)).toEqual([
    { group: "Bedarfsgemeinschaft", entries: [{ name: "Jonas Becker", reason: "antragsteller" }] },
    { group: "Wohngemeinschaft", entries: [{ name: "Mia Klein", reason: "partnerMitbewohner" }, { name: "Tom Lenz", reason: "mitbewohner" }] },
  ]);
});

it("is shown after the household and the partnership, before the first per-person page — and only to whoever does not live alone", () => {
  const keys = reachablePages(flow, persona("2-")).map((p) => p.key);
  expect(keys.indexOf("uebersicht")).toBe(keys.indexOf("haushalt") + 1);
  expect(keys[keys.indexOf("uebersicht") + 1]).toMatch(/\/\d+$/);
  expect(reachablePages(flow, persona("1-")).map((p) => p.key)).not.toContain("uebersicht");
});
