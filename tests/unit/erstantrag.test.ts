/**
 * The Erstantrag flow with its personas: every persona completes, only triggered Anlagen are
 * asked, the household is split into BG and HG as § 7 / § 9 SGB II say, the Vermögen regime
 * follows the application date, and the documents are schema-valid (also per xmllint).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { erstantrag as flow } from "~/flows/erstantrag/flow";
import { haushalt } from "~/blocks/haushalt/household";
import { todayIso } from "~/flows/engine/fields";
import { guard, prune, reachablePages, REVIEW, viewOf, withoutMember } from "~/flows/engine/journey";
import type { Answers, StepValues } from "~/flows/engine/types";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { born, erstantragPersonas } from "../fixtures/erstantrag-personas";
import { erstantragDocuments } from "../fixtures/documents";

const persona = (name: string) => erstantragPersonas.find((p) => p.name.startsWith(name))!;
const keys = (answers: Answers) => reachablePages(flow, answers).map((p) => p.key);
const dir = mkdtempSync(join(tmpdir(), "erstantrag-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Erstantrag personas", () => {
  it.each(erstantragPersonas)("$name: complete, nothing stale, the expected forms and regime", (p) => {
    expect(guard(flow, p.answers, REVIEW)).toBeNull();
    // Every answer in the fixture is on a reachable page: the fixture asks nothing superfluous.
    expect(Object.keys(prune(flow, p.answers)).sort()).toEqual(Object.keys(p.answers).sort());
    const model = flow.toModel(viewOf(flow, prune(flow, p.answers)), { receivedAt: new Date(), language: p.language });
    expect(model.formulare.map((f) => (f.personNr ? `${f.kuerzel}:${f.personNr}` : f.kuerzel))).toEqual(p.expectedForms);
    expect(model.vermoegen.regime).toBe(p.expectedRegime);
  });

  it.each(erstantragDocuments())("$name: XML valid against the XSD (libxml2 and xmllint)", ({ name, document }) => {
    const xml = renderXml(document);
    const check = validateXml(xml);
    expect(check.errors).toEqual([]);
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    const cli = spawnSync("xmllint", ["--noout", "--schema", "public/schemas/antrag-1.0.xsd", file], { encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
  });
});

describe("household", () => {
  it("puts partner and children under 25 in the BG, gives WEP from 15 and KI below", () => {
    const model = flow.toModel(viewOf(flow, persona("2-").answers), { receivedAt: new Date(), language: "ar" });
    expect(model.mitglieder.map((m) => [m.vorname, m.zugehoerigkeit, m.formular])).toEqual([
      ["Amira", "Bedarfsgemeinschaft", "HA"], ["Karim", "Bedarfsgemeinschaft", "WEP"],
      ["Lina", "Bedarfsgemeinschaft", "WEP"], ["Yusuf", "Bedarfsgemeinschaft", "KI"],
    ]);
  });

  it("counts the parents of an unmarried applicant under 25 in the BG, and in the HG from 25", () => {
    const young = persona("5-").answers;
    expect(haushalt(viewOf(flow, young), todayIso()).map((h) => h.zugehoerigkeit)).toEqual(["Bedarfsgemeinschaft", "Bedarfsgemeinschaft", "Bedarfsgemeinschaft"]);
    const older = { ...young, person: { ...(young.person as object), geburtsdatum: born(26) } } as Answers;
    expect(haushalt(viewOf(flow, older), todayIso()).map((h) => h.zugehoerigkeit)).toEqual(["Bedarfsgemeinschaft", "Haushaltsgemeinschaft", "Haushaltsgemeinschaft"]);
    // As HG members the parents get the HG questions, no longer the WEP ones.
    expect(keys(older)).toContain("hg/1");
    expect(keys(older)).not.toContain("wep/1");
  });

  it("counts the partner of a parent of an unmarried applicant under 25 in the BG (§ 7 Abs. 3 Nr. 2, audit E6), from 25 in neither", () => {
    const young = persona("5-").answers;
    const stepfather = { ...young, haushalt: [(young.haushalt as StepValues[])[0], { ...(young.haushalt as StepValues[])[1], beziehung: "partnerElternteil" }] } as Answers;
    expect(haushalt(viewOf(flow, stepfather), todayIso()).map((h) => h.zugehoerigkeit)).toEqual(["Bedarfsgemeinschaft", "Bedarfsgemeinschaft", "Bedarfsgemeinschaft"]);
    // In the BG he gets the WEP questions (income, assets), not the Anlage HG.
    expect(keys(stepfather)).toContain("wep/2");
    expect(keys(stepfather)).not.toContain("hg/2");
    const older = { ...stepfather, person: { ...(stepfather.person as object), geburtsdatum: born(26) } } as Answers;
    expect(haushalt(viewOf(flow, older), todayIso()).map((h) => h.zugehoerigkeit)).toEqual(["Bedarfsgemeinschaft", "Haushaltsgemeinschaft", "Wohngemeinschaft"]);
    expect(keys(older)).not.toContain("hg/2");
  });

  it("puts a sibling of an applicant from 25 in the HG (Anlage HG), a flat-mate in neither", () => {
    const answers = persona("6-").answers;
    expect(keys(answers)).toContain("hg/1");
    const flatmate = { ...answers, haushalt: [{ ...(answers.haushalt as object[])[0], beziehung: "sonstige" }] } as Answers;
    expect(keys(flatmate).filter((k) => k.endsWith("/1"))).toEqual([]);
  });

  it("asks the Anlage VE questions for a partner who is not married to the applicant", () => {
    const answers = { ...persona("2-").answers, haushalt: [{ ...(persona("2-").answers.haushalt as object[])[0], beziehung: "partner" }] } as Answers;
    expect(keys(answers)).toContain("partnerschaft");
    expect(keys(persona("2-").answers)).not.toContain("partnerschaft");
  });

  it("a partner without a § 7 (3a) indicator who does not stand in is a flatmate: Anlage VE, no WEP (audit E7)", () => {
    const base = persona("2-").answers;
    const withPartner = (partnerschaft: object) => ({
      ...base, haushalt: [{ ...(base.haushalt as object[])[0], beziehung: "partner" }, ...(base.haushalt as object[]).slice(1)], partnerschaft,
    }) as Answers;
    const flatmate = withPartner({ einstehen: "nein" });
    expect(haushalt(viewOf(flow, flatmate), todayIso())[1].zugehoerigkeit).toBe("Wohngemeinschaft");
    expect(keys(flatmate)).toContain("partnerschaft");
    expect(keys(flatmate).filter((k) => k.endsWith("/1")), "no per-person pages for the flatmate").toEqual([]);
    const model = flow.toModel(viewOf(flow, prune(flow, flatmate)), { receivedAt: new Date(), language: "de" });
    expect(model.mitglieder[1]).toMatchObject({ zugehoerigkeit: "Wohngemeinschaft", formular: "keines" });
    expect(model.formulare.map((f) => f.kuerzel)).toContain("VE");
    // An indicator makes the law presume the BG, whatever the answer: the jobcenter decides.
    const presumed = withPartner({ hinweise: ["ueberEinJahr"], einstehen: "nein" });
    expect(haushalt(viewOf(flow, presumed), todayIso())[1].zugehoerigkeit).toBe("Bedarfsgemeinschaft");
    expect(keys(presumed)).toContain("wep/1");
    expect(haushalt(viewOf(flow, withPartner({ einstehen: "ja" })), todayIso())[1].zugehoerigkeit).toBe("Bedarfsgemeinschaft");
  });

  it("forgets a removed person's answers and renumbers the others", () => {
    const answers = persona("2-").answers;
    const items = answers.haushalt as object[];
    const without = withoutMember(flow, { ...answers, haushalt: [items[1], items[2]] } as Answers, 1);
    expect(without["wep/1"]).toEqual(answers["wep/2"]);
    expect(without["kind/2"]).toEqual(answers["kind/3"]);
    expect(without["kind/3"]).toBeUndefined();
  });
});

describe("adaptive questions", () => {
  it("asks the single adult only the HA, KDU and VM questions", () => {
    const pages = keys(persona("1-").answers);
    for (const anlage of ["wep/1", "kind/1", "eks/0", "sv/0", "uh1", "uh2/0", "partnerschaft", "vermoegenKarenzzeit"]) expect(pages).not.toContain(anlage);
  });

  it("asks the Anlage EKS forecast only while the self-employment goes on", () => {
    const answers = persona("4-").answers;
    expect(keys(answers)).toContain("eks/0");
    const ended = { ...answers, "selbststaendigkeit/0": { ...(answers["selbststaendigkeit/0"] as object), aktuell: "nein" } } as Answers;
    expect(keys(ended)).not.toContain("eks/0");
  });

  it("follows the Vermögen regime of the application date: self-declaration before 01.07.2026, allowances after", () => {
    const before = persona("7a").answers;
    expect(keys(before)).toContain("vermoegenKarenzzeit");
    expect(keys(before)).not.toContain("vermoegen");
    const vars = flow.textVars!(viewOf(flow, before), "de");
    expect(vars.leistung).toBe("Bürgergeld");
    expect(vars.grenze.replace(/\s/g, " ")).toBe("40.000 €");
    const after = persona("7b").answers;
    expect(keys(after)).not.toContain("vermoegenKarenzzeit");
    const afterVars = flow.textVars!(viewOf(flow, after), "de");
    expect(afterVars.leistung).toBe("Grundsicherungsgeld");
    expect(afterVars.grenze.replace(/\s/g, " ")).toBe("15.000 €"); // 57 years old: top tier (§ 12 reading of ADR 0027)
  });

  it("dates the application from an informal application, and the Bewilligungszeitraum from its month", () => {
    const model = flow.toModel(viewOf(flow, persona("7a").answers), { receivedAt: new Date(), language: "de" });
    expect(model.antragstellung).toMatchObject({ antragsdatum: "2026-06-15", antragsweg: "telefonisch", bewilligungszeitraumBeginn: "2026-06-01" });
    expect(model.leistung).toBe("Bürgergeld");
    expect(flow.rechtsstand!(viewOf(flow, persona("7a").answers), todayIso())).toBe("2026-06-15");
  });

  it("derives a personalised Nachweis checklist, per person", () => {
    const list = flow.nachweise(viewOf(flow, persona("2-").answers));
    const of = (key: string) => list.filter((n) => n.key === key).map((n) => n.person);
    expect(of("ausweis")).toEqual(["Amira Haddad", "Karim Haddad", "Lina Haddad"]);
    expect(of("geburtsurkunde")).toEqual(["Yusuf Haddad"]);
    expect(of("lohnabrechnungen")).toEqual(["Karim Haddad"]);
    expect(of("schulbescheinigung")).toEqual(["Lina Haddad"]);
    expect(of("mietvertrag")).toEqual([undefined]);
    expect(of("verpflichtungserklaerung")).toEqual([]);
  });

  it("asks until when AsylbLG is paid of each person who gets it, and writes it to a valid XML", () => {
    const base = persona("2-").answers;
    const withAsyl: Answers = {
      ...base,
      asyl: { asylbewerberleistungen: "ja" },
      "asylPerson/3": { asylbewerberleistungen: "ja" },
    };
    const pages = keys(withAsyl);
    expect(pages).toContain("asylbezug");
    expect(pages).toContain("asylbezugPerson/3");
    expect(pages.filter((k) => k.startsWith("asylbezugPerson/"))).toEqual(["asylbezugPerson/3"]);
    const answers: Answers = { ...withAsyl, asylbezug: { bis: "2027-01-31" }, "asylbezugPerson/3": {} };
    expect(guard(flow, answers, REVIEW)).toBeNull();
    const model = flow.toModel(viewOf(flow, prune(flow, answers)), { receivedAt: new Date(), language: "ar" });
    expect(model.antragsteller.aufenthalt?.asylbewerberleistungenBis).toBe("2027-01-31");
    expect(model.mitglieder[3].aufenthalt).toMatchObject({ asylbewerberleistungen: true });
    expect(model.mitglieder[3].aufenthalt?.asylbewerberleistungenBis).toBeUndefined();
    const document = structuredClone(erstantragDocuments().find((d) => d.name.startsWith("2-"))!.document);
    document.fachdaten = model;
    const xml = renderXml(document);
    expect(validateXml(xml).errors).toEqual([]);
    expect(xml).toContain("<Asylbewerberleistungen>true</Asylbewerberleistungen><AsylbewerberleistungenBis>2027-01-31</AsylbewerberleistungenBis>");
  });

  it("writes the HA E periods, the earlier office's address, the MEB consent and a relative's assets", () => {
    const p = persona("6-").answers;
    const answers: Answers = {
      ...p,
      "lebenslage/0": { lage: ["ernaehrung"] },
      "ernaehrung/0": { erkrankung: "Zöliakie", arzt: "Dr. Lind", schweigepflicht: ["ja"] },
      "vorher/0": { lage: ["leistungen", "beschaeftigt", "lohnersatz"] },
      "vorleistung/0": { art: "buergergeld", von: "2024-01-01", bis: "2024-06-30", traeger: "Jobcenter Beispielkreis", traegerAnschrift: "Marktplatz 1, 00500 Beispielstadt" },
      "hg/1": { ...(p["hg/1"] as Record<string, string>), vermoegen: "ja", vermoegenBetrag: "12000.00" },
    };
    expect(guard(flow, answers, REVIEW)).toBeNull();
    const model = flow.toModel(viewOf(flow, prune(flow, answers)), { receivedAt: new Date(), language: "de" });
    const document = structuredClone(erstantragDocuments().find((d) => d.name.startsWith("6-"))!.document);
    document.fachdaten = model;
    const xml = renderXml(document);
    expect(validateXml(xml).errors).toEqual([]);
    expect(xml).toContain("<Von>2024-01-01</Von><Bis>2024-06-30</Bis><Traeger>Jobcenter Beispielkreis</Traeger><TraegerAnschrift>Marktplatz 1, 00500 Beispielstadt</TraegerAnschrift>");
    expect(xml).toMatch(/<Lohnersatz><Leistungsart>alg<\/Leistungsart><Von>\d{4}-\d{2}-\d{2}<\/Von>/);
    expect(xml).toContain("<Arzt>Dr. Lind</Arzt><Schweigepflichtentbindung>true</Schweigepflichtentbindung>");
    expect(xml).toContain("<VermoegenVorhanden>ja</VermoegenVorhanden><VermoegenBetrag>12000.00</VermoegenBetrag>");
  });

  it("asks for residence papers, claims and titles only where the answers name them", () => {
    const base = persona("2-").answers;
    const answers = {
      ...base,
      verpflichtung: { verpflichtungserklaerung: "ja" },
      "asylPerson/3": { asylbewerberleistungen: "ja" },
      "abzuege/1": { ...(base["abzuege/1"] as Record<string, string>), unterhaltTitel: "150.00" },
    };
    const list = flow.nachweise(viewOf(flow, answers));
    const of = (key: string) => list.filter((n) => n.key === key).map((n) => `${n.person}|${n.reason}`);
    expect(of("verpflichtungserklaerung")).toEqual(["Amira Haddad|verpflichtung"]);
    expect(of("asylblgBescheid")).toEqual(["Yusuf Haddad|asyl"]);
    expect(of("unterhaltstitel")).toEqual(["Karim Haddad|abzuege"]);
  });
});
