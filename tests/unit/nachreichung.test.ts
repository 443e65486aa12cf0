/**
 * The sealed Nachreichung (addendum): schema-valid against antrag-1.0.xsd (xmllint, like the
 * submission documents), sealed with XMLDSig like the main XML and verified by xmlsec1 against
 * the test CA; a changed hash breaks the seal. Also: the Anlagen of the submission's XML carry
 * the Nachweis key.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sealFor } from "~/submission/seal/certificates.server";
import { sealXml, verifyXmlSeal } from "~/submission/seal/xml-seal.server";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { jobcenterListSchema } from "~/tenants/jobcenter";
import { anlagenOf, renderNachreichungXml } from "~/uploads/nachreichung.server";
import { personaDocuments } from "../fixtures/documents";

const dir = mkdtempSync(join(tmpdir(), "portal-nachreichung-"));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" });
const jobcenter = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")))[0];
const hash = (c: string) => c.repeat(64);
const uploads = [
  { id: "1", nachweis: "mietvertrag", originalName: "Mietvertrag & Anlage <1>.jpg", fileName: "Mietvertrag & Anlage <1>.pdf", size: 1234, sha256: hash("a"), createdAt: "", nachreichungId: null },
  { id: "2", nachweis: "sonstiges", originalName: "عقد.pdf", fileName: "عقد.pdf", size: 99, sha256: hash("b"), createdAt: "", nachreichungId: null },
];
const input = {
  bezug: "ABCD2345", nummer: 1, eingang: "2026-11-22T10:15:00.000Z", verfahren: "veraenderung",
  jobcenter: { id: jobcenter.id, name: jobcenter.name, anschrift: jobcenter.anschrift }, anlagen: anlagenOf(uploads),
};

describe("Nachreichung XML", () => {
  it("is schema-valid (libxml2 in the app, xmllint independently)", () => {
    const xml = renderNachreichungXml(input);
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    writeFileSync(join(dir, "plain.xml"), xml);
    const lint = run("xmllint", ["--noout", "--schema", "public/schemas/antrag-1.0.xsd", join(dir, "plain.xml")]);
    expect(lint.stderr).toContain("validates");
    expect(lint.status).toBe(0);
    expect(xml).toContain("<Dateiname>01-Mietvertrag &amp; Anlage &lt;1&gt;.pdf</Dateiname>");
    expect(xml).toContain(`<SHA256>${hash("b")}</SHA256><NachweisSchluessel>sonstiges</NachweisSchluessel>`);
  });

  it("is refused by the schema when the Bezug is not a reference or no Anlage is listed", () => {
    expect(validateXml(renderNachreichungXml({ ...input, bezug: "abc" })).valid).toBe(false);
    expect(validateXml(renderNachreichungXml({ ...input, anlagen: [] })).valid).toBe(false);
  });

  it("is sealed like the submission's XML: xmlsec1 verifies it against the test CA, and tampering breaks it", () => {
    const seal = sealFor(jobcenter);
    const sealed = sealXml(renderNachreichungXml(input), seal);
    expect(verifyXmlSeal(sealed)).toEqual({ valid: true });
    expect(validateXml(sealed).valid).toBe(true);
    writeFileSync(join(dir, "ca.pem"), seal.chainPem);
    writeFileSync(join(dir, "sealed.xml"), sealed);
    const lint = run("xmllint", ["--noout", "--schema", "public/schemas/antrag-1.0.xsd", join(dir, "sealed.xml")]);
    expect(lint.status, lint.stderr).toBe(0);
    const sec = run("xmlsec1", ["--verify", "--trusted-pem", join(dir, "ca.pem"), join(dir, "sealed.xml")]);
    expect(sec.status, sec.stderr).toBe(0);
    expect(sec.stderr).toContain("OK");
    writeFileSync(join(dir, "tampered.xml"), sealed.replace(hash("a"), hash("c")));
    expect(run("xmlsec1", ["--verify", "--trusted-pem", join(dir, "ca.pem"), join(dir, "tampered.xml")]).status).not.toBe(0);
    expect(verifyXmlSeal(sealed.replace(hash("a"), hash("c"))).valid).toBe(false);
  });

  it("the submission's own XML lists uploaded Anlagen with hash and Nachweis key, schema-valid", () => {
    const [{ document }] = personaDocuments();
    const xml = renderXml({ ...document, anlagen: anlagenOf(uploads) });
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain(`<Anlage><Dateiname>02-عقد.pdf</Dateiname><MimeType>application/pdf</MimeType><Groesse>99</Groesse><SHA256>${hash("b")}</SHA256><NachweisSchluessel>sonstiges</NachweisSchluessel></Anlage>`);
  });
});
