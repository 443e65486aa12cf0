/**
 * Fonts for the PDFs: shaping with fontkit and embedding as Type0/CIDFontType2 (Identity-H).
 *
 * Why not pdf-lib's `embedFont`: it parses, measures and deflates the fonts again for every
 * document (~100 ms CPU for these four, measured); it writes widths and ToUnicode only for
 * glyphs reachable through the cmap – Arabic shaping yields contextual and ligature glyphs
 * outside it, which would get the default width 1000 (gaps; a PDF/A width mismatch); it omits
 * /Length1; and its drawText drops GPOS offsets (Arabic vowel marks). Here each face is parsed
 * and deflated once per process; a document only registers small dictionaries plus the cached
 * bytes, with widths and ToUnicode for the glyphs it actually draws.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import fontkit, { type Font, type Glyph, type GlyphRun } from "@pdf-lib/fontkit";
import { PDFDocument, PDFRef, PDFString } from "pdf-lib";
import type { PdfFont } from "~/i18n/languages";
import { asset } from "./assets.server";

/** A PDF font family of the language table (app/i18n/languages.ts) in one weight. */
export type FaceName = PdfFont | `${PdfFont}-Bold`;

/** The families, in the order text falls back through them: Noto Sans first (Latin, Cyrillic, Greek, punctuation). */
export const PDF_FONTS: readonly PdfFont[] = ["NotoSans", "NotoSansArabic", "NotoSansEthiopic"];

/** The OpenType script tag each family shapes with (fontkit picks GSUB/GPOS lookups by it). */
const SCRIPT_TAG: Record<PdfFont, string | undefined> = { NotoSans: undefined, NotoSansArabic: "arab", NotoSansEthiopic: "ethi" };

const fileOf = (name: FaceName) => `fonts/${name.endsWith("-Bold") ? name : `${name}-Regular`}.ttf`;
const familyOf = (name: FaceName) => name.replace(/-Bold$/, "") as PdfFont;

/** One glyph of a shaped run, in PDF glyph space (1/1000 em), visual order. */
export interface ShapedGlyph {
  id: number;
  /** The glyph's own width, as written to /W. */
  width: number;
  /** Pen advance after shaping (kerning, zero for marks). */
  advance: number;
  dx: number;
  dy: number;
}

export interface Shaped {
  glyphs: ShapedGlyph[];
  /** Total advance, 1/1000 em. */
  advance: number;
}

/** fontkit's typings omit layout's script and direction parameters, which it does accept. */
type LayoutWithDirection = (text: string, features: string[], script?: string, language?: string, direction?: "ltr" | "rtl") => GlyphRun;

/** Shaping is the slow part of rendering (~0.1 ms a word); labels repeat, so results are kept. */
const SHAPE_CACHE_LIMIT = 20_000;

export class FontFace {
  readonly baseFont: string;
  readonly family: PdfFont;
  /** Arabic-script faces shape right-to-left runs themselves (fontkit returns visual order). */
  readonly isArabic: boolean;
  private readonly font: Font;
  private readonly scale: number;
  private readonly shapes = new Map<string, Shaped>();
  private fontFile?: Uint8Array;
  private charset?: Set<number>;
  private readonly cmapEntries = new Map<number, string>();
  private unicodeOf?: Map<number, string>;

  constructor(readonly faceName: FaceName, private readonly bytes: Uint8Array) {
    this.font = fontkit.create(bytes);
    this.scale = 1000 / this.font.unitsPerEm;
    this.family = familyOf(faceName);
    this.isArabic = this.family === "NotoSansArabic";
    // A subset font's name carries a six-letter tag (ISO 32000-1, 9.6.4); derived from the bytes.
    const digest = createHash("sha256").update(bytes).digest();
    const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
    this.baseFont = `${tag}+${this.font.postscriptName ?? faceName}`;
  }

  /** Whether the font maps the code point (a Set: this runs for every character drawn). */
  has(codePoint: number): boolean {
    this.charset ??= new Set(this.font.characterSet);
    return this.charset.has(codePoint);
  }

