/**
 * The XML part of sealed submissions: rendering after antrag-1.0.xsd, XSD validation with libxml2-wasm
 * (cross-checked with the xmllint CLI) and the XMLDSig seal (cross-checked with xmlsec1).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealXml, verifyXmlSeal, type XmlSealKey } from "~/submission/seal/xml-seal.server";
import type { SubmissionDocument } from "~/submission/document";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { personaDocuments } from "../fixtures/documents";

const XSD_FILE = "public/schemas/antrag-1.0.xsd";
const personas = personaDocuments();
const byName = (name: string) => structuredClone(personas.find((p) => p.name === name)!.document);

let dir: string;
let key: SealKeyFiles;
let otherCertificatePem: string;

/** Runs a CLI tool; its verdict is the exit code plus what it printed (xmlsec1 writes to stderr). */
function run(command: string, args: string[], cwd?: string) {
  const result = spawnSync(command, args, { encoding: "utf8", cwd });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function writeTemp(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, "utf8");
  return file;
}

const xmllint = (file: string) => run("xmllint", ["--noout", "--schema", XSD_FILE, file]);
const xmlsecVerify = (file: string) => run("xmlsec1", ["--verify", "--pubkey-cert-pem", key.certFile, file]);

type SealKeyFiles = XmlSealKey & { certFile: string };

/** Throw-away RSA key and self-signed certificate (k.pem, c.pem) in its own directory. */
function makeSealKey(name: string): SealKeyFiles {
  const where = mkdtempSync(join(dir, `${name}-`));
  const made = run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "2", "-subj", "/CN=Test Siegel"], where);
  if (made.status !== 0) throw new Error(made.output);
  return { privateKeyPem: readFileSync(join(where, "k.pem"), "utf8"), certificatePem: readFileSync(join(where, "c.pem"), "utf8"), certFile: join(where, "c.pem") };
}

/** Names of the schema's elements of a given simple type, so the checks follow the XSD. */
function elementsOfType(type: string): string[] {
  const xsd = readFileSync(XSD_FILE, "utf8");
  return [...new Set([...xsd.matchAll(new RegExp(`name="(\\w+)" type="${type}"`, "g"))].map((m) => m[1]))];
}

function valuesOf(xml: string, elements: string[]): string[] {
  return elements.flatMap((name) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1]));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xml-test-"));
  key = makeSealKey("siegel");
  otherCertificatePem = makeSealKey("fremd").certificatePem;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renderXml + validateXml", () => {
  it.each(personas)("$name: valid for libxml2 (WebAssembly) and for the xmllint CLI", ({ name, document }) => {
    const xml = renderXml(document);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(validateXml(xml)).toEqual({ valid: true, errors: [] });
    const cli = xmllint(writeTemp(`${name}.xml`, xml));
    expect(cli.output).toContain("validates");
    expect(cli.status).toBe(0);
  });

  it("writes amounts as decimal strings and dates as YYYY-MM-DD", () => {
    const amounts = elementsOfType("Betrag");
    const dates = elementsOfType("Datum");
    expect(amounts).toContain("Gesamtmiete");
    expect(dates).toContain("Geburtsdatum");
    for (const { document } of personas) {
      const xml = renderXml(document);
      const amountValues = valuesOf(xml, amounts);
      const dateValues = valuesOf(xml, dates);
      expect(dateValues.length).toBeGreaterThan(0);
      for (const value of amountValues) expect(value).toMatch(/^\d+\.\d{2}$/);
      for (const value of dateValues) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const umzug = renderXml(byName("umzug-familie"));
    expect(umzug).toContain("<Grundmiete>520.00</Grundmiete>");
    expect(umzug).toContain("<Nebenkosten>110.40</Nebenkosten>");
    expect(umzug).toContain("<Geburtsdatum>1988-04-12</Geburtsdatum>");
  });

  it("names each change by its art, in model order, and leaves out what was not given", () => {
    const doc = byName("familie-abrechnung");
    const xml = renderXml(doc);
    const aenderungen = new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName("Aenderungen")[0];
    const names = Array.from(aenderungen.childNodes).map((node) => node.nodeName);
    expect(names).toEqual(doc.fachdaten.aenderungen.map((a) => a.art));
    expect(xml).toContain("<Tod><Person><Vorname>Samir</Vorname><Nachname>Al-Hassan</Nachname></Person>");
    expect(xml).not.toContain("<Anmerkungen>");
    expect(xml).not.toContain("<Telefon>");
    // Only the (required) list containers may be empty.
    expect([...xml.matchAll(/<(\w+)><\/\1>/g)].map((m) => m[1])).toEqual(["Anlagen"]);
  });

  it("renders Anlagen with their hash", () => {
    const doc = byName("vermoegen-konto");
    doc.anlagen = [{ dateiname: "testament.pdf", mimeType: "application/pdf", groesse: 48213, sha256: "ab".repeat(32) }];
    const xml = renderXml(doc);
    expect(xml).toContain(`<Anlage><Dateiname>testament.pdf</Dateiname><MimeType>application/pdf</MimeType><Groesse>48213</Groesse><SHA256>${"ab".repeat(32)}</SHA256></Anlage>`);
    expect(validateXml(xml).valid).toBe(true);
  });

  it("rejects a code value outside the codelist, naming it", () => {
    const doc = byName("arbeit-einkommen");
    const change = doc.fachdaten.aenderungen.find((a) => a.art === "Arbeitsaufnahme")!;
    if (change.art !== "Arbeitsaufnahme") throw new Error("persona changed");
    change.beschaeftigungsart = "vollzeit";
    const result = validateXml(renderXml(doc));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Beschaeftigungsart.*'vollzeit'.*not an element of the set/);
  });

  it("reports XML that is not well-formed instead of throwing", () => {
    const result = validateXml("<Antrag>");
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/not well-formed/);
  });
});

