/**
 * PDF text in every script of the language table: each character goes to the PDF font of its
 * script (app/i18n/languages.ts → fonts.server.ts), Ethiopic (Tigrinya) included — it used to
 * become U+FFFD — and a document with Latin, Cyrillic, Arabic and Ethiopic text embeds exactly
 * those fonts and gives the text back.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { LANGUAGE_TABLE } from "~/i18n/languages";
import { PageFlow } from "~/submission/pdf/layout.server";
import { layoutText, sanitize } from "~/submission/pdf/text.server";

const TIGRINYA = "ሰላም ትግርኛ";
const SAMPLES: Record<string, string> = { Latin: "Grundsicherung", Cyrillic: "Заява", Arabic: "طلب", Ethiopic: TIGRINYA };

describe("PDF fonts by script", () => {
  it("keeps Ethiopic text (no U+FFFD)", () => {
    expect(sanitize(TIGRINYA)).toBe(TIGRINYA);
    expect(sanitize("፣ ፤ ።")).toBe("፣ ፤ ።");
  });

  it.each(Object.entries(SAMPLES))("draws %s text in the table's PDF font for that script", (script, sample) => {
    const expected = LANGUAGE_TABLE.find((r) => r.script === script)!.pdfFont;
    for (const bold of [false, true]) {
      const [line] = layoutText(sample, { size: 10, bold }, 400);
      const families = new Set(line.pieces.filter((p) => !p.space).map((p) => p.face.family));
      expect([...families], `${script}${bold ? " bold" : ""}`).toEqual([expected]);
    }
  });

  it("mixes scripts in one line, each in its font", () => {
    const [line] = layoutText(`${TIGRINYA} 520 € طلب Заява`, { size: 10 }, 500);
    expect(new Set(line.pieces.map((p) => p.face.family))).toEqual(new Set(["NotoSansEthiopic", "NotoSans", "NotoSansArabic"]));
  });

  it("embeds the Ethiopic font in a document and the text can be read back", async () => {
    const pdf = await PDFDocument.create();
    const flow = new PageFlow(pdf, { footer: () => "1" });
    flow.title(TIGRINYA);
    flow.paragraph(`${SAMPLES.Latin} ${SAMPLES.Cyrillic} ${SAMPLES.Arabic}`);
    flow.finish();
    const file = join(mkdtempSync(join(tmpdir(), "pdf-scripts-")), "scripts.pdf");
    writeFileSync(file, await pdf.save());
    const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout;
    expect(fonts).toMatch(/NotoSansEthiopic-Bold/);
    expect(fonts).toMatch(/NotoSans-Regular/);
    expect(fonts).toMatch(/NotoSansArabic-Regular/);
    const text = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" }).stdout;
    expect(text).toContain("ሰላም");
    expect(text).toContain("ትግርኛ");
    expect(text).toContain("Заява");
  });

  it("gives Arabic-script words back as written, ligatures included (pdftotext)", async () => {
    // Lam-alef and other ligatures are one glyph for two letters; they used to come back reversed
    // ("االستالم"). Vowel marks (harakat) still come back split off by pdftotext (ADR 0030).
    const words = ["تأكيد", "الاستلام", "لا", "الله", "سلام", "کلاس", "لطفا"];
    const pdf = await PDFDocument.create();
    const flow = new PageFlow(pdf, { footer: () => "1" });
    flow.title(words.slice(0, 2).join(" "));
    flow.paragraph(`${words.slice(2).join(" ")} ABCD2345 06.12.2026`);
    flow.finish();
    const file = join(mkdtempSync(join(tmpdir(), "pdf-arabic-")), "arabic.pdf");
    writeFileSync(file, await pdf.save());
    const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout.replace(/[\u202a-\u202e]/g, "");
    for (const word of words) expect(text.split(/\s+/), word).toContain(word);
    expect(text).toContain("ABCD2345");
  });
});