  /**
   * Shapes text that is one script and one direction. `rtl` runs come back in visual order
   * (fontkit reverses them); the caller has already put the runs themselves in visual order.
   */
  shape(text: string, rtl: boolean): Shaped {
    const key = (rtl ? "r" : "l") + text;
    let shaped = this.shapes.get(key);
    if (!shaped) {
      if (this.shapes.size >= SHAPE_CACHE_LIMIT) this.shapes.clear();
      shaped = this.layout(text, rtl);
      this.shapes.set(key, shaped);
    }
    return shaped;
  }

  private layout(text: string, rtl: boolean): Shaped {
    const layout = this.font.layout.bind(this.font) as unknown as LayoutWithDirection;
    const run = layout(text, [], SCRIPT_TAG[this.family], undefined, rtl ? "rtl" : "ltr");
    const glyphs: ShapedGlyph[] = [];
    let advance = 0;
    run.glyphs.forEach((glyph: Glyph, i: number) => {
      const pos = run.positions[i];
      // Never draw .notdef (PDF/A-3 6.2.11.8); input is sanitised, so this is a last guard.
      if (glyph.id === 0) return;
      this.noteUnicode(glyph);
      const g = { id: glyph.id, width: glyph.advanceWidth * this.scale, advance: pos.xAdvance * this.scale, dx: pos.xOffset * this.scale, dy: pos.yOffset * this.scale };
      glyphs.push(g);
      advance += g.advance;
    });
    return { glyphs, advance };
  }

  /**
   * Text for a glyph in the ToUnicode map. From the cmap, lowest code point first (U+0628
   * before its presentation form U+FE8F); Arabic presentation forms are normalised to the
   * letters. Glyphs only shaping reaches (contextual forms, ligatures) take the code points
   * fontkit records when it first produces them.
   */
  unicodeFor(glyphId: number): string | undefined {
    return this.unicodes().get(glyphId);
  }

  /** The glyph's bfchar line in a ToUnicode CMap (memoised: the same glyphs recur). */
  cmapEntry(glyphId: number): string | undefined {
    let entry = this.cmapEntries.get(glyphId);
    if (entry === undefined) {
      const text = this.unicodeFor(glyphId);
      if (!text) return undefined;
      entry = `<${hex4(glyphId)}> <${utf16Hex(this.isArabic ? visualOrder(text) : text)}>`;
      this.cmapEntries.set(glyphId, entry);
    }
    return entry;
  }

  private unicodes(): Map<number, string> {
    if (!this.unicodeOf) {
      this.unicodeOf = new Map();
      for (const cp of [...this.font.characterSet].sort((a, b) => a - b)) {
        const id = this.font.glyphForCodePoint(cp).id;
        if (id === 0 || this.unicodeOf.has(id)) continue;
        const ch = String.fromCodePoint(cp);
        this.unicodeOf.set(id, cp >= 0xfb50 && cp <= 0xfeff ? ch.normalize("NFKC") : ch);
      }
    }
    return this.unicodeOf;
  }

  private noteUnicode(glyph: Glyph): void {
    const map = this.unicodes();
    if (!map.has(glyph.id) && glyph.codePoints.length > 0) map.set(glyph.id, String.fromCodePoint(...glyph.codePoints));
  }

  /** The deflated font program, made once per process. */
  fontProgram(): { bytes: Uint8Array; length1: number } {
    this.fontFile ??= new Uint8Array(deflateSync(this.bytes));
    return { bytes: this.fontFile, length1: this.bytes.length };
  }

  /** Descriptor values in 1/1000 em. */
  metrics() {
    const f = this.font;
    const s = this.scale;
    return {
      bbox: [f.bbox.minX * s, f.bbox.minY * s, f.bbox.maxX * s, f.bbox.maxY * s].map(Math.round),
      italicAngle: f.italicAngle,
      ascent: Math.round(f.ascent * s),
      descent: Math.round(f.descent * s),
      capHeight: Math.round((f.capHeight || f.ascent) * s),
      xHeight: Math.round((f.xHeight || 0) * s),
      // Not in TrueType; readers only use it for substitution, which embedding rules out.
      stemV: this.faceName.endsWith("-Bold") ? 140 : 80,
    };
  }
}

const faces = new Map<FaceName, FontFace>();

/** The process-wide face: parsed on first use, kept for every later document. */
export function fontFace(name: FaceName): FontFace {
  let face = faces.get(name);
  if (!face) {
    face = new FontFace(name, asset(fileOf(name)));
    faces.set(name, face);
  }
  return face;
}

