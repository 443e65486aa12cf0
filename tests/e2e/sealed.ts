/**
 * Checks a downloaded sealed PDF with the independent tools a jobcenter would use: pdfsig for
 * the PAdES seal, pdfdetach for the attached XML, xmllint for the schema, xmlsec1 for the XML
 * seal chained to the server's test CA.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Verifies the sealed PDF and returns the XML it carries. */
export function verifySealedPdf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "e2e-sealed-"));
  const file = join(dir, "antrag.pdf");
  writeFileSync(file, pdf);
  const sig = run("pdfsig", [file]).output;
  expect(sig).toContain("Signature is Valid.");
  expect(sig).toContain("ETSI.CAdES.detached");
  expect(run("pdfdetach", ["-saveall", "-o", dir, file]).status).toBe(0);
  const xml = join(dir, "antrag.xml");
  const lint = run("xmllint", ["--noout", "--schema", "public/schemas/antrag-1.0.xsd", xml]);
  expect(lint.status, lint.output).toBe(0);
  const ca = join(process.env.E2E_DATA_DIR!, "seals", "test-ca.cert.pem");
  const sec = run("xmlsec1", ["--verify", "--trusted-pem", ca, xml]);
  expect(sec.status, sec.output).toBe(0);
  return readFileSync(xml, "utf8");
}
