/**
 * A small cursor-based A4 layout: content flows down the page and onto new pages; titles,
 * section headings, label/value rows, paragraphs and checklist items. Every page gets a header
 * when it is created and a "Seite x von y" footer at the end, when the page count is known.
 * A flow can switch to right-to-left (the Arabic half of the receipt): alignment and the
 * label/value columns mirror. The PDF is tagged as it is drawn (tags.server.ts): a title is H1,
 * a heading H2, a subheading H3, running text P, label/value rows a table, checklist items a
 * list, each part with its language; headers, footers and rules are artifacts.
 */
import type { PDFDocument } from "pdf-lib";
import { BLACK, PageCanvas, type Rgb } from "./canvas.server";
import { DocumentFonts } from "./fonts.server";
import { drawLine } from "./glyphs.server";
import { ARTIFACT, END, StructureTree, type StructElement, type StructType } from "./tags.server";
import { layoutText, type Direction, type Line, type TextStyle } from "./text.server";

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = { left: 56, right: 56, top: 74, bottom: 64 };
const CONTENT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 170;
const COLUMN_GAP = 14;
const LINE_FACTOR = 1.35;
/** Where the baseline sits in a line box, from its bottom: room for descenders below. */
const BASELINE = 0.27;

export const GREY: Rgb = [0.35, 0.35, 0.35];
const RULE: Rgb = [0.78, 0.78, 0.78];

const STYLES = {
  title: { size: 17, bold: true },
  subtitle: { size: 10, color: GREY },
  heading: { size: 12, bold: true },
  subheading: { size: 10.5, bold: true },
  label: { size: 9, color: GREY },
  value: { size: 10 },
  text: { size: 10 },
  small: { size: 8, color: GREY },
  code: { size: 7.5 },
} satisfies Record<string, TextStyle>;

export interface PageDecor {
  /** Draws the running header on a new page (top margin area). */
  header?: (flow: PageFlow) => void;
  /** The footer text of a page, e.g. "Seite 2 von 3". */
  footer: (page: number, pages: number) => string;
}

export class PageFlow {
  private readonly fonts: DocumentFonts;
  private readonly canvases: PageCanvas[] = [];
  private canvas!: PageCanvas;
  /** The cursor: top edge of the next line box, in points from the page bottom. */
  private y = 0;
  private direction: "ltr" | "rtl" = "ltr";
  private readonly pageDecor: PageDecor[] = [];
  private readonly tags = new StructureTree();
  /** Where blocks go in the structure: the document, or a part in its own language. */
  private part: StructElement = this.tags.root;
  /** The table or list consecutive rows or checklist items share. */
  private group?: StructElement;

  constructor(readonly doc: PDFDocument, private decor: PageDecor) {
    this.fonts = new DocumentFonts(doc);
    this.newPage();
  }

  /** Switches header/footer and direction for what follows, starting on a fresh page; `lang` tags the part. */
  startPart(decor: PageDecor, direction: "ltr" | "rtl", lang?: string): void {
    this.decor = decor;
    this.direction = direction;
    this.newPage();
    this.openPart(lang);
  }

  /** Sets the direction (and the language) of the current part without a page break (the first part). */
  setDirection(direction: "ltr" | "rtl", lang?: string): void {
    this.direction = direction;
    this.openPart(lang);
  }

  private openPart(lang: string | undefined): void {
    if (lang) this.part = this.tags.open("Part", this.tags.root, lang);
    this.group = undefined;
  }

  /** A new block element in the current part (ending a table or list). */
  private element(type: StructType): StructElement {
    this.group = undefined;
    return this.tags.open(type, this.part);
  }

  /** The table or list that consecutive rows or items share. */
  private grouped(type: "Table" | "L"): StructElement {
    if (this.group?.type !== type) this.group = this.tags.open(type, this.part);
    return this.group;
  }

