/**
 * Text for the PDFs: font choice per character, bidi ordering, line wrapping, drawing.
 *
 * pdf-lib draws a string in one font, left to right, unwrapped, and shows .notdef boxes for
 * characters the font lacks. Applicants write in any script and mix them ("الإيجار 520 € ab
 * 01.12.2026"), so a paragraph is cut into pieces of one font and one bidi embedding level
 * (Unicode Bidirectional Algorithm, bidi-js), each piece is shaped once (fontkit), lines are
 * filled by measured width, and each line's pieces are put into visual order (rule L2).
 * glyphs.server.ts then draws them at absolute positions.
 */
import bidiFactory from "bidi-js";
import type { Rgb } from "./canvas.server";
import { SCRIPT_FONTS, type PdfFont, type Script } from "~/i18n/languages";
import { fontFace, PDF_FONTS, type FontFace, type Shaped } from "./fonts.server";

const bidi = bidiFactory();

export type Direction = "ltr" | "rtl" | "auto";

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Rgb;
}

/** A run of one face and one embedding level, shaped; spaces form runs of their own (breaks). */
export interface Piece {
  face: FontFace;
  /** Logical-order text (for re-shaping when a long word is cut). */
  text: string;
  level: number;
  space: boolean;
  shaped: Shaped;
}

export interface Line {
  /** Pieces in visual order, left to right. */
  pieces: Piece[];
  /** Width in points. */
  width: number;
  /** Paragraph direction: right-to-left lines are right-aligned. */
  rtl: boolean;
  size: number;
}

/**
 * Format characters that only steer the bidi algorithm (LRM, RLM, ALM, embeddings, isolates)
 * and the soft hyphen: they take part in ordering but have nothing to draw.
 */
function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x61c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}
// Anything that can make a paragraph right-to-left; text without it skips the bidi algorithm.
const RTL_HINT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067\u061C]/;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * The script of a code point, as far as the choice of font goes; everything not listed is
 * "Latin" (Noto Sans also covers Greek, punctuation, €). Arabic includes ZWNJ/ZWJ, which join
 * Arabic letters and belong in their run.
 */
function scriptOf(cp: number): Script {
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff)
    || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe) || cp === 0x200c || cp === 0x200d) return "Arabic";
  if ((cp >= 0x1200 && cp <= 0x139f) || (cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f)) return "Ethiopic";
  if (cp >= 0x0400 && cp <= 0x052f) return "Cyrillic";
  return "Latin";
}

/** The faces of one weight: the font of each script as the language table names it, then the fallbacks. */
interface FaceSet { byScript: Record<Script, FontFace>; all: FontFace[] }
const faceSets = new Map<boolean, FaceSet>();
function faces(isBold: boolean | undefined): FaceSet {
  const bold = isBold === true;
  let set = faceSets.get(bold);
  if (!set) {
    const face = (family: PdfFont) => fontFace(bold ? `${family}-Bold` : family);
    const byScript = Object.fromEntries(Object.entries(SCRIPT_FONTS).map(([script, f]) => [script, face(f.pdfFont)])) as Record<Script, FontFace>;
    set = { byScript, all: PDF_FONTS.map(face) };
    faceSets.set(bold, set);
  }
  return set;
}

/**
 * NFC, tabs as spaces, no control characters, and U+FFFD for what no font has (PDF/A
 * forbids drawing .notdef). Line breaks are handled by the caller before this.
 */
export function sanitize(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  const { all } = faces(false);
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\t") out += " ";
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    else if (isInvisible(cp) || all.some((f) => f.has(cp))) out += ch;
    else out += "\uFFFD";
  }
  return out;
}

/** The font of the character's script (language table), else the first font that has it. */
function faceFor(cp: number, set: FaceSet): FontFace {
  const own = set.byScript[scriptOf(cp)];
  if (own.has(cp)) return own;
  return set.all.find((f) => f.has(cp)) ?? set.all[0];
}

/** Per code unit embedding levels and the paragraph level; pure LTR text skips the algorithm. */
function embeddingLevels(text: string, direction: Direction): { levels: ArrayLike<number>; base: number } {
  if (direction !== "rtl" && !RTL_HINT.test(text)) return { levels: new Uint8Array(text.length), base: 0 };
  const result = bidi.getEmbeddingLevels(text, direction);
  return { levels: result.levels, base: result.paragraphs[0]?.level ?? (direction === "rtl" ? 1 : 0) };
}

/**
 * Shapes a piece. An odd-level Arabic piece is shaped right-to-left (fontkit returns it in
 * visual order). An odd-level piece in the other font can only hold neutrals (spaces,
 * punctuation, brackets, €): they are reversed and mirrored here, "(" becoming ")".
 */
function shapePiece(face: FontFace, text: string, level: number): Shaped {
  const rtl = level % 2 === 1;
  if (!rtl || face.isArabic) return face.shape(text, rtl);
  const mirrored = Array.from(text).reverse().map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join("");
  return face.shape(mirrored, false);
}

