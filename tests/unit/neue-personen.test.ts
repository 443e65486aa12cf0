/**
 * Audit V3: a person who moves in is asked what the Erstantrag asks of a further person — the
 * same building-block pages (Anlage WEP or KI, residence, situation, past, insurance, income,
 * Anlage HG), per person, written into that person's own Änderung — and their Vermögen; a
 * newborn gets the Anlage KI's questions. Nobody who moved out, and no flatmate, is asked.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstIncomplete, prune, reachablePages, viewOf, withoutMember } from "~/flows/engine/journey";
import type { Answers } from "~/flows/engine/types";
import { veraenderung } from "~/flows/veraenderung/flow";
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { buildDocument } from "~/submission/build-document.server";
import { flowOutline } from "~/submission/flow-outline.server";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { jobcenterForPostcode, jobcenterListSchema } from "~/tenants/jobcenter";
import { isoDaysFromNow as d, personas } from "../fixtures/veraenderung-personas";

const jobcenters = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")));
const familie = personas.find((p) => p.name === "umzug-familie")!;

function submit(answers: Answers) {
  const pruned = prune(veraenderung, answers);
  const view = viewOf(veraenderung, pruned);
  const model = veraenderung.toModel(view, { receivedAt: new Date(), language: "de" }) as Veraenderungsmitteilung;
  const receivedAt = new Date();
  const xml = renderXml(buildDocument({
    reference: "V3T4S8QX", flow: veraenderung, rechtsstand: receivedAt.toISOString().slice(0, 10), receivedAt,
    language: "de", jobcenter: jobcenterForPostcode(jobcenters, "00150")!, model,
  }));
  return { model, xml, view, pages: reachablePages(veraenderung, pruned).map((p) => p.key) };
}
const moves = (model: Veraenderungsmitteilung) => model.aenderungen.filter((c) => c.art === "PersonEinzugAuszug") as Extract<Veraenderungsmitteilung["aenderungen"][number], { art: "PersonEinzugAuszug" }>[];

/** Moved out (member 1), the partner moved in (2), a child of 8 moved in (3), a flatmate (4), the applicant's mother (5). */
const gemischt: Answers = {
  person: { vorname: "Olena", nachname: "Kovalenko", geburtsdatum: "1988-04-12" },
  bereiche: { bereiche: ["haushalt"] },
  haushalt: { ereignisse: ["einzugAuszug"] },
  personen: [
    { richtung: "auszug", vorname: "Iryna", nachname: "Kovalenko", geburtsdatum: "2003-01-15", beziehung: "kind", datum: d(-25) },
    { richtung: "einzug", vorname: "Andrij", nachname: "Kovalenko", geburtsdatum: "1985-09-30", beziehung: "partner", datum: d(-20), geschlecht: "maennlich" },
    { richtung: "einzug", vorname: "Sofia", nachname: "Kovalenko", geburtsdatum: `${new Date().getFullYear() - 8}-03-01`, beziehung: "kind", datum: d(-20), geschlecht: "weiblich" },
    { richtung: "einzug", vorname: "Tom", nachname: "Berger", geburtsdatum: "1990-06-06", beziehung: "sonstige", datum: d(-10), geschlecht: "maennlich" },
    { richtung: "einzug", vorname: "Halyna", nachname: "Kovalenko", geburtsdatum: "1960-02-02", beziehung: "elternteil", datum: d(-5), geschlecht: "weiblich" },
  ],
  "partnerschaft/2": { hinweise: ["ueberEinJahr"], einstehen: "ja" },
  "wep/2": { geburtsort: "Kassel", geburtsland: "DE", staatsangehoerigkeit: "deutsch" },
  "lebenslage/2": { lage: ["keine"] },
  "vorher/2": { lage: ["keine"] },
  "versicherung/2": { art: "pflicht" }, "krankenkasse/2": { name: "AOK Nordost" },
  "einkommen/2": { arten: ["keine"] },
  "lebensunterhalt/2": { quellen: ["ersparnisse"] },
  "zuzugVermoegen/2": { vorhanden: "nein" },
  "kind/3": { staatsangehoerigkeit: "deutsch", lebensmittelpunkt: "ueberwiegend", kindergeld: "ja", betreuung: "schule", versicherung: "familie", unterhalt: "beideEltern" },
  "kindLebenslage/3": { lage: ["keine"] },
  "butKosten/3": { kosten: ["keine"] },
  "zuzugVermoegen/3": { vorhanden: "ja" },
  "zuzugVermoegensposten/3": [{ art: "konten", beschreibung: "Sparbuch, Sparkasse", wert: "350.00" }],
  "hg/5": { einkommen: "ja", einkommenBetrag: "1100.00", vermoegen: "nein", unterstuetzung: "nein" },
  weiteres: {},
};