describe("sealXml + verifyXmlSeal", () => {
  const sealedPersona = (name: string, change?: (doc: SubmissionDocument) => void) => {
    const doc = byName(name);
    change?.(doc);
    return sealXml(renderXml(doc), key);
  };

  it.each(personas)("$name: sealed XML stays XSD-valid and verifies with xmlsec1 and verifyXmlSeal", ({ name }) => {
    const sealed = sealedPersona(name);
    expect(sealed).toMatch(/<Signature xmlns="http:\/\/www.w3.org\/2000\/09\/xmldsig#">.*<Reference URI="">.*<X509Certificate>.*<\/Signature><\/Antrag>$/s);
    expect(validateXml(sealed)).toEqual({ valid: true, errors: [] });
    const file = writeTemp(`${name}.sealed.xml`, sealed);
    expect(xmllint(file).status).toBe(0);
    const xmlsec = xmlsecVerify(file);
    expect(xmlsec.output).toContain("OK");
    expect(xmlsec.status).toBe(0);
    expect(verifyXmlSeal(sealed)).toEqual({ valid: true });
    expect(verifyXmlSeal(sealed, key.certificatePem)).toEqual({ valid: true });
  });

  it("a single changed digit of an amount breaks the seal for xmlsec1 and verifyXmlSeal", () => {
    const sealed = sealedPersona("umzug-familie");
    const tampered = sealed.replace("<Grundmiete>520.00<", "<Grundmiete>520.08<");
    expect(tampered).not.toBe(sealed);
    const xmlsec = xmlsecVerify(writeTemp("tampered.xml", tampered));
    expect(xmlsec.status).not.toBe(0);
    expect(xmlsec.output).toContain("FAIL");
    expect(verifyXmlSeal(tampered).valid).toBe(false);
    expect(verifyXmlSeal(tampered, key.certificatePem).valid).toBe(false);
  });

  it("does not verify against another certificate", () => {
    const check = verifyXmlSeal(sealedPersona("vermoegen-konto"), otherCertificatePem);
    expect(check.valid).toBe(false);
  });

  it("rejects a correct signature that covers only part of the document", () => {
    const signer = new SignedXml({
      privateKey: key.privateKeyPem,
      publicCert: key.certificatePem,
      signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
    });
    signer.addReference({
      xpath: "//*[local-name(.)='Kopf']",
      transforms: ["http://www.w3.org/2001/10/xml-exc-c14n#"],
      digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    });
    signer.computeSignature(renderXml(byName("umzug-familie")));
    const check = verifyXmlSeal(signer.getSignedXml(), key.certificatePem);
    expect(check.valid).toBe(false);
    expect(check.reason).toMatch(/whole document/);
  });

  it("keeps markup, control characters and CRLF in free text well-formed and verifiable", () => {
    const sealed = sealedPersona("arbeit-einkommen", (doc) => {
      doc.fachdaten.anmerkungen = "Miete <alt> & neu\r\nZeile 2\u0001 ✓ 😀";
    });
    expect(sealed).toContain("<Anmerkungen>Miete &lt;alt&gt; &amp; neu\nZeile 2\uFFFD ✓ 😀</Anmerkungen>");
    expect(validateXml(sealed).valid).toBe(true);
    expect(verifyXmlSeal(sealed).valid).toBe(true);
    expect(xmlsecVerify(writeTemp("text.sealed.xml", sealed)).status).toBe(0);
  });
});