/**
 * A document's use of the faces. `ref(face)` hands out the font dictionary's reference at the
 * first draw (so only used faces are embedded); `finish()` writes the dictionaries once all
 * text is drawn, because /W and /ToUnicode list exactly the glyphs used.
 */
export class DocumentFonts {
  private readonly used = new Map<FontFace, { ref: PDFRef; glyphs: Map<number, number> }>();
  /** Shaped runs already recorded: runs are cached and drawn many times. */
  private readonly noted = new WeakSet<Shaped>();

  constructor(private readonly doc: PDFDocument) {}

  ref(face: FontFace): PDFRef {
    let entry = this.used.get(face);
    if (!entry) {
      entry = { ref: this.doc.context.nextRef(), glyphs: new Map() };
      this.used.set(face, entry);
    }
    return entry.ref;
  }

  /** Records drawn glyphs (id → width) for /W and /ToUnicode. */
  noteGlyphs(face: FontFace, shaped: Shaped): void {
    if (this.noted.has(shaped)) return;
    const map = this.used.get(face)?.glyphs;
    if (!map) throw new Error(`font ${face.faceName} drawn before ref()`);
    for (const g of shaped.glyphs) map.set(g.id, g.width);
    this.noted.add(shaped);
  }

  finish(): void {
    for (const [face, { ref, glyphs }] of this.used) this.embed(face, ref, glyphs);
  }

  private embed(face: FontFace, ref: PDFRef, glyphs: Map<number, number>): void {
    const { context } = this.doc;
    const ids = [...glyphs.keys()].sort((a, b) => a - b);
    const program = face.fontProgram();
    const fontFile = context.register(context.stream(program.bytes, { Filter: "FlateDecode", Length1: program.length1 }));
    const m = face.metrics();
    const descriptor = context.register(context.obj({
      Type: "FontDescriptor",
      FontName: face.baseFont,
      Flags: 32, // Nonsymbolic: Unicode text through a standard-ish character set.
      FontBBox: m.bbox,
      ItalicAngle: m.italicAngle,
      Ascent: m.ascent,
      Descent: m.descent,
      CapHeight: m.capHeight,
      XHeight: m.xHeight,
      StemV: m.stemV,
      FontFile2: fontFile,
    }));
    const cidFont = context.register(context.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: face.baseFont,
      CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widthsArray(ids, glyphs),
      CIDToGIDMap: "Identity",
    }));
    const cmap = deflateSync(Buffer.from(toUnicodeCMap(ids, face), "latin1"));
    const toUnicode = context.register(context.stream(cmap, { Filter: "FlateDecode" }));
    context.assign(ref, context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: face.baseFont,
      Encoding: "Identity-H",
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }));
  }
}

/** /W as `first [w …]` groups of consecutive glyph ids. */
function widthsArray(ids: number[], widths: Map<number, number>): (number | number[])[] {
  const out: (number | number[])[] = [];
  let group: number[] = [];
  ids.forEach((id, i) => {
    if (i === 0 || id !== ids[i - 1] + 1) {
      group = [];
      out.push(id, group);
    }
    group.push(Math.round(widths.get(id)!));
  });
  return out;
}

/** A glyph id (or UTF-16 code unit) as four hex digits, as Identity-H strings and CMaps write them. */
export const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
/**
 * A right-to-left ligature's letters as they stand on the page. Right-to-left text is drawn in
 * visual order, and extractors (poppler's pdftotext, pdf.js) turn it back by reversing it
 * character by character — a ligature's letters too. Listing them in visual order makes
 * "الاستلام" come back as written instead of "االستالم" (the lam-alef ligature reversed).
 */
function visualOrder(text: string): string {
  const chars = Array.from(text);
  return chars.length > 1 ? chars.reverse().join("") : text;
}

const utf16Hex = (s: string) => Array.from({ length: s.length }, (_, i) => hex4(s.charCodeAt(i))).join("");

/** The ToUnicode CMap (glyph id → text), in blocks of at most 100 entries as the format wants. */
function toUnicodeCMap(ids: number[], face: FontFace): string {
  const entries = ids.flatMap((id) => face.cmapEntry(id) ?? []);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}