describe("a person who moves in (audit V3)", () => {
  it("is asked the Erstantrag's pages of a further person; nobody who moved out, no flatmate", () => {
    const { pages } = submit(gemischt);
    const of = (i: number) => pages.filter((k) => k.endsWith(`/${i}`)).map((k) => k.split("/")[0]);
    expect(of(1)).toEqual([]);
    expect(of(2)).toEqual(expect.arrayContaining(["partnerschaft", "wep", "lebenslage", "vorher", "versicherung", "krankenkasse", "einkommen", "zuzugVermoegen"]));
    expect(of(3)).toEqual(expect.arrayContaining(["kind", "kindLebenslage", "zuzugVermoegen", "zuzugVermoegensposten"]));
    expect(of(3)).not.toContain("einkommen");
    expect(of(4)).toEqual([]);
    // The applicant's mother is not in the Bedarfsgemeinschaft (the applicant is 25 or older): Anlage HG only.
    expect(of(5)).toEqual(["hg"]);
    expect(firstIncomplete(veraenderung, gemischt)).toBe("pruefen");
  });

  it("writes each person's answers into their own Änderung, valid against the XSD", () => {
    const { model, xml } = submit(gemischt);
    const [aus, partner, kind, wg, mutter] = moves(model);
    expect(aus.angaben).toBeUndefined();
    expect(partner.person.vorname).toBe("Andrij");
    expect(partner.angaben).toMatchObject({ geschlecht: "maennlich", verantwortungsgemeinschaft: { hinweise: ["ueberEinJahr"], einstehenswille: true }, geburtsort: "Kassel", staatsangehoerigkeit: "deutsch", einkommen: [], eigenesVermoegen: { vorhanden: false } });
    expect(kind.person.vorname).toBe("Sofia");
    expect(kind.angaben).toMatchObject({ kinderangaben: { kindergeld: "ja", betreuung: "schule" }, eigenesVermoegen: { vorhanden: true, vermoegensposten: [{ vermoegensart: "konten", wert: "350.00" }] } });
    expect(wg.angaben).toEqual({ geschlecht: "maennlich" });
    expect(mutter.angaben).toMatchObject({ haushaltsgemeinschaft: { einkommenVorhanden: "ja", einkommenBetrag: "1100.00" } });
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<Angaben><Geschlecht>maennlich</Geschlecht>");
  });

  it("asks each person's proofs by name, and prints their answers for the caseworker", () => {
    const { model, view } = submit(gemischt);
    const proofs = veraenderung.nachweise(view).filter((n) => n.reason === "personen" || n.reason === "zuzugVermoegen").map((n) => `${n.key}: ${n.person}`);
    expect(proofs).toEqual(expect.arrayContaining(["ausweisPerson: Andrij Kovalenko", "ausweisPerson: Sofia Kovalenko", "vermoegenPerson: Sofia Kovalenko", "einkommenPerson: Halyna Kovalenko"]));
    expect(proofs).not.toContain("einkommenPerson: Andrij Kovalenko");
    const outline = flowOutline("veraenderung", model);
    const headings = outline.filter((n) => n.kind === "subheading").map((n) => (n as { text: string }).text);
    expect(headings).toEqual(expect.arrayContaining(["Angaben zu Andrij Kovalenko (wie Anlage WEP oder KI)", "Angaben zu Sofia Kovalenko (wie Anlage WEP oder KI)"]));
    const rows = outline.filter((n) => n.kind === "row").map((n) => `${(n as { label: string }).label}: ${(n as { value: string }).value}`);
    expect(rows).toContain("Einkommen: keine");
  });

  it("comes back from the model as answered, and leaves with the person", () => {
    const { model } = submit(gemischt);
    const back = prune(veraenderung, veraenderung.fromModel(model as never));
    for (const key of ["wep/2", "kind/3", "zuzugVermoegensposten/3", "hg/5", "einkommen/2"]) expect(back[key], key).toEqual(gemischt[key]);
    // Removing the partner from the list takes his pages with him; the child's move up.
    const without = withoutMember(veraenderung, gemischt, 2);
    expect(without["wep/2"]).toBeUndefined();
    expect(without["kind/2"]).toEqual(gemischt["kind/3"]);
  });
});

