/**
 * Drawing laid-out lines: each piece at its absolute x, its glyphs as TJ operators with the
 * positions shaping gave them. pdf-lib's drawText would drop GPOS offsets, which put Arabic
 * vowel marks (and kerning) in place.
 */
import { BLACK, num, type PageCanvas, type Rgb } from "./canvas.server";
import { hex4, type FontFace, type Shaped } from "./fonts.server";
import type { Line } from "./text.server";

/**
 * TJ operators that put every glyph where shaping placed it: kerning and mark offsets become
 * TJ adjustments (1/1000 em, negative moves right), vertical mark offsets a text rise (Ts).
 */
function showGlyphs(shaped: Shaped, size: number): string {
  let bySize = shows.get(shaped);
  if (!bySize) shows.set(shaped, (bySize = new Map()));
  let ops = bySize.get(size);
  if (ops === undefined) bySize.set(size, (ops = glyphOperators(shaped, size)));
  return ops;
}

/** Operators per shaped run and size: runs are cached, so their operators can be too. */
const shows = new WeakMap<Shaped, Map<number, string>>();

function glyphOperators(shaped: Shaped, size: number): string {
  const ops: string[] = [];
  let items = "";
  let ids = "";
  const flushIds = () => {
    if (ids) items += `<${ids}>`;
    ids = "";
  };
  const flushShow = () => {
    flushIds();
    if (items) ops.push(`[${items}] TJ`);
    items = "";
  };
  let rise = 0;
  let at = 0; // where the text position is after the last glyph shown
  let pen = 0; // where shaping puts the next glyph's origin
  for (const g of shaped.glyphs) {
    if (g.dy !== rise) {
      flushShow();
      ops.push(`${num((g.dy * size) / 1000)} Ts`);
      rise = g.dy;
    }
    const shift = pen + g.dx - at;
    if (Math.abs(shift) >= 0.5) {
      flushIds();
      items += ` ${num(-shift)} `;
    }
    ids += hex4(g.id);
    at = pen + g.dx + g.width;
    pen += g.advance;
  }
  flushShow();
  if (rise !== 0) ops.push("0 Ts");
  return ops.join(" ");
}

/** Draws a line with its left edge at x and its baseline at y. */
export function drawLine(canvas: PageCanvas, line: Line, x: number, y: number, color: Rgb = BLACK): void {
  const ops = ["BT", canvas.fillColor(color)];
  let pen = x;
  let face: FontFace | undefined;
  for (const piece of line.pieces) {
    if (piece.shaped.glyphs.length) {
      if (piece.face !== face) {
        face = piece.face;
        ops.push(`/${canvas.fontName(face)} ${num(line.size)} Tf`);
      }
      canvas.fonts.noteGlyphs(face, piece.shaped);
      ops.push(`1 0 0 1 ${num(pen)} ${num(y)} Tm`, showGlyphs(piece.shaped, line.size));
    }
    pen += (piece.shaped.advance * line.size) / 1000;
  }
  ops.push("ET");
  canvas.write(ops.join(" "));
}
