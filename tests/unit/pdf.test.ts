/**
 * The caseworker PDF and the receipt, checked the way an archive would: qpdf for syntax,
 * poppler for fonts, attachment, info and text. PNG previews go to .test-output/pdf-preview/
 * for a human look (Arabic right-to-left, no boxes, no overlaps, footer).
 */
import { LEISTUNG_OF } from "~/flows/but/eligibility";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SubmissionDocument } from "~/submission/document";
import type { DocumentOf } from "../fixtures/documents";
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
type VmDocument = DocumentOf<Veraenderungsmitteilung>;
import { buildCaseworkerPdf, renderCaseworkerPdf, XML_ATTACHMENT } from "~/submission/pdf/caseworker.server";
import { formatAmount } from "~/submission/pdf/format.server";
import { codeLabel, valueType } from "~/submission/values.server";
import { elementName } from "~/submission/xml/paths.server";
import { schemaOrder } from "~/submission/xml/schema.server";
import { renderReceiptPdf } from "~/submission/pdf/receipt.server";
import { layoutText } from "~/submission/pdf/text.server";
import { renderXml } from "~/submission/xml/render.server";
import { erstantragDocuments, personaDocuments, weiterbewilligungDocuments, butDocuments } from "../fixtures/documents";
import { erstantrag } from "~/flows/erstantrag/flow";

const MIXED_REMARK = "الإيجار الجديد 520 € ab 01.12.2026\nНова адреса з грудня\nGrößere Wohnung nötig";
const PREVIEW_DIR = ".test-output/pdf-preview";
const work = mkdtempSync(join(tmpdir(), "pdf-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const de = JSON.parse(readFileSync("locales/de/veraenderung.json", "utf8"));
const dokument = JSON.parse(readFileSync("locales/de/dokument.json", "utf8"));
const MODEL_FILES = ["veraenderungsmitteilung", "erstantrag", "kurzantrag", "weiterbewilligungsantrag", "but", "common"].map((m) => `app/model/${m}.ts`);

function run(cmd: string, ...args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: "utf8" });
  if (result.error) throw result.error;
  return `${result.stdout}${result.stderr}`;
}

/** Writes the PDF for the command-line tools and a PNG preview per page (best effort). */
function save(name: string, bytes: Uint8Array): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  mkdirSync(PREVIEW_DIR, { recursive: true });
  run("pdftoppm", "-r", "60", "-png", file, join(PREVIEW_DIR, name));
  return file;
}

/** pdffonts rows as { name, embedded }; columns are read from the right ("CID TrueType" has a space). */
function fonts(file: string): { name: string; embedded: boolean }[] {
  return run("pdffonts", file).split("\n").slice(2).filter((l) => l.trim()).map((line) => {
    const cols = line.trim().split(/\s+/);
    return { name: cols[0], embedded: cols[cols.length - 5] === "yes" };
  });
}

const text = (file: string) => run("pdftotext", "-layout", file, "-").replace(/\u00A0/g, " ");

