/**
 * Writes a flow's coverage table from its coverage map (app/flows/<flow>/coverage.ts) and its
 * bindings: per official question the page fields, the German label, and the XML element the
 * answer lands in. Usage: npm run coverage -- --flow weiterbewilligung [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { coverageTable } from "./lib/coverage";

const { values } = parseArgs({ options: { flow: { type: "string" }, check: { type: "boolean" } } });
const flow = values.flow ?? "weiterbewilligung";
const file = `docs/coverage/${flow}.md`;
const table = coverageTable(flow);
if (values.check) {
  if (readFileSync(file, "utf8") !== table) { console.error(`${file} is out of date: npm run coverage -- --flow ${flow}`); process.exit(1); }
} else {
  writeFileSync(file, table);
  console.log(`${file} written`);
}
