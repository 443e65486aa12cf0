/**
 * Audit V2 (rest): the changes a household must report that the VÄM did not offer — subletting,
 * care of a relative, a child starting or leaving school or Kita, a new name, a residence title
 * renewed or expired (or naturalisation), the sale of an asset, an insurance payout and a
 * Mehrbedarf beginning or ending. Each is offered under its area, asks whom it concerns where it
 * concerns one person, asks its follow-ups only where they apply (not asked = absent from the
 * model and the XML, never "none"), asks for its own Nachweis, and validates against the XSD.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reachablePages, prune, viewOf } from "~/flows/engine/journey";
import type { Answers } from "~/flows/engine/types";
import { veraenderung } from "~/flows/veraenderung/flow";
import type { Aenderung, Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { buildDocument } from "~/submission/build-document.server";
import { flowOutline } from "~/submission/flow-outline.server";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { jobcenterForPostcode, jobcenterListSchema } from "~/tenants/jobcenter";
import { isoDaysFromNow as d, personas } from "../fixtures/veraenderung-personas";

const jobcenters = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")));
const base = personas.find((p) => p.name === "persoenliches-mehrbedarf")!;
const de = JSON.parse(readFileSync("locales/de/veraenderung.json", "utf8"));

function submit(answers: Answers) {
  const pruned = prune(veraenderung, answers);
  const view = viewOf(veraenderung, pruned);
  const model = veraenderung.toModel(view, { receivedAt: new Date(), language: "de" }) as Veraenderungsmitteilung;
  const receivedAt = new Date();
  const document = buildDocument({
    reference: "V2T3S7QX", flow: veraenderung, rechtsstand: receivedAt.toISOString().slice(0, 10), receivedAt,
    language: "de", jobcenter: jobcenterForPostcode(jobcenters, "00150")!, model,
  });
  const xml = renderXml(document);
  return { model, xml, nachweise: veraenderung.nachweise(view).map((n) => n.key), pages: reachablePages(veraenderung, pruned).map((p) => p.key) };
}
const change = (model: Veraenderungsmitteilung, art: string) => model.aenderungen.find((c) => c.art === art) as (Aenderung & Record<string, unknown>) | undefined;
const withAnswers = (changes: Answers) => ({ ...base.answers, ...changes });

describe("further kinds of change (audit V2)", () => {
  it("offers each under its area, with a German name for the documents and the receipt", () => {
    const options = (id: string) => veraenderung.steps.find((s) => s.id === id)!.fields[0];
    expect(options("bereiche")).toMatchObject({ options: expect.arrayContaining(["persoenliches", "mehrbedarf"]) });
    expect(options("wohnen")).toMatchObject({ options: expect.arrayContaining(["untervermietung"]) });
    expect(options("haushalt")).toMatchObject({ options: expect.arrayContaining(["pflege", "schuleKita"]) });
    expect(options("persoenliches")).toMatchObject({ options: ["namensaenderung", "aufenthaltstitel"] });
    expect(options("vermoegensereignisse")).toMatchObject({ options: ["vermoegen", "verkauf", "versicherungsleistung"] });
    for (const art of ["Untervermietung", "Pflege", "SchuleKita", "Namensaenderung", "Aufenthaltstitel", "Vermoegensverkauf", "Versicherungsleistung", "Mehrbedarf"]) {
      expect(de.aenderungsarten[art], art).toBeTruthy();
    }
  });

  it("records what the applicant said, valid against the XSD, with each change's Nachweis", () => {
    const { model, xml, nachweise, pages } = submit(base.answers);
    expect(model.aenderungen.map((c) => c.art)).toEqual(base.expectedChanges);
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    expect(pages).toEqual(expect.arrayContaining(["persoenliches", "untervermietung", "pflege", "schuleKita", "namensaenderung", "aufenthaltstitel", "mehrbedarf"]));
    expect(change(model, "SchuleKita")).toMatchObject({ betrifft: { person: "andere", vorname: "Omid" }, einrichtungsart: "schule", aenderung: "ende", danach: "ausbildung" });
    expect(change(model, "Namensaenderung")).toMatchObject({ neuerVorname: "Nadia", neuerNachname: "Karimi", grund: "heirat" });
    expect(nachweise).toEqual(["untermietvertrag", "pflegegradbescheid", "namensnachweis", "aufenthaltsdokument", "aerztlicheBescheinigung"]);
    // The caseworker's document prints the chosen options' German labels, not codes.
    const rows = flowOutline("veraenderung", model).filter((n) => n.kind === "row").map((n) => (n as { value: string }).value);
    expect(rows).toEqual(expect.arrayContaining(["Pflegegrad 3", "Eine Ausbildung", "Teurere Ernährung wegen einer Krankheit", "Der Aufenthaltstitel wurde verlängert"]));
  });

  it("asks the follow-ups only where they apply: not asked is absent, not 'none'", () => {
    const { model, xml, nachweise } = submit(withAnswers({
      untervermietung: { aenderung: "ende", ab: d(-3), einnahme: "250.00" },
      pflege: { betrifft: "selbst", aenderung: "ende", ab: d(-2), gepflegtePerson: "Zahra Rahimi, Mutter", pflegegrad: "3", stundenProWoche: "20" },
      schuleKita: { betrifft: "andere", betrifftVorname: "Omid", betrifftNachname: "Rahimi", art: "kita", aenderung: "beginn", datum: d(10), danach: "arbeit" },
      aufenthaltstitel: { betrifft: "selbst", aenderung: "abgelaufen", ab: d(-1), gueltigBis: d(300) },
      mehrbedarf: { betrifft: "selbst", art: "alleinerziehend", aenderung: "beginn", ab: d(-20) },
    }));
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    expect(change(model, "Untervermietung")).not.toHaveProperty("einnahme");
    expect(change(model, "Pflege")).not.toHaveProperty("pflegegrad");
    expect(change(model, "Pflege")).not.toHaveProperty("stundenProWoche");
    expect(change(model, "SchuleKita")).not.toHaveProperty("danach");
    expect(change(model, "Aufenthaltstitel")).not.toHaveProperty("gueltigBis");
    expect(xml).not.toMatch(/<Einnahme>|<Pflegegrad>|<Danach>|<GueltigBis>/);
    // An ended subletting or care, an expired title and a single parent's Mehrbedarf need no paper;
    // a child starting Kita needs the Kita's confirmation.
    expect(nachweise).toEqual(["schulKitaBescheinigung", "namensnachweis"]);
  });

  it("asks for the naturalisation certificate, the sale's contract and the insurer's letter", () => {
    const naturalised = submit(withAnswers({ aufenthaltstitel: { betrifft: "andere", betrifftVorname: "Omid", betrifftNachname: "Rahimi", aenderung: "einbuergerung", ab: d(-30) } }));
    expect(naturalised.nachweise).toContain("einbuergerungsurkunde");
    expect(naturalised.nachweise).not.toContain("aufenthaltsdokument");
    const assets = personas.find((p) => p.name === "vermoegen-konto")!;
    const sold = submit(assets.answers);
    expect(validateXml(sold.xml)).toEqual({ valid: true, errors: [] });
    expect(sold.nachweise).toEqual(expect.arrayContaining(["vermoegensnachweis", "kaufvertrag", "versicherungsabrechnung"]));
    expect(change(sold.model, "Vermoegensverkauf")).toMatchObject({ gegenstand: "fahrzeug", erloes: "2100.00" });
  });

  it("keeps the Vermögen area's own page: the inheritance page is asked only when chosen there", () => {
    const assets = personas.find((p) => p.name === "vermoegen-konto")!;
    const { model, pages } = submit({ ...assets.answers, vermoegensereignisse: { ereignisse: ["verkauf"] } });
    expect(pages).toContain("vermoegensereignisse");
    expect(pages).not.toContain("vermoegen");
    expect(model.aenderungen.map((c) => c.art)).toEqual(["Vermoegensverkauf", "Bankverbindung", "Kontaktdaten"]);
  });
});
