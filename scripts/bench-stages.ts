/**
 * CPU per stage of a sealed submission, measured apart (medians over many runs, after warm-up):
 * XML render + XSD validation + XML seal, and the caseworker PDF build + save. The tests assert
 * behaviour only; timings live here, where a slow shared machine cannot fail a landing.
 * Usage: npm run bench:stages [-- --runs 50]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildCaseworkerPdf } from "~/submission/pdf/caseworker.server";
import { sealXml } from "~/submission/seal/xml-seal.server";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { erstantragDocuments, personaDocuments } from "../tests/fixtures/documents";

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), "bench-stages-"));
execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "2", "-subj", "/CN=Bench"], { cwd: dir, stdio: "ignore" });
const key = { privateKeyPem: readFileSync(join(dir, "k.pem"), "utf8"), certificatePem: readFileSync(join(dir, "c.pem"), "utf8") };

async function measure(label: string, once: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 10; i++) await once(); // JIT, schema compile, fonts, key parse
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await once();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(`${label}: median ${cpu[Math.floor(runs / 2)].toFixed(2)} ms CPU, p95 ${cpu[Math.floor(runs * 0.95)].toFixed(2)} ms (${runs} runs)`);
}

const groups = { veraenderung: personaDocuments().map((p) => p.document), erstantrag: erstantragDocuments().map((p) => p.document) };
for (const [flow, documents] of Object.entries(groups)) {
  let i = 0;
  const next = () => documents[i++ % documents.length];
  await measure(`${flow}: renderXml + validateXml + sealXml`, () => {
    const xml = renderXml(next());
    if (!validateXml(xml).valid) throw new Error("invalid XML");
    return sealXml(xml, key);
  });
  await measure(`${flow}: validateXml alone`, () => validateXml(renderXml(next())));
  await measure(`${flow}: caseworker PDF build + save`, async () => {
    const document = next();
    return (await buildCaseworkerPdf(document, sealXml(renderXml(document), key))).save({ useObjectStreams: false });
  });
}
