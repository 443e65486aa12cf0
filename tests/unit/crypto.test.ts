import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET, decrypt, deriveKey, encrypt, formatResumeCode, isWellFormedCode, normaliseCode, randomCode, RESUME_CODE_LENGTH,
} from "~/security/crypto.server";

describe("encryption at rest", () => {
  const key = deriveKey("test", "record-1");
  it("round-trips and uses a fresh IV each time", () => {
    const a = encrypt("Kosten der Unterkunft: 520,00 €", key, "record-1");
    const b = encrypt("Kosten der Unterkunft: 520,00 €", key, "record-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("520");
    expect(decrypt(a, key, "record-1")).toBe("Kosten der Unterkunft: 520,00 €");
  });
  it("fails on a changed byte, another record id or another key", () => {
    const sealed = encrypt("geheim", key, "record-1");
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = body.slice(0, -2) + (body.at(-2) === "A" ? "B" : "A") + body.at(-1);
    expect(() => decrypt([v, iv, tag, flipped].join("."), key, "record-1")).toThrow();
    expect(() => decrypt(sealed, key, "record-2")).toThrow();
    expect(() => decrypt(sealed, deriveKey("test", "record-2"), "record-1")).toThrow();
  });
});

describe("codes", () => {
  it("never use look-alike characters", () => {
    for (const c of "01OILU") expect(CODE_ALPHABET).not.toContain(c);
    const sample = Array.from({ length: 200 }, () => randomCode(8)).join("");
    expect(sample).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]+$/);
  });
  it("resume codes carry at least 80 bits", () => {
    expect(RESUME_CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(80);
  });
  it("accept what people type", () => {
    const code = randomCode(RESUME_CODE_LENGTH);
    const typed = formatResumeCode(code).toLowerCase().replace(/-/g, " - ");
    expect(normaliseCode(typed)).toBe(code);
    expect(isWellFormedCode(normaliseCode(typed), RESUME_CODE_LENGTH)).toBe(true);
    expect(isWellFormedCode("O".repeat(RESUME_CODE_LENGTH), RESUME_CODE_LENGTH)).toBe(false);
  });
});
