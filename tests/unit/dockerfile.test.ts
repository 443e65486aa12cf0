import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("Dockerfile", () => {
  it("passes dockerfilelint (no Docker engine here to build it)", () => {
    const out = execFileSync("node_modules/.bin/dockerfilelint", ["-o", "json", "Dockerfile"], { encoding: "utf8" });
    const report = JSON.parse(out) as { files: { issues_count: number; issues: unknown[] }[]; totalIssues: number };
    expect(report.files[0].issues).toEqual([]);
    expect(report.totalIssues).toBe(0);
  });
  it("runs as a non-root user, with a health check on /healthz", () => {
    const text = readFileSync("Dockerfile", "utf8");
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK[\s\S]*\/healthz/m);
    expect(text.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3);
  });
});