function pieces(text: string, levels: ArrayLike<number>, isBold: boolean | undefined): Piece[] {
  const set = faces(isBold);
  const out: Piece[] = [];
  let chars = "";
  let face: FontFace | undefined;
  let level = 0;
  let space = false;
  const flush = () => {
    if (face && chars) out.push({ face, text: chars, level, space, shaped: shapePiece(face, chars, level) });
    chars = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isInvisible(c)) continue;
    const f = faceFor(c, set);
    const isSpace = c === 0x20;
    if (!chars || f !== face || levels[i] !== level || isSpace !== space) {
      flush();
      face = f;
      level = levels[i];
      space = isSpace;
    }
    chars += text[i];
  }
  flush();
  return out;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse runs at that level or higher. */
function visualOrder(line: Piece[]): Piece[] {
  const out = [...line];
  const levels = out.map((p) => p.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 ? l : l + 1)), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i].level < level) continue;
      let j = i;
      while (j + 1 < out.length && out[j + 1].level >= level) j++;
      out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return out;
}

const widthOf = (ps: readonly Piece[], size: number) => ps.reduce((w, p) => w + p.shaped.advance, 0) * size / 1000;

function finishLine(logical: Piece[], size: number, rtl: boolean): Line {
  let a = 0;
  let b = logical.length;
  while (a < b && logical[a].space) a++;
  while (b > a && logical[b - 1].space) b--;
  const kept = logical.slice(a, b);
  return { pieces: visualOrder(kept), width: widthOf(kept, size), rtl, size };
}

/** Words (runs of non-space pieces) with the spaces before them: the units lines are filled with. */
function words(all: Piece[]): { spaces: Piece[]; word: Piece[] }[] {
  const out: { spaces: Piece[]; word: Piece[] }[] = [];
  let spaces: Piece[] = [];
  let word: Piece[] = [];
  for (const p of all) {
    if (p.space) {
      if (word.length) { out.push({ spaces, word }); spaces = []; word = []; }
      spaces.push(p);
    } else word.push(p);
  }
  if (word.length || spaces.length) out.push({ spaces, word });
  return out;
}

/** A word wider than the line (a hash, a long e-mail address) is cut between characters. */
function breakLongWord(word: Piece[], size: number, maxWidth: number): Piece[][] {
  const chars = word.flatMap((p) => Array.from(p.text, (ch) => ({ ...p, text: ch, shaped: shapePiece(p.face, ch, p.level) })));
  const chunks: Piece[][] = [[]];
  let width = 0;
  for (const c of chars) {
    const w = widthOf([c], size);
    if (width + w > maxWidth && chunks[chunks.length - 1].length) { chunks.push([]); width = 0; }
    chunks[chunks.length - 1].push(c);
    width += w;
  }
  return chunks;
}

/**
 * Lays out text (any script, `\n` for paragraphs) into lines no wider than `maxWidth` points.
 * `direction` is the paragraph direction; "auto" takes it from the first strong character.
 */
export function layoutText(raw: string, style: TextStyle, maxWidth: number, direction: Direction = "auto"): Line[] {
  // Labels, headings and notes recur in every document: their lines are made once.
  const key = `${style.size}|${style.bold ? 1 : 0}|${maxWidth}|${direction}|${raw}`;
  let lines = layoutCache.get(key);
  if (!lines) {
    if (layoutCache.size >= LAYOUT_CACHE_LIMIT) layoutCache.clear();
    lines = layoutParagraphs(raw, style, maxWidth, direction);
    layoutCache.set(key, lines);
  }
  return lines;
}

const LAYOUT_CACHE_LIMIT = 5_000;
const layoutCache = new Map<string, Line[]>();

function layoutParagraphs(raw: string, style: TextStyle, maxWidth: number, direction: Direction): Line[] {
  const lines: Line[] = [];
  for (const paragraph of raw.replace(/\r\n?/g, "\n").split("\n")) {
    const text = sanitize(paragraph);
    const { levels, base } = embeddingLevels(text, direction);
    const rtl = base % 2 === 1;
    let current: Piece[] = [];
    let width = 0;
    const flush = () => { lines.push(finishLine(current, style.size, rtl)); current = []; width = 0; };
    for (const { spaces, word } of words(pieces(text, levels, style.bold))) {
      const wordWidth = widthOf(word, style.size);
      let spaceWidth = current.length ? widthOf(spaces, style.size) : 0;
      if (current.length && width + spaceWidth + wordWidth > maxWidth) { flush(); spaceWidth = 0; }
      if (wordWidth <= maxWidth) {
        if (current.length) current.push(...spaces);
        current.push(...word);
        width += spaceWidth + wordWidth;
      } else {
        for (const chunk of breakLongWord(word, style.size, maxWidth)) {
          if (current.length) flush();
          current.push(...chunk);
          width = widthOf(chunk, style.size);
        }
      }
    }
    flush();
  }
  return lines;
}
