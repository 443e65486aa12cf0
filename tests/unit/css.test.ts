import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("stylesheet", () => {
  const css = readFileSync("app/styles/app.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  it("uses logical properties only, so right-to-left needs no overrides", () => {
    const physical = css.match(/(^|[;{\s])(margin|padding|border)-(left|right)\b|(^|[;{\s])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)/gm);
    expect(physical).toBeNull();
  });
  it("loads only self-hosted, subset fonts", () => {
    for (const m of css.matchAll(/url\("([^"]+)"\)/g)) expect(m[1]).toMatch(/^\/fonts\/[\w-]+\.woff2$/);
  });
});
