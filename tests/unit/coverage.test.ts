/**
 * The coverage tables (docs/coverage/<flow>.md: the renewal, BuT) are generated from their
 * coverage map and the bindings: every field it names exists, and the checked-in file is what
 * the generator writes today (a changed binding or label shows up here).
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { coverageTable, MAPS } from "../../scripts/lib/coverage";

it.each(Object.keys(MAPS))("docs/coverage/%s.md is current (npm run coverage -- --flow <flow>)", (flow) => {
  expect(readFileSync(`docs/coverage/${flow}.md`, "utf8")).toBe(coverageTable(flow));
});
