/**
 * Runs the real sealing pipeline on a flow's test personas and writes, per persona, the sealed
 * PDF, the sealed XML and the applicant's receipt, plus the test CA; then verifies each sealed
 * document as a jobcenter would (XSD, XMLDSig, PAdES via pdfsig). Exit code 1 if any check fails.
 * Usage: npm run sample -- --flow erstantrag|veraenderung|weiterbewilligung|but [--persona <name>] [--out <dir>, default data/samples/<flow>]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getJobcenter } from "~/store/jobcenters.server";
import { renderReceiptPdf } from "~/submission/pdf/receipt.server";
import { produceDocuments } from "~/submission/pipeline.server";
import { testCa } from "~/submission/seal/certificates.server";
import { sha256 } from "~/store/submissions.server";
import type { SubmissionDocument } from "~/submission/document";
import { butDocuments, erstantragDocuments, personaDocuments, weiterbewilligungDocuments } from "../tests/fixtures/documents";
import { printingReport, verifyDocument } from "./lib/verify-documents";

const { values } = parseArgs({ options: { flow: { type: "string" }, persona: { type: "string" }, out: { type: "string" } } });
const PERSONAS: Record<string, (receivedAt: Date) => { name: string; document: SubmissionDocument }[]> = {
  erstantrag: erstantragDocuments,
  veraenderung: personaDocuments,
  weiterbewilligung: weiterbewilligungDocuments,
  but: butDocuments,
};

if (!values.flow) throw new Error("Usage: npm run sample -- --flow <flow> [--persona <name>] [--out <dir>]");
// Without --out: data/samples/<flow> (data/ is the portal's own, git-ignored directory).
values.out ??= join("data", "samples", values.flow);
const source = PERSONAS[values.flow];
if (!source) throw new Error(`No personas for flow "${values.flow}" (known: ${Object.keys(PERSONAS).join(", ")})`);
const chosen = source(new Date()).filter((p) => !values.persona || p.name === values.persona);
if (chosen.length === 0) throw new Error(`No persona "${values.persona}" in flow ${values.flow}`);

const { report, failed } = printingReport();
for (const { name, document } of chosen) {
  const jobcenter = getJobcenter(document.kopf.jobcenter.id)!;
  const sealed = await produceDocuments(document, jobcenter);
  const receipt = await renderReceiptPdf(document, { language: document.kopf.sprache, documentSha256: sha256(sealed.pdf) });
  const dir = join(values.out, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "antrag.xml"), sealed.xml);
  writeFileSync(join(dir, "antrag.pdf"), sealed.pdf);
  writeFileSync(join(dir, "eingangsbestaetigung.pdf"), receipt);
  console.log(`${name}: ${dir} (${document.kopf.referenz}, ${sealed.pdf.length} bytes PDF, ${sealed.xml.length} bytes XML)`);
  for (const file of ["antrag.xml", "antrag.pdf"]) verifyDocument(join(dir, file), report);
}
writeFileSync(join(values.out, "test-ca.cert.pem"), testCa().certificatePem);
process.exitCode = failed() ? 1 : 0;