describe("a partner who moves in: married or not (Anlage VE)", () => {
  const nurPartner = (beziehung: string, extra: Answers = {}): Answers => ({
    person: gemischt.person, bereiche: gemischt.bereiche, haushalt: gemischt.haushalt,
    personen: [{ richtung: "einzug", vorname: "Andrij", nachname: "Kovalenko", geburtsdatum: "1985-09-30", beziehung, datum: d(-20), geschlecht: "maennlich" }],
    ...extra,
  });
  const asked = (answers: Answers) => reachablePages(veraenderung, answers).map((p) => p.key).filter((k) => k.endsWith("/1")).map((k) => k.split("/")[0]);

  it("asks a spouse or registered partner no Anlage VE: the person belongs to the Bedarfsgemeinschaft", () => {
    const pages = asked(nurPartner("ehepartner"));
    expect(pages).not.toContain("partnerschaft");
    expect(pages).toEqual(expect.arrayContaining(["wep", "einkommen"]));
  });

  it("asks an unmarried partner the Anlage VE first; with no indicator and no will to stand in, nothing more", () => {
    expect(asked(nurPartner("partner"))[0]).toBe("partnerschaft");
    const wg = nurPartner("partner", { "partnerschaft/1": { hinweise: [], einstehen: "nein" }, weiteres: {} });
    expect(asked(wg)).toEqual(["partnerschaft"]);
    expect(firstIncomplete(veraenderung, wg)).toBe("pruefen");
    const { model, xml } = submit(wg);
    expect(moves(model)[0].angaben).toEqual({ geschlecht: "maennlich", verantwortungsgemeinschaft: { hinweise: [], einstehenswille: false } });
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<Beziehung>partner</Beziehung>");
    expect(xml).toContain("<Verantwortungsgemeinschaft><Hinweise></Hinweise><Einstehenswille>false</Einstehenswille></Verantwortungsgemeinschaft>");
  });

  it("asks the pages of a further person when an indicator makes the law presume it (§ 7 Abs. 3a SGB II)", () => {
    const presumed = asked(nurPartner("partner", { "partnerschaft/1": { hinweise: ["gemeinsamesKind"], einstehen: "nein" } }));
    expect(presumed).toEqual(expect.arrayContaining(["partnerschaft", "wep", "einkommen", "zuzugVermoegen"]));
  });
});

describe("a newborn (audit V3)", () => {
  it("is asked Kindergeld, insurance and maintenance, and paternity only with a parent outside the household", () => {
    const step = veraenderung.steps.find((s) => s.id === "geburtAngaben")!;
    expect(step.fields.map((f) => f.name)).toEqual(["kindergeld", "versicherung", "unterhalt", "vaterschaft"]);
    const together = submit(familie.answers);
    expect(together.model.aenderungen.find((c) => c.art === "Geburt")).toMatchObject({ kindergeld: "beantragt", kinderversicherung: "familie", kindesunterhalt: "beideEltern" });
    expect(together.model.aenderungen.find((c) => c.art === "Geburt")).not.toHaveProperty("vaterschaft");
    const apart = submit({ ...familie.answers, geburtAngaben: { kindergeld: "ja", versicherung: "familie", unterhalt: "unterhaltsvorschuss", vaterschaft: "anerkannt" } });
    expect(validateXml(apart.xml)).toEqual({ valid: true, errors: [] });
    expect(apart.xml).toContain("<Vaterschaft>anerkannt</Vaterschaft>");
    expect(veraenderung.nachweise(apart.view).map((n) => n.key)).toEqual(expect.arrayContaining(["geburtsurkunde", "vaterschaftsanerkennung", "leistungsbescheid"]));
  });
});