/** A sealed-looking XML with non-ASCII text, so the byte comparison means something. */
const sealedXml = (d: VmDocument) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<antrag xmlns="urn:de:antragsportal:antrag:1.0" referenz="${d.kopf.referenz}">`
  + `<mitteilendePerson><nachname>${d.fachdaten.mitteilendePerson.nachname}</nachname></mitteilendePerson>`
  + `<anmerkungen>الإيجار – Größe</anmerkungen><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></antrag>\n`;

/** The personas; the first gets a remark in three scripts and an attachment. */
function documents() {
  return personaDocuments().map(({ name, document }, i) => {
    if (i === 0) {
      document.fachdaten.anmerkungen = MIXED_REMARK;
      document.anlagen = [{ dateiname: "Mietvertrag Lindenweg 4a.pdf", mimeType: "application/pdf", groesse: 284_211, sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }];
    }
    return { name, document };
  });
}

const amountsOf = (d: VmDocument) =>
  d.fachdaten.aenderungen.flatMap((c) => Object.entries(c)
    .filter(([k, v]) => v !== undefined && /miete|kosten|betrag|brutto|netto|wert/i.test(k))
    .map(([, v]) => formatAmount(String(v))));

describe("caseworker PDF", () => {
  it.each(documents())("$name: valid, fonts embedded, XML attached, German text", async ({ name, document }) => {
    const xml = sealedXml(document);
    const file = save(`caseworker-${name}`, await renderCaseworkerPdf(document, xml));

    expect(run("qpdf", "--check", file)).toContain("No syntax or stream encoding errors found");

    const used = fonts(file);
    expect(used.every((f) => f.embedded), JSON.stringify(used)).toBe(true);
    expect(used.some((f) => /\+NotoSans-/.test(f.name))).toBe(true);
    if (document.fachdaten.anmerkungen === MIXED_REMARK) expect(used.some((f) => f.name.includes("NotoSansArabic"))).toBe(true);

    expect(run("pdfdetach", "-list", file)).toContain(XML_ATTACHMENT);
    const out = join(work, `${name}.xml`);
    run("pdfdetach", "-save", "1", "-o", out, file);
    expect(Buffer.compare(readFileSync(out), Buffer.from(xml, "utf8"))).toBe(0);

    const info = run("pdfinfo", file);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(new RegExp(`Title:\\s+Veränderungsmitteilung ${document.kopf.referenz}`));

    const content = text(file);
    expect(content).toContain(document.kopf.referenz);
    expect(content).toContain("Seite 1 von");
    // Tagged (#17, shared with the receipt): headings and label/value tables in the structure.
    expect(run("pdfinfo", file)).toMatch(/Tagged:\s+yes/);
    expect(run("pdfinfo", "-struct", file)).toMatch(/^\s*H1[\s\S]*^\s*H2[\s\S]*^\s*Table/m);
    for (const change of document.fachdaten.aenderungen) expect(content).toContain(de.aenderungsarten[change.art]);
    for (const amount of amountsOf(document)) expect(content).toContain(amount.replace(/\u00A0/g, " "));
    // A long Nachweis name wraps onto a second line: compared with the line breaks as spaces.
    const flowing = content.replace(/\s+/g, " ");
    for (const n of document.nachweise) expect(flowing).toContain(n.bezeichnung);

    // PDF/A pieces (the metadata stream is unfiltered, so it can be read from the bytes).
    const raw = readFileSync(file, "latin1");
    expect(raw).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/AFRelationship \/Source/);
    expect(raw).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
    expect(raw).toMatch(/\/Lang \(de-DE\)/);
  });

  it.each(erstantragDocuments())("Erstantrag $name: every person, form and amount, code values as German labels", async ({ name, document }) => {
    const file = save(`erstantrag-${name}`, await renderCaseworkerPdf(document, renderXml(document)));
    expect(run("qpdf", "--check", file)).toContain("No syntax or stream encoding errors found");
    expect(fonts(file).every((f) => f.embedded)).toBe(true);
    const content = text(file).replace(/\s+/g, " ");
    const e = document.fachdaten;
    expect(content).toContain(e.leistung);
    for (const m of e.mitglieder) expect(content).toContain(`${m.vorname} ${m.nachname}`);
    for (const f of e.formulare) expect(content).toContain(dokument.formulare[f.kuerzel]);
    if (e.unterkunft) for (const amount of [e.unterkunft.grundmiete, e.unterkunft.nebenkosten, e.unterkunft.heizkosten]) if (amount) expect(content).toContain(formatAmount(amount).replace(/\u00A0/g, " "));
    for (const p of e.vermoegen.vermoegensposten) expect(content).toContain(formatAmount(p.wert).replace(/\u00A0/g, " "));
    // A long Nachweis name wraps onto a second line: compared with the line breaks as spaces.
    const flowing = content.replace(/\s+/g, " ");
    for (const n of document.nachweise) expect(flowing).toContain(n.bezeichnung);
    // No raw codes: a code value prints as its label (e.g. "Gesetzlich pflichtversichert", not "pflicht").
    expect(content).not.toMatch(/\b(pflicht|ehepartner|antragsteller|maennlich|zentral|miete|keineAngabe)\b/);
  });

  it("prints the example amounts and the attachment list", async () => {
    const [{ document }] = documents();
    const content = text(save("caseworker-anlagen", await renderCaseworkerPdf(document, sealedXml(document))));
    expect(content).toContain("520,00 €");
    expect(content).toContain("Mietvertrag Lindenweg 4a.pdf");
    expect(content).toContain("277,5 KB");
    expect(content).toContain(document.anlagen[0].sha256);
  });

  it("prints every code value of every persona of every flow with its German label, never the raw code", () => {
    // One typed value system (values.server.ts): an element typed Code… prints as the label of
    // the option the applicant chose, found through the binding that wrote it.
    // Codes the outline prints with texts of its own: the forms, household roles, the regime, the benefit's name.
    const OWN_TEXTS = new Set(["Formular/Kuerzel", "Mitglied/Formular", "Mitglied/Zugehoerigkeit", "Vermoegen/Regime", "Erstantrag/Leistung", "Weiterbewilligungsantrag/Leistung", "Kurzantrag/Leistung"]);
    const missing: string[] = [];
    const check = (parent: string, element: string, value: unknown) => {
      // A list of codes (checkboxes): its items' type.
      const type = valueType(parent, element) ?? valueType(element, schemaOrder().items.get(element) ?? "");
      if (OWN_TEXTS.has(`${parent}/${element}`) || !type?.startsWith("Code")) return;
      if (codeLabel(parent, element, String(value)) === undefined) missing.push(`${parent}/${element}=${String(value)}`);
    };
    const walk = (value: unknown, element: string, parent: string) => {
      if (Array.isArray(value)) {
        const item = schemaOrder().items.get(element);
        for (const v of value) {
          if (v && typeof v === "object") walk(v, "art" in v && !item ? String((v as { art: string }).art) : item ?? element, element);
          else check(parent, element, v);
        }
      } else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) if (k !== "art") walk(v, elementName(k), element);
      } else {
        check(parent, element, value);
      }
    };
    const all = [...documents(), ...erstantragDocuments(), ...weiterbewilligungDocuments(), ...butDocuments()];
    for (const { document } of all) {
      const { nachweise: _n, ...model } = document.fachdaten as unknown as Record<string, unknown>;
      walk(model, String(model.art), "Fachdaten");
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it("has a German label for every field name of the model", () => {
    const source = MODEL_FILES
      .map((f) => readFileSync(f, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))
      .join("\n");
    const names = new Set([...source.matchAll(/\b(\w+)\??: /g)].map((m) => m[1]));
    for (const name of ["art", "schluessel", "anlass"]) names.delete(name); // type tag; Nachweis keys print via bezeichnung
    const missing = [...names].filter((n) => !dokument.felder[n] && !dokument.abschnitte[n]);
    expect(missing).toEqual([]);
  });

  it("uses every key of the German-only dokument namespace", () => {
    // i18n.test.ts cannot see these keys (they are looked up with computed names), so this
    // test owns the namespace: fixed texts appear literally in the PDF code, felder are model
    // fields, sprachen are the portal's language codes, verfahren are flows.
    const code = [
      ...["caseworker", "labels", "receipt"].map((f) => `app/submission/pdf/${f}.server.ts`),
      ...readdirSync("app/flows").map((f) => `app/flows/${f}/document.server.ts`).filter((f) => existsSync(f)),
      "app/blocks/outline.server.ts", "app/submission/values.server.ts", "app/flows/but/school-form.server.ts",
    ].map((f) => readFileSync(f, "utf8")).join("\n");
    // The school's form (but/school-form.server.ts) names its texts s("<key>") under schulbestaetigung.
    const schoolForm = [...readFileSync("app/flows/but/school-form.server.ts", "utf8").matchAll(/\bs\("(\w+)"/g)].map((m) => m[1]);
    // Keys built from codelists: each form, household role and Vermögen regime the schema knows.
    const xsd = readFileSync("public/schemas/antrag-1.0.xsd", "utf8");
    const codelist = (name: string) => {
      const start = xsd.indexOf(`name="${name}"`);
      return [...xsd.slice(start, xsd.indexOf("</xs:simpleType>", start)).matchAll(/value="([^"]+)"/g)].map((m) => m[1]);
    };
    const computed: Record<string, string[]> = {
      formulare: codelist("CodeAnlage"), zugehoerigkeit: codelist("CodeZugehoerigkeit"), vermoegen: codelist("CodeVermoegensregime"),
      einkommensarten: ["Erwerbseinkommen", "Leistungseinkommen", "WeiteresEinkommen"], gesondert: codelist("CodeGesonderterAntrag"),
      betrifft: codelist("CodeBetrifftPerson"),
    };
    const flat = (tree: object, prefix = ""): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : flat(v, `${prefix}${k}.`)));
    const model = MODEL_FILES.map((f) => readFileSync(f, "utf8")).join("\n");
    const unused = flat(dokument).filter((key) => {
      const [group, name] = key.split(".");
      if (group === "felder") return !new RegExp(`\\b${name}\\??: `).test(model);
      if (group === "sprachen") return !["de", "en", "ar", "uk", "ru", "tr", "fa", "prs", "ps", "ti", "so", "ku"].includes(name);
      if (group === "verfahren") return !existsSync(`app/flows/${name}`);
      if (computed[group]?.includes(name)) return !code.includes(`\`${group}.\${`);
      if (group === "schulbestaetigung") return !schoolForm.includes(name);
      // A BuT Leistung's heading, by its `art` (but/document.server.ts).
      if (key.startsWith("but.leistungen.")) return !Object.values(LEISTUNG_OF).includes(key.split(".")[2]) || !code.includes("`but.leistungen.${");
      // codes.<field>.<value>: labels of values that have no option in a flow (dokumentLabelOr).
      if (group === "codes") return !code.includes("`codes.${");
      return !code.includes(`"${key}"`);
    });
    expect(unused).toEqual([]);
  });

  it("puts mixed Arabic, digits and Latin into visual order", () => {
    const [line] = layoutText("الإيجار الجديد 520 € ab 01.12.2026", { size: 10 }, 400);
    expect(line.rtl).toBe(true);
    expect(line.pieces.map((p) => p.text).filter((t) => t.trim())).toEqual(["ab", "01.12.2026", "€", "520", "الجديد", "الإيجار"]);
  });
});

