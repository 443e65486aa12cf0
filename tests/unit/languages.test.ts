/**
 * The language table (app/i18n/languages.ts) and what reads it: offered languages have their
 * texts, right-to-left languages have an Arabic-script font, every font the table names exists
 * for the web and the PDF, and detection only ever answers with an offered language.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { direction, htmlLang, isLanguage, LANGUAGES } from "~/i18n/config";
import { createI18n, detectLanguage, languageCookie } from "~/i18n/i18next.server";
import { EASY_LANGUAGE, LANGUAGE_TABLE, languageRow, offeredLanguages, SCRIPT_FONTS } from "~/i18n/languages";

const css = readFileSync("app/styles/app.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
/** The namespaces applicants read: every German one but the jobcenter's (documents, caseworker area). */
const APPLICANT_NAMESPACES = readdirSync("locales/de").map((f) => f.replace(/\.json$/, "")).filter((ns) => !["dokument", "sachbearbeitung"].includes(ns));

describe("the language table", () => {
  it("has the 17 languages of issue #17, each once", () => {
    const codes = LANGUAGE_TABLE.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(["ar", "bg", "de", "de-x-ls", "en", "fa", "fr", "kmr", "pl", "prs", "ps", "ro", "ru", "so", "ti", "tr", "uk"]);
    expect(codes[0]).toBe("de");
  });

  it("offers exactly its offered rows, German among them", () => {
    expect(LANGUAGES).toEqual(offeredLanguages().map((r) => r.code));
    expect(LANGUAGES).toContain("de");
    for (const r of LANGUAGE_TABLE) expect(isLanguage(r.code), r.code).toBe(r.status === "offered");
  });

  it.each(offeredLanguages().map((r) => r.code))("offered %s has a locale folder with every applicant namespace", (code) => {
    for (const ns of APPLICANT_NAMESPACES) expect(existsSync(join("locales", code, `${ns}.json`)), `${code}/${ns}`).toBe(true);
  });

  it("gives every right-to-left language an Arabic-script font, and only those", () => {
    for (const r of LANGUAGE_TABLE) {
      expect(r.dir === "rtl", r.code).toBe(r.script === "Arabic");
      if (r.dir === "rtl") {
        expect(r.webFont, r.code).toBe("Noto Sans Arabic");
        expect(r.pdfFont, r.code).toBe("NotoSansArabic");
      }
    }
  });

  it("names the fonts of its script", () => {
    for (const r of LANGUAGE_TABLE) {
      expect({ webFont: r.webFont, pdfFont: r.pdfFont }, r.code).toEqual(SCRIPT_FONTS[r.script]);
    }
    expect(languageRow("ti")?.script).toBe("Ethiopic");
    expect(languageRow("uk")?.script).toBe("Cyrillic");
  });

  it("has a web font face for every font it names, served from public/fonts, in the font stack", () => {
    const stack = /--font:\s*([^;]+);/.exec(css)?.[1] ?? "";
    for (const family of new Set(LANGUAGE_TABLE.map((r) => r.webFont))) {
      expect(stack, family).toContain(`"${family}"`);
      const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]).filter((f) => f.includes(`font-family: "${family}"`));
      expect(faces.length, family).toBeGreaterThan(0);
      for (const face of faces) {
        const url = /url\("\/fonts\/([\w-]+\.woff2)"\)/.exec(face)?.[1];
        expect(url && existsSync(join("public/fonts", url)), `${family}: ${url}`).toBe(true);
        expect(face, `${family} has a unicode-range`).toMatch(/unicode-range:/);
      }
    }
  });

  it("has the PDF fonts it names, regular and bold", () => {
    for (const family of new Set(LANGUAGE_TABLE.map((r) => r.pdfFont))) {
      for (const weight of ["Regular", "Bold"]) expect(existsSync(join("assets/fonts", `${family}-${weight}.ttf`)), `${family}-${weight}`).toBe(true);
    }
  });

  it("has Intl locales that Intl knows, and valid <html lang> values", () => {
    for (const r of LANGUAGE_TABLE) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([r.intl]).length, r.code).toBe(1);
      expect(Intl.getCanonicalLocales(r.htmlLang).length, r.code).toBe(1);
      expect(Intl.getCanonicalLocales(r.code).length, r.code).toBe(1);
    }
    expect(htmlLang(EASY_LANGUAGE)).toBe("de");
    expect(htmlLang("ar")).toBe("ar");
  });

  it("reads the direction from the table, also for languages in preparation", () => {
    expect(direction("ar")).toBe("rtl");
    expect(direction("fa")).toBe("rtl");
    expect(direction("ps")).toBe("rtl");
    expect(direction("prs")).toBe("rtl");
    expect(direction("ti")).toBe("ltr");
    expect(direction("de-x-ls")).toBe("ltr");
    expect(direction("he")).toBe("rtl");
    expect(direction("xx")).toBe("ltr");
  });

  it("lists no folder under locales/ that the table does not know", () => {
    const folders = readdirSync("locales", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const f of folders) expect(languageRow(f), f).toBeDefined();
  });
});

describe("detection", () => {
  const request = (query: string, headers: Record<string, string> = {}) => new Request(`http://localhost/${query}`, { headers });

  it("takes ?lng=, then the cookie, then Accept-Language — offered languages only", async () => {
    const other = LANGUAGES.find((l) => l !== "de")!;
    expect(await detectLanguage(request(`?lng=${other}`))).toBe(other);
    expect(await detectLanguage(request("", { Cookie: await languageCookie.serialize(other) }))).toBe(other);
    expect(await detectLanguage(request("", { "Accept-Language": `${other};q=0.9, xx;q=1` }))).toBe(other);
    expect(await detectLanguage(request("?lng=xx", { "Accept-Language": "de-DE" }))).toBe("de");
  });

  it("never answers with a language in preparation", async () => {
    for (const r of LANGUAGE_TABLE.filter((row) => row.status === "preparation")) {
      expect(await detectLanguage(request(`?lng=${r.code}`)), r.code).toBe("de");
      expect(await detectLanguage(request("", { Cookie: await languageCookie.serialize(r.code) })), r.code).toBe("de");
      expect(await detectLanguage(request("", { "Accept-Language": r.code })), r.code).toBe("de");
    }
  });

  it("keeps Leichte Sprache apart from German in i18next (no de-x-LS spelling), with German as its fallback", () => {
    const i = createI18n({ de: { common: { a: "Antrag", b: "Bescheid" } }, "de-x-ls": { common: { a: "Antrag in Leichter Sprache" } } }, ["de", "de-x-ls"]);
    expect(i.getFixedT("de-x-ls", "common")("a")).toBe("Antrag in Leichter Sprache");
    expect(i.getFixedT("de-x-ls", "common")("b")).toBe("Bescheid");
    expect(i.getFixedT("de", "common")("a")).toBe("Antrag");
  });
});
