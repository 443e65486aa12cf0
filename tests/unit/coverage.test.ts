/**
 * The renewal's coverage table (docs/coverage/weiterbewilligung.md) is generated from its
 * coverage map and the bindings: every field it names exists, and the checked-in file is what
 * the generator writes today (a changed binding or label shows up here).
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { coverageTable } from "../../scripts/lib/coverage";

it("docs/coverage/weiterbewilligung.md is current (npm run coverage -- --flow weiterbewilligung)", () => {
  expect(readFileSync("docs/coverage/weiterbewilligung.md", "utf8")).toBe(coverageTable("weiterbewilligung"));
});