  private newPage(): void {
    this.canvas = new PageCanvas(this.doc.addPage(A4), this.fonts);
    this.canvases.push(this.canvas);
    this.pageDecor.push(this.decor);
    this.y = A4[1] - MARGIN.top;
    this.decor.header?.(this);
  }

  /** Breaks the page unless `height` points still fit. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  title(text: string, subtitle?: string): void {
    this.block(text, STYLES.title, this.element("H1"));
    if (subtitle) this.block(subtitle, STYLES.subtitle, this.element("P"));
    this.gap(8);
  }

  /** A section heading with a rule; kept together with the first lines after it. */
  heading(text: string): void {
    this.headingLines(text, STYLES.heading, { reserve: 8, before: 10, keepWith: 3 }, this.element("H2"));
    this.canvas.line(MARGIN.left, this.y, MARGIN.left + CONTENT_WIDTH, this.y, 0.8, BLACK);
    this.gap(4);
  }

  /** A heading inside a section (one change, one attachment); kept with what follows. */
  subheading(text: string): void {
    this.headingLines(text, STYLES.subheading, { reserve: 6, before: 6, keepWith: 2 }, this.element("H3"));
  }

  /** Draws a heading's lines, first moving to a new page unless `keepWith` value lines fit after it. */
  private headingLines(text: string, style: (typeof STYLES)[keyof typeof STYLES], space: { reserve: number; before: number; keepWith: number }, tag: StructElement): void {
    const lines = this.lines(text, style, CONTENT_WIDTH);
    this.ensure(lineHeight(style) * lines.length + space.reserve + space.keepWith * lineHeight(STYLES.value));
    this.gap(space.before);
    this.drawLines(lines, style, MARGIN.left, CONTENT_WIDTH, tag);
    this.gap(2); // below the descenders
  }

  /** A paragraph of running text over the full width. */
  paragraph(text: string, style: TextStyle = STYLES.text): void {
    this.block(text, style, this.element("P"));
    this.gap(3);
  }

  /** Small print, e.g. explanations under a section heading. */
  note(text: string): void {
    this.paragraph(text, STYLES.small);
  }

