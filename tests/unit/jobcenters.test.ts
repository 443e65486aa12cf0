import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jobcenterForPostcode, jobcenterListSchema } from "~/tenants/jobcenter";

const demo = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")));

describe("demo jobcenters", () => {
  it("are at least two, all marked as demo, with distinct ids and areas", () => {
    expect(demo.length).toBeGreaterThanOrEqual(2);
    expect(demo.every((j) => j.demo)).toBe(true);
    expect(new Set(demo.map((j) => j.id)).size).toBe(demo.length);
  });
  it("route postcodes to exactly one jobcenter, and others to none", () => {
    expect(jobcenterForPostcode(demo, "00100")?.id).toBe("demo-musterstadt");
    expect(jobcenterForPostcode(demo, "00999")?.id).toBe("demo-beispielkreis");
    expect(jobcenterForPostcode(demo, "10115")).toBeUndefined();
    for (let p = 0; p < 1000; p += 7) {
      const code = String(p).padStart(5, "0");
      expect(demo.filter((j) => j.art === "jobcenter" && j.postleitzahlen.some((r) => r.von <= code && code <= r.bis)).length).toBeLessThanOrEqual(1);
    }
  });
  it("name an office for each BuT regime that exists, and never find an office by postcode (ADR 0034)", () => {
    const offices = demo.filter((j) => j.art === "stelle");
    expect(offices.map((o) => o.id).sort()).toEqual(["demo-beispielkreis-but", "demo-musterstadt-wohngeld"]);
    for (const o of offices) expect(jobcenterForPostcode(demo, o.postleitzahlen[0].von)?.art).toBe("jobcenter");
    expect(jobcenterListSchema.safeParse([{ ...demo[0], but: { bkgg: "fehlt" } }]).error?.issues[0]?.message).toMatch(/BuT office "fehlt"/);
  });
  it("are each named with a postcode in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const jc of demo) {
      expect(readme).toContain(jc.name);
      expect(readme).toContain(jc.postleitzahlen[0].von);
    }
  });
});
