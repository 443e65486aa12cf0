/**
 * `npm run sample` for every Veränderungsmitteilung persona, checked only with independent
 * tools: xmllint (schema), xmlsec1 (XML seal, chained to the test CA), pdfsig with an NSS
 * store that trusts the test CA (PDF seal), pdfdetach (embedded XML), qpdf and pdffonts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const out = mkdtempSync(join(tmpdir(), "portal-sample-"));
const nss = mkdtempSync(join(tmpdir(), "portal-nss-"));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" });

beforeAll(() => {
  execFileSync("npx", ["tsx", "scripts/sample.ts", "--flow", "veraenderung", "--out", out], {
    env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), "portal-sample-data-")) }, stdio: "pipe",
  });
  execFileSync("certutil", ["-N", "-d", `sql:${nss}`, "--empty-password"]);
  execFileSync("certutil", ["-A", "-d", `sql:${nss}`, "-n", "Antragsportal Test-CA", "-t", "CT,C,C", "-i", join(out, "test-ca.cert.pem")]);
}, 120_000);

const personas = () => readdirSync(out).filter((f) => !f.endsWith(".pem"));

describe("sealed documents of every persona", () => {
  it("exist for all six personas", () => {
    expect(personas()).toHaveLength(6);
  });

  it("XML: schema-valid (xmllint) and sealed (xmlsec1, trusted through the test CA)", () => {
    for (const p of personas()) {
      const xml = join(out, p, "antrag.xml");
      const lint = run("xmllint", ["--noout", "--schema", "public/schemas/antrag-1.0.xsd", xml]);
      expect(lint.status, `${p}: ${lint.stderr}`).toBe(0);
      const sec = run("xmlsec1", ["--verify", "--trusted-pem", join(out, "test-ca.cert.pem"), xml]);
      expect(sec.status, `${p}: ${sec.stderr}`).toBe(0);
      expect(sec.stderr + sec.stdout).toContain("OK");
    }
  });

  it("PDF: PAdES seal valid and trusted (pdfsig), clean (qpdf), fonts embedded (pdffonts), XML attached unchanged (pdfdetach)", () => {
    for (const p of personas()) {
      const pdf = join(out, p, "antrag.pdf");
      const sig = run("pdfsig", ["-nssdir", `sql:${nss}`, pdf]).stdout;
      expect(sig, p).toContain("Signature Validation: Signature is Valid.");
      expect(sig, p).toContain("Certificate Validation: Certificate is Trusted.");
      expect(sig, p).toContain("ETSI.CAdES.detached");
      const qpdf = run("qpdf", ["--check", pdf]);
      expect(qpdf.stdout + qpdf.stderr, p).toContain("No syntax or stream encoding errors found");
      const fonts = run("pdffonts", [pdf]).stdout.split("\n").slice(2).filter(Boolean);
      expect(fonts.length, p).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5), `${p}: ${line}`).toBe("yes");
      const dir = mkdtempSync(join(tmpdir(), "detach-"));
      execFileSync("pdfdetach", ["-saveall", "-o", dir, pdf]);
      expect(readFileSync(join(dir, "antrag.xml")).equals(readFileSync(join(out, p, "antrag.xml"))), p).toBe(true);
    }
  });

  it("npm run verify accepts them", () => {
    const p = personas()[0];
    const result = run("npx", ["tsx", "scripts/verify.ts", join(out, p, "antrag.pdf"), join(out, p, "antrag.xml")]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toContain("FAIL");
  });

  it("detects a one-byte change in either document", () => {
    const p = "umzug-familie"; // has a Grundmiete to change
    const xml = readFileSync(join(out, p, "antrag.xml"), "utf8");
    const tamperedXml = join(out, "tampered.xml");
    const changed = xml.replace(/<Grundmiete>(\d)/, (_, d: string) => `<Grundmiete>${(Number(d) + 1) % 10}`);
    expect(changed).not.toBe(xml);
    writeFileSync(tamperedXml, changed);
    expect(run("xmlsec1", ["--verify", "--trusted-pem", join(out, "test-ca.cert.pem"), tamperedXml]).status).not.toBe(0);

    const pdf = Buffer.from(readFileSync(join(out, p, "antrag.pdf")));
    const at = pdf.indexOf("/Producer");
    pdf[at + 2] = pdf[at + 2] === 0x72 ? 0x52 : 0x72; // "/Producer" → "/PRoducer": inside the signed byte range
    const tamperedPdf = join(out, "tampered.pdf");
    writeFileSync(tamperedPdf, pdf);
    const sig = run("pdfsig", ["-nssdir", `sql:${nss}`, tamperedPdf]).stdout;
    expect(sig).not.toContain("Signature is Valid.");
    expect(run("npx", ["tsx", "scripts/verify.ts", tamperedPdf, tamperedXml]).status).toBe(1);
  });
});
