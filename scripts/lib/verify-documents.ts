/**
 * Checks a sealed document the way a jobcenter would. XML: schema and XMLDSig seal. PDF: the
 * PAdES seal (poppler's pdfsig), and the embedded XML (pdfdetach) with the same XML checks.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyXmlSeal } from "~/submission/seal/xml-seal.server";
import { validateXml } from "~/submission/xml/validate.server";

export type Report = (ok: boolean, what: string) => void;

function checkXml(xml: string, label: string, report: Report) {
  const schema = validateXml(xml);
  report(schema.valid, `${label}: XSD antrag-1.0${schema.valid ? "" : ` (${schema.errors.slice(0, 2).join("; ")})`}`);
  const seal = verifyXmlSeal(xml);
  report(seal.valid, `${label}: XMLDSig seal${seal.valid ? "" : ` (${seal.reason})`}`);
}

export function verifyDocument(file: string, report: Report): void {
  if (file.endsWith(".xml")) {
    checkXml(readFileSync(file, "utf8"), file, report);
    return;
  }
  const sig = (() => {
    try {
      return execFileSync("pdfsig", [file], { encoding: "utf8" });
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? "");
    }
  })();
  // pdfsig exits 0 even for an invalid signature: read what it says.
  report(/Signature Validation: Signature is Valid\./.test(sig), `${file}: PAdES seal (${/Signer Certificate Common Name: (.*)/.exec(sig)?.[1] ?? "no signature"})`);
  report(/ETSI\.CAdES\.detached/.test(sig), `${file}: signature type ETSI.CAdES.detached`);
  const dir = mkdtempSync(join(tmpdir(), "verify-"));
  try {
    execFileSync("pdfdetach", ["-saveall", "-o", dir, file]);
    checkXml(readFileSync(join(dir, "antrag.xml"), "utf8"), `${file} → antrag.xml`, report);
  } catch {
    report(false, `${file}: embedded antrag.xml`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A report that prints each check and remembers whether any failed. */
export function printingReport(): { report: Report; failed: () => boolean } {
  let failed = false;
  return {
    report: (ok, what) => {
      console.log(`${ok ? "OK  " : "FAIL"} ${what}`);
      if (!ok) failed = true;
    },
    failed: () => failed,
  };
}
