/**
 * Every Nachweis is stored as a PDF: a JPEG or PNG becomes one A4 page (portrait, or landscape
 * for wide images), scaled to fit inside 15 mm margins and centred, with the JPEG's EXIF
 * orientation applied (phone photos are usually stored sideways with a "rotate me" tag).
 * A PNG is decoded and its pixels written anew; a JPEG is rebuilt from its image-coding segments
 * (no recompression; metadata and anything appended are dropped). Before any decoding, the size
 * an image declares is checked (decompression bombs), and the conversion runs in a worker thread
 * with bounded memory and time (image-worker.server.ts), so one upload cannot stall the server.
 * Uploaded PDFs are kept byte for byte, after checking that they open without a password and
 * carry no active content (ADR 0021).
 */
import {
  concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState,
} from "pdf-lib";
import { A4 } from "~/submission/pdf/layout.server";
import { CREATOR, PRODUCER } from "~/submission/pdf/pdfa.server";
import { findActiveContent, rawActiveNames } from "./active-content.server";
import { imageSize, rebuildJpeg, sizeProblem } from "./image-header";
import { runInWorker } from "./image-worker.server";

/** 15 mm in points. */
const MARGIN = (15 / 25.4) * 72;

export type ConvertResult = { ok: true; pdf: Buffer } | { ok: false; reason: "damaged" | "encrypted" | "imageTooLarge" | "activeContent"; found?: string[] };

/** The PDF to store for received bytes of a detected type; the work is done in a worker thread. */
export async function toStoredPdf(type: "pdf" | "jpeg" | "png", bytes: Buffer, title: string, now: Date = new Date()): Promise<ConvertResult> {
  if (type !== "pdf") {
    const problem = sizeProblem(imageSize(type, bytes));
    if (problem) return { ok: false, reason: problem };
  }
  const result = await runInWorker(type, bytes, title, now);
  if (!result.ok) return result;
  if (type === "pdf") return { ok: true, pdf: bytes };
  return result.pdf ? { ok: true, pdf: result.pdf } : { ok: false, reason: "damaged" };
}

/** An uploaded PDF: opens without a password, has a page, carries no active content (in the worker). */
export async function checkPdf(bytes: Buffer): Promise<ConvertResult> {
  try {
    // (pdf-lib's EncryptedPDFError is not recognisable by instanceof: ask the document instead.)
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    if (doc.isEncrypted) return { ok: false, reason: "encrypted" };
    if (doc.getPageCount() < 1) return { ok: false, reason: "damaged" };
    const found = [...new Set([...findActiveContent(doc), ...rawActiveNames(bytes)])].sort();
    if (found.length > 0) return { ok: false, reason: "activeContent", found };
    return { ok: true, pdf: bytes };
  } catch {
    return { ok: false, reason: "damaged" };
  }
}

export async function imageToPdf(type: "jpeg" | "png", bytes: Uint8Array, title: string, now: Date = new Date()): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  // pdf-lib reads JPEG headers through a DataView on `.buffer`, ignoring byteOffset: Node's small
  // Buffers sit inside a shared pool, so hand it a copy that starts at offset 0.
  const problem = sizeProblem(imageSize(type, bytes));
  if (problem) throw new Error(`Image refused: ${problem}`);
  const rebuilt = type === "jpeg" ? rebuildJpeg(bytes) : bytes;
  if (!rebuilt) throw new Error("Damaged JPEG");
  const own = new Uint8Array(rebuilt);
  const image = type === "jpeg" ? await doc.embedJpg(own) : await doc.embedPng(own);
  const orientation = type === "jpeg" ? exifOrientation(bytes) : 1;
  const swap = orientation >= 5;
  const shown = swap ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
  const [w, h] = shown.width > shown.height ? [A4[1], A4[0]] : A4;
  const page = doc.addPage([w, h]);
  const scale = Math.min((w - 2 * MARGIN) / shown.width, (h - 2 * MARGIN) / shown.height);
  const box = { width: shown.width * scale, height: shown.height * scale };
  const x0 = (w - box.width) / 2;
  const y0 = (h - box.height) / 2;
  // The image's unit square (s right, t up) → the box on the page, turned as EXIF says.
  const at = (s: number, t: number) => {
    const [xn, yDown] = orient(orientation, s, 1 - t);
    return [x0 + box.width * xn, y0 + box.height * (1 - yDown)] as const;
  };
  const [e, f] = at(0, 0);
  const [ax, ay] = at(1, 0);
  const [cx, cy] = at(0, 1);
  const name = page.node.newXObject("Image", image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(ax - e, ay - f, cx - e, cy - f, e, f), drawObject(name), popGraphicsState());
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * Where a stored point (u right, v down, both 0..1) appears on the upright image (x right,
 * y down), for EXIF orientations 1–8.
 */
function orient(o: number, u: number, v: number): [number, number] {
  switch (o) {
    case 2: return [1 - u, v];
    case 3: return [1 - u, 1 - v];
    case 4: return [u, 1 - v];
    case 5: return [v, u];
    case 6: return [1 - v, u];
    case 7: return [1 - v, 1 - u];
    case 8: return [v, 1 - u];
    default: return [u, v];
  }
}

/** The EXIF Orientation tag (0x0112) of a JPEG's APP1 segment; 1 when absent or unreadable. */
export function exifOrientation(jpeg: Uint8Array): number {
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff) {
    const marker = jpeg[pos + 1];
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan
    const length = view.getUint16(pos + 2);
    if (marker === 0xe1 && length >= 16 && String.fromCharCode(...jpeg.subarray(pos + 4, pos + 8)) === "Exif") {
      return orientationFromTiff(view, pos + 10, pos + 2 + length);
    }
    pos += 2 + length;
  }
  return 1;
}

function orientationFromTiff(view: DataView, tiff: number, end: number): number {
  try {
    const little = view.getUint16(tiff) === 0x4949;
    const u16 = (at: number) => view.getUint16(at, little);
    const u32 = (at: number) => view.getUint32(at, little);
    if (u16(tiff + 2) !== 42) return 1;
    const ifd = tiff + u32(tiff + 4);
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (entry + 12 > end) break;
      if (u16(entry) === 0x0112) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
  } catch {
    // a truncated EXIF block: treat as upright
  }
  return 1;
}
