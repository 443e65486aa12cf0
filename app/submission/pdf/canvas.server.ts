/**
 * One page's content stream, written as text. pdf-lib's operator objects cost more than all
 * the layout work (one object per number, slow number formatting, pako deflate); a page of a
 * form needs only a handful of operators, so they are written directly and the stream is
 * deflated once with Node's zlib, at its fastest level (the fonts dominate the file size).
 */
import { constants, deflateSync } from "node:zlib";
import { PDFName, type PDFPage } from "pdf-lib";
import type { DocumentFonts, FontFace } from "./fonts.server";
import { ARTIFACT, END } from "./tags.server";

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];

/** A number as content-stream text: two decimals are far below what print resolves. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

const color = (c: Rgb) => c.map(num).join(" ");

export class PageCanvas {
  private readonly parts: string[] = [];
  private readonly fontNames = new Map<FontFace, string>();

  constructor(readonly page: PDFPage, readonly fonts: DocumentFonts) {}

  /** The page's resource name for a face, registered on first use. */
  fontName(face: FontFace): string {
    let name = this.fontNames.get(face);
    if (!name) {
      name = `F-${face.faceName}`;
      this.page.node.setFontDictionary(PDFName.of(name), this.fonts.ref(face));
      this.fontNames.set(face, name);
    }
    return name;
  }

  write(operators: string): void {
    this.parts.push(operators);
  }

  /** A rule: decoration, an artifact of the tagged PDF (tags.server.ts). */
  line(x1: number, y1: number, x2: number, y2: number, width: number, stroke: Rgb): void {
    this.write(`${ARTIFACT} q ${num(width)} w ${color(stroke)} RG ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q ${END}`);
  }

  /** An unfilled rectangle (checkbox): an artifact too. */
  box(x: number, y: number, w: number, h: number, width: number, stroke: Rgb): void {
    this.write(`${ARTIFACT} q ${num(width)} w ${color(stroke)} RG ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S Q ${END}`);
  }

  fillColor(fill: Rgb): string {
    return `${color(fill)} rg`;
  }

  /** Writes the content stream into the page. Call once, after everything is drawn. */
  close(): void {
    const { context } = this.page.doc;
    const bytes = deflateSync(Buffer.from(this.parts.join("\n"), "latin1"), { level: constants.Z_BEST_SPEED });
    this.page.node.set(PDFName.of("Contents"), context.register(context.stream(bytes, { Filter: "FlateDecode" })));
  }
}
