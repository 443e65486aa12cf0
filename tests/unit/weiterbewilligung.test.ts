/**
 * The renewal (issue #15): where a renewal stands by the end of the period and the jobcenter's
 * gap setting; the hand-over to the Erstantrag; prefill from a sealed PDF of an earlier
 * submission — the values it carries over and those it must not, the refusals (tampered, other
 * jobcenter, not ours, wrong kind) — and the comparison the caseworker reads; and that the XML
 * of every persona of every flow reads back to its model.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { beginnNeu, lageAm } from "~/blocks/antragstellung/bewilligungszeitraum";
import { answerView, viewOf } from "~/flows/engine/journey";
import type { Answers, StepValues } from "~/flows/engine/types";
import { prefillFromSealedPdf } from "~/flows/prefill.server";
import { flowIds, getFlow } from "~/flows/registry.server";
import { weiterbewilligung } from "~/flows/weiterbewilligung/flow";
import type { Weiterbewilligungsantrag } from "~/model/weiterbewilligungsantrag";
import { getJobcenter } from "~/store/jobcenters.server";
import { buildCaseworkerPdf } from "~/submission/pdf/caseworker.server";
import { produceDocuments } from "~/submission/pipeline.server";
import { sealPdf } from "~/submission/seal/pdf-seal.server";
import { sealXml } from "~/submission/seal/xml-seal.server";
import { parseSubmissionXml } from "~/submission/xml/parse.server";
import { renderXml } from "~/submission/xml/render.server";
import { erstantragDocuments, personaDocuments, weiterbewilligungDocuments } from "../fixtures/documents";
import { nachLuecke } from "../fixtures/weiterbewilligung-personas";
import { foreignSeal } from "../fixtures/seals";

describe("where a renewal stands (wba-but.md A.2)", () => {
  it.each([
    ["2027-03-31", "2026-12-06", "frueh"],
    ["2027-01-30", "2026-12-06", "bald"], // within eight weeks
    ["2027-01-31", "2026-12-06", "frueh"], // eight weeks: time enough
    ["2026-12-31", "2026-12-06", "bald"], // this month
    ["2026-11-30", "2026-12-06", "nachmonat"], // ended last month: no loss (§ 37 (2) S. 2)
    ["2026-10-31", "2026-12-06", "luecke"], // November lost
    ["2026-08-31", "2026-12-06", "luecke"], // three months lost: still a renewal at 3
    ["2026-07-31", "2026-12-06", "erstantrag"], // four months lost
  ])("ends %s, filed %s: %s", (ende, heute, lage) => {
    expect(lageAm(ende, heute, 3)).toBe(lage);
  });

  it("takes the jobcenter's gap setting", () => {
    expect(lageAm("2026-10-31", "2026-12-06", 0)).toBe("erstantrag");
    expect(lageAm("2026-05-31", "2026-12-06", 6)).toBe("luecke");
  });

  it("starts the new period the day after the end, or after a gap on the first of this month", () => {
    expect(beginnNeu("2027-01-31", "2026-12-06")).toBe("2027-02-01");
    expect(beginnNeu("2026-11-30", "2026-12-06")).toBe("2026-12-01");
    expect(beginnNeu("2026-12-15", "2026-12-06")).toBe("2026-12-16");
    expect(beginnNeu("2026-09-30", "2026-12-06")).toBe("2026-12-01");
  });

  it("hands over to the Erstantrag past the gap, and to a Kurzantrag when the date is to be secured first", () => {
    const to = (answers: Answers) => weiterbewilligung.handOvers!.find((h) => h.when(viewOf(weiterbewilligung, { _mandant: { maxLueckeMonate: "3" }, ...answers })))?.flowId;
    expect(to(nachLuecke)).toBe("erstantrag");
    expect(to({ bwz: { ende: "2099-01-31" } })).toBeUndefined();
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect(to({ bwz: { ende: soon }, bwzVorgehen: { weg: "formlos" } })).toBe("kurzantrag");
    expect(to({ bwz: { ende: soon }, bwzVorgehen: { weg: "vollstaendig" } })).toBeUndefined();
    // The Erstantrag starts without the renewal's own pages.
    const seeded = weiterbewilligung.handOvers!.find((h) => h.flowId === "erstantrag")!.seed!({ ...nachLuecke, person: { vorname: "A" } });
    expect(Object.keys(seeded)).toEqual(["person"]);
  });
});

describe("the XML reads back to its model", () => {
  it("for every persona of every flow", () => {
    const docs = [...personaDocuments(), ...erstantragDocuments(), ...weiterbewilligungDocuments()];
    for (const { name, document } of docs) {
      const parsed = parseSubmissionXml(renderXml(document));
      const { nachweise: _n, ...model } = document.fachdaten as unknown as Record<string, unknown>;
      expect(parsed.fachdaten, name).toEqual(JSON.parse(JSON.stringify(model)));
      expect(parsed.kopf.referenz).toBe(document.kopf.referenz);
    }
  });
});


describe("prefill from the sealed PDF of an earlier submission (A.6)", () => {
  const source = erstantragDocuments().find((d) => d.name === "2-familie-minijob")!.document;
  const jobcenter = getJobcenter(source.kopf.jobcenter.id)!;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = (await produceDocuments(source, jobcenter)).pdf;
  }, 60_000);

  it("carries persons, address, account, housing and kinds of income over, each page to confirm", async () => {
    const outcome = await prefillFromSealedPdf(weiterbewilligung, jobcenter, pdf);
    if (!outcome.ok) throw new Error(outcome.reason);
    const a = outcome.answers;
    expect(a._vorantrag).toEqual({ referenz: source.kopf.referenz, eingang: source.kopf.eingang });
    expect(a.person).toMatchObject({ vorname: "Amira", nachname: "Haddad" });
    expect((a.haushalt as StepValues[]).map((m) => m.vorname)).toEqual(["Karim", "Lina", "Yusuf"]);
    expect(a.kontodaten).toMatchObject({ iban: expect.stringMatching(/^DE/) });
    expect(a.miete).toEqual(expect.objectContaining({ grundmiete: expect.any(String) }));
    expect(a["einkommen/1"]).toEqual({ arten: ["erwerb"] });
    // Amounts that must be current are asked again: the employer stays, the wage does not.
    const [job] = a["erwerb/1"] as StepValues[];
    expect(job).toHaveProperty("arbeitgeber");
    expect(job).not.toHaveProperty("brutto");
    expect(job).not.toHaveProperty("netto");
    // The renewal's own period is never taken from an earlier application.
    expect(a.bwz).toBeUndefined();
    // Every carried page is marked and waits for confirmation.
    for (const key of Object.keys(a).filter((k) => !k.startsWith("_"))) expect(a[`_vor/${key}`], key).toEqual(a[key]);
    expect(outcome.pages).toBeGreaterThan(20);
  });

  it("never carries health details over", async () => {
    const meb = erstantragDocuments().map((d) => d.document).find((d) => JSON.stringify(d.fachdaten).includes('"ernaehrung"'));
    if (!meb) return; // no persona with Anlage MEB: nothing to show
    const outcome = await prefillFromSealedPdf(weiterbewilligung, getJobcenter(meb.kopf.jobcenter.id)!, (await produceDocuments(meb, getJobcenter(meb.kopf.jobcenter.id)!)).pdf);
    if (!outcome.ok) throw new Error(outcome.reason);
    for (const [key, v] of Object.entries(outcome.answers)) if (key.startsWith("ernaehrung/")) expect(v).toEqual({});
  });

  it("tells the caseworker which prefilled pages were confirmed and which changed", async () => {
    const outcome = await prefillFromSealedPdf(weiterbewilligung, jobcenter, pdf);
    if (!outcome.ok) throw new Error(outcome.reason);
    const answers: Answers = { ...outcome.answers, bwz: { ende: "2099-01-31" }, anschrift: { ...(outcome.answers.anschrift as StepValues), hausnummer: "99" } };
    const model = weiterbewilligung.toModel(viewOf(weiterbewilligung, answers), { receivedAt: new Date(), language: "de" }) as Weiterbewilligungsantrag;
    const status = Object.fromEntries((model.weiterbewilligung.abgleich ?? []).map((p) => [p.schluessel, p.status]));
    expect(status.anschrift).toBe("geaendert");
    expect(status.person).toBe("bestaetigt");
    expect(model.weiterbewilligung.vorantrag?.referenz).toBe(source.kopf.referenz);
    expect(model.weiterbewilligung.personenwechsel).toBeUndefined();
  });

  it("names who joined the household and who left it since the prefilled application", async () => {
    const outcome = await prefillFromSealedPdf(weiterbewilligung, jobcenter, pdf);
    if (!outcome.ok) throw new Error(outcome.reason);
    const [karim, lina, yusuf] = outcome.answers.haushalt as StepValues[];
    const noor = { vorname: "Noor", nachname: "Haddad", geburtsdatum: "2026-10-01", geschlecht: "weiblich", beziehung: "kind" };
    const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const answers: Answers = { ...outcome.answers, bwz: { ende: soon }, haushalt: [karim, yusuf, noor] };
    const model = weiterbewilligung.toModel(viewOf(weiterbewilligung, answers), { receivedAt: new Date(), language: "de" }) as Weiterbewilligungsantrag;
    expect(model.weiterbewilligung.personenwechsel).toEqual({
      neu: [{ vorname: "Noor", nachname: "Haddad", geburtsdatum: "2026-10-01" }],
      nichtMehrImHaushalt: [{ vorname: lina.vorname, nachname: lina.nachname, geburtsdatum: lina.geburtsdatum }],
    });
    // Identity documents only for the new person (and her birth certificate).
    const keys = weiterbewilligung.nachweise(viewOf(weiterbewilligung, answers)).filter((n) => ["ausweis", "geburtsurkunde"].includes(n.key));
    expect(keys.map((n) => n.person)).toEqual(["Noor Haddad"]);
  });

  it("refuses a changed file, another jobcenter's seal, a PDF that is not ours and a document it cannot use", async () => {
    const tampered = Buffer.from(pdf);
    // A byte of the document's text (outside the signature), as an editor would change it.
    const at = tampered.indexOf("/Producer");
    expect(at).toBeGreaterThan(0);
    tampered[at] = "X".charCodeAt(0);
    expect(await prefillFromSealedPdf(weiterbewilligung, jobcenter, tampered)).toEqual({ ok: false, reason: "invalid" });

    const foreign = foreignSeal();
    const xml = sealXml(renderXml(source), foreign);
    const foreignPdf = await sealPdf(await buildCaseworkerPdf(source, xml), foreign, { reason: "x", location: "y", signingTime: new Date() });
    expect(await prefillFromSealedPdf(weiterbewilligung, jobcenter, foreignPdf)).toEqual({ ok: false, reason: "foreign" });

    const other = getJobcenter("demo-beispielstadt") ?? getJobcenter("demo-nordkreis");
    if (other) expect(await prefillFromSealedPdf(weiterbewilligung, other, pdf)).toMatchObject({ ok: false, reason: "foreign" });

    const plain = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect(await prefillFromSealedPdf(weiterbewilligung, jobcenter, plain)).toEqual({ ok: false, reason: "notOurs" });
    expect(await prefillFromSealedPdf(weiterbewilligung, jobcenter, Buffer.from("GIF89a"))).toEqual({ ok: false, reason: "notOurs" });

    const vaem = personaDocuments()[0].document;
    const vaemPdf = (await produceDocuments(vaem, getJobcenter(vaem.kopf.jobcenter.id)!)).pdf;
    expect(await prefillFromSealedPdf(weiterbewilligung, getJobcenter(vaem.kopf.jobcenter.id)!, vaemPdf)).toEqual({ ok: false, reason: "wrongKind" });
  }, 60_000);

  it("offers prefill only where a flow declares it", () => {
    expect(flowIds().filter((id) => getFlow(id)!.prefillFrom)).toEqual(["weiterbewilligung"]);
    expect(answerView({}).answered("x")).toBe(false);
  });
});
