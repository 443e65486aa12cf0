/**
 * The server-side seal check of the caseworker view, all three outcomes for both seals:
 * intact documents of the jobcenter's seal → "gueltig"; one changed byte → "ungueltig"; sealed
 * with a foreign self-signed key → "nicht_vertrauenswuerdig".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkPdfSeal, checkXmlSeal, trustAnchorsFor } from "~/caseworker/seal-check.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { buildCaseworkerPdf } from "~/submission/pdf/caseworker.server";
import { produceDocuments } from "~/submission/pipeline.server";
import { sealPdf } from "~/submission/seal/pdf-seal.server";
import { sealXml } from "~/submission/seal/xml-seal.server";
import { renderXml } from "~/submission/xml/render.server";
import { personaDocuments } from "../fixtures/documents";
import { foreignSeal } from "../fixtures/seals";


describe("seal check (caseworker view)", () => {
  const jobcenter = getJobcenter("demo-musterstadt")!;
  const doc = personaDocuments()[0].document;
  let pdf: Buffer;
  let xml: string;
  beforeAll(async () => {
    const sealed = await produceDocuments(doc, jobcenter);
    pdf = Buffer.from(sealed.pdf);
    xml = sealed.xml.toString("utf8");
  });

  it("finds the jobcenter's own seals valid", () => {
    const anchors = trustAnchorsFor(jobcenter);
    expect(checkPdfSeal(pdf, anchors)).toMatchObject({ result: "gueltig" });
    expect(checkXmlSeal(xml, anchors)).toMatchObject({ result: "gueltig" });
  });

  it("finds one changed byte invalid", () => {
    const anchors = trustAnchorsFor(jobcenter);
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf("Musterstadt");
    expect(at).toBeGreaterThan(0);
    tampered[at] = "N".charCodeAt(0);
    expect(checkPdfSeal(tampered, anchors)).toMatchObject({ result: "ungueltig", reason: expect.stringMatching(/digest/) });
    expect(checkXmlSeal(xml.replace("Veraenderungsmitteilung", "Veraenderungsmitteilunx"), anchors).result).toBe("ungueltig");
    const appended = Buffer.concat([pdf, Buffer.from("\n% appended\n")]);
    expect(checkPdfSeal(appended, anchors)).toMatchObject({ result: "ungueltig" });
    expect(checkPdfSeal(Buffer.from("%PDF-1.7 no signature"), anchors).result).toBe("ungueltig");
  });

  it("finds documents sealed with a foreign self-signed key intact but untrusted", async () => {
    const anchors = trustAnchorsFor(jobcenter);
    const foreign = foreignSeal();
    const foreignXml = sealXml(renderXml(doc), foreign);
    expect(checkXmlSeal(foreignXml, anchors)).toMatchObject({ result: "nicht_vertrauenswuerdig" });
    const foreignPdf = await sealPdf(await buildCaseworkerPdf(doc, foreignXml), foreign, { reason: "Test", location: "Nirgendwo", signingTime: new Date() });
    expect(checkPdfSeal(Buffer.from(foreignPdf), anchors)).toMatchObject({ result: "nicht_vertrauenswuerdig" });
    // Both demo jobcenters share the generated test CA, so each trusts the other's seal; a real
    // deployment configures a CA (or at least its own seal certificate) per jobcenter.
    const other = trustAnchorsFor(getJobcenter("demo-beispielkreis")!);
    expect(checkPdfSeal(pdf, other).result).toBe("gueltig");
  });
});