describe("receipt PDF", () => {
  const [{ document }] = documents();
  const hash = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

  // The receipt's title in the applicant's language (before any German word in brackets).
  const title = (lng: string) => String(JSON.parse(readFileSync(`locales/${lng}/common.json`, "utf8")).receiptPdf.title).split(" (")[0];
  it.each([
    { language: "ar", own: title("ar"), arabic: true },
    { language: "ps", own: title("ps"), arabic: true },
    { language: "uk", own: title("uk"), arabic: false },
    { language: "ti", own: title("ti"), arabic: false },
  ])("$language: own language then German, reference and hash", async ({ language, own, arabic }) => {
    const file = save(`receipt-${language}`, await renderReceiptPdf(document, { language, documentSha256: hash }));
    expect(run("qpdf", "--check", file)).toContain("No syntax or stream encoding errors found");
    const used = fonts(file);
    expect(used.every((f) => f.embedded)).toBe(true);
    expect(used.some((f) => f.name.includes("NotoSansArabic"))).toBe(arabic);
    const content = text(file);
    expect(content).toContain(document.kopf.referenz);
    expect(content).toContain(hash);
    expect(content).toContain("Eingangsbestätigung");
    if (!arabic) expect(content).toContain(own);
    expect(content).toContain("Umzug");
    expect(run("pdfdetach", "-list", file)).toContain("0 embedded files");
    expect(readFileSync(file, "latin1")).toContain("<pdfaid:part>3</pdfaid:part>");
  });

  // #17: a tagged PDF — the structure (title, paragraphs, the label/value table, each part in
  // its language) as poppler reads it, in reading order; headers, footers and rules are artifacts.
  it.each(["uk", "ti", "ps"])("%s: tagged, each part in its language, in reading order", async (language) => {
    const file = save(`receipt-tagged-${language}`, await renderReceiptPdf(document, { language, documentSha256: hash }));
    expect(run("pdfinfo", file)).toMatch(/Tagged:\s+yes/);
    const structure = run("pdfinfo", "-struct-text", file);
    expect(structure.match(/^ {2}Part$/gm)).toHaveLength(2);
    // Each part's language (poppler does not print /Lang; the PDF is written without object streams).
    const raw = readFileSync(file, "latin1");
    expect(raw).toMatch(new RegExp(`/S /Part[^>]*/Lang \\(${language}\\)`));
    expect(raw).toMatch(/\/S \/Part[^>]*\/Lang \(de\)/);
    for (const tag of ["H1", "P", "Table", "TR", "TH", "TD"]) expect(structure, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, "m"));
    expect(structure).toContain(document.kopf.referenz);
    expect(structure).toContain("Eingangsbestätigung");
    // The German part comes after the applicant's language, and the page footer is not in the structure.
    expect(structure.indexOf('"Eingangsbestätigung"')).toBeGreaterThan(structure.indexOf(document.kopf.referenz));
    expect(structure).not.toMatch(/Seite 1 von/);
  });
});