  /**
   * A label/value row: label column and value column, mirrored in right-to-left parts. The
   * value's direction comes from its content (names and addresses stay left-to-right in the
   * Arabic part). `small` fits long codes such as a SHA-256 on one line.
   */
  row(label: string, value: string, options: { small?: boolean } = {}): void {
    const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP;
    const valueStyle = options.small ? STYLES.code : STYLES.value;
    const labelLines = this.lines(label, STYLES.label, LABEL_WIDTH);
    const valueLines = layoutText(value || "–", valueStyle, valueWidth, "auto");
    const rtl = this.direction === "rtl";
    const labelX = rtl ? MARGIN.left + CONTENT_WIDTH - LABEL_WIDTH : MARGIN.left;
    const valueX = rtl ? MARGIN.left : MARGIN.left + LABEL_WIDTH + COLUMN_GAP;
    const step = lineHeight(STYLES.value);
    this.ensure(step * Math.min(2, Math.max(labelLines.length, valueLines.length)) + 4);
    // Tagged as a table row: the label its header cell, the value its data cell.
    const tr = this.tags.open("TR", this.grouped("Table"));
    const th = this.tags.open("TH", tr);
    const td = this.tags.open("TD", tr);
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      this.ensure(step);
      this.y -= step;
      // One baseline for both columns, though the label is smaller.
      const baseline = this.y + step * BASELINE;
      if (labelLines[i]) this.place(labelLines[i], labelX, LABEL_WIDTH, baseline, STYLES.label, th);
      if (valueLines[i]) this.place(valueLines[i], valueX, valueWidth, baseline, valueStyle, td);
    }
    this.y -= 4;
    this.canvas.line(MARGIN.left, this.y + 1, MARGIN.left + CONTENT_WIDTH, this.y + 1, 0.4, RULE);
    this.y -= 2;
  }

  /** A checklist item: an empty box to tick by hand, then the text. */
  checkItem(text: string, detail?: string): void {
    const box = 9;
    const indent = box + 8;
    const lines = this.lines(text, STYLES.value, CONTENT_WIDTH - indent);
    const details = detail ? this.lines(detail, STYLES.small, CONTENT_WIDTH - indent) : [];
    const step = lineHeight(STYLES.value);
    this.ensure(step * (lines.length + details.length) + 4);
    const rtl = this.direction === "rtl";
    const top = this.y;
    this.canvas.box(rtl ? MARGIN.left + CONTENT_WIDTH - box : MARGIN.left, top - 0.75 * step - 1, box, box, 0.8, BLACK);
    const textX = rtl ? MARGIN.left : MARGIN.left + indent;
    const body = this.tags.open("LBody", this.tags.open("LI", this.grouped("L")));
    this.drawLines(lines, STYLES.value, textX, CONTENT_WIDTH - indent, body);
    this.drawLines(details, STYLES.small, textX, CONTENT_WIDTH - indent, body);
    this.gap(4);
  }

  /** Text at a fixed place, outside the flow (headers, footers). */
  textAt(text: string, style: TextStyle, x: number, y: number, width: number, align: "start" | "end" | "center"): void {
    // Running headers and footers repeat on every page: artifacts, not the document's text.
    this.canvas.write(ARTIFACT);
    for (const line of this.lines(text, style, width)) {
      const left = align === "center" ? x + (width - line.width) / 2 : align === "end" ? x + width - line.width : x;
      drawLine(this.canvas, line, left, y, style.color);
      y -= lineHeight(style);
    }
    this.canvas.write(END);
  }

  /** The page frame, for headers: left edge, width and the header's baseline. */
  get frame() {
    return { left: MARGIN.left, width: CONTENT_WIDTH, headerY: A4[1] - 40, footerY: 34 };
  }

  /** Draws footers (now that the page count is known), writes the pages, embeds the fonts. Call once, last. */
  finish(): void {
    const { left, width, footerY } = this.frame;
    this.canvases.forEach((canvas, i) => {
      this.canvas = canvas;
      canvas.line(left, footerY + 12, left + width, footerY + 12, 0.4, RULE);
      this.textAt(this.pageDecor[i].footer(i + 1, this.canvases.length), STYLES.small, left, footerY, width, "center");
      canvas.close();
    });
    this.tags.finish(this.doc, this.canvases.map((c) => c.page));
    this.fonts.finish();
  }

  private lines(text: string, style: TextStyle, width: number): Line[] {
    const direction: Direction = this.direction === "rtl" ? "rtl" : "auto";
    return layoutText(text, style, width, direction);
  }

  private block(text: string, style: TextStyle, tag: StructElement): void {
    this.drawLines(this.lines(text, style, CONTENT_WIDTH), style, MARGIN.left, CONTENT_WIDTH, tag);
  }

  /** Flows lines down from the cursor, breaking pages between lines. */
  private drawLines(lines: Line[], style: TextStyle, x: number, width: number, tag: StructElement): void {
    const step = lineHeight(style);
    for (const line of lines) {
      this.ensure(step);
      this.y -= step;
      this.place(line, x, width, this.y + step * BASELINE, style, tag);
    }
  }

  /**
   * Lines align to their column's start edge: the right one in right-to-left parts and for
   * right-to-left paragraphs (an Arabic remark in the German PDF), as dir="auto" does on the web.
   */
  private place(line: Line, x: number, width: number, baseline: number, style: TextStyle, tag: StructElement): void {
    const right = line.rtl || this.direction === "rtl";
    // Each line is marked content of its element, on the page it lands on.
    this.canvas.write(this.tags.mark(tag, this.canvases.length - 1));
    drawLine(this.canvas, line, right ? x + width - line.width : x, baseline, style.color);
    this.canvas.write(END);
  }
}

const lineHeight = (style: TextStyle) => style.size * LINE_FACTOR;
