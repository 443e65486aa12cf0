/**
 * The pixel size an image declares in its header, read without decoding anything: a PNG's IHDR
 * chunk, a JPEG's SOF segment (baseline, progressive, lossless, arithmetic). Used to refuse
 * decompression bombs before a decoder allocates memory for them.
 */
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "./limits";

export interface ImageSize {
  width: number;
  height: number;
}

export function imageSize(type: "jpeg" | "png", bytes: Uint8Array): ImageSize | undefined {
  return type === "png" ? pngSize(bytes) : jpegSize(bytes);
}

/** IHDR must be the first chunk: length 13 at byte 8, "IHDR" at 12, width and height at 16 and 20. */
function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers: C0–CF except C4 (DHT), C8 (reserved) and CC (DAC). */
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1];
    if (marker === 0xff) { pos++; continue; } // fill byte
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { pos += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) return undefined; // image or scan before any frame header
    const length = view.getUint16(pos + 2);
    if (length < 2) return undefined;
    if (isSof(marker)) {
      if (pos + 9 > bytes.length) return undefined;
      return { width: view.getUint16(pos + 7), height: view.getUint16(pos + 5) };
    }
    pos += 2 + length;
  }
  return undefined;
}

/** Why an image with this declared size is not decoded: none, unreadable, or over the limits. */
export function sizeProblem(size: ImageSize | undefined): "damaged" | "imageTooLarge" | undefined {
  if (!size || size.width === 0 || size.height === 0) return "damaged";
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) return "imageTooLarge";
  return undefined;
}

/**
 * The JPEG rebuilt from its image-coding segments only: quantisation and Huffman tables, frame
 * and scan headers with their entropy-coded data, restart intervals, Adobe's colour-transform
 * flag. Everything else – EXIF (with GPS position), comments, other APPn segments, and whatever
 * follows the end-of-image marker (a ZIP appended to make a polyglot) – is dropped. Returns
 * undefined when the structure does not hold.
 */
export function rebuildJpeg(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [Uint8Array.of(0xff, 0xd8)];
  let pos = 2;
  let frame = false;
  while (pos + 2 <= bytes.length) {
    if (bytes[pos] !== 0xff) return undefined;
    const marker = bytes[pos + 1];
    if (marker === 0xff) { pos++; continue; }
    if (marker === 0xd9) {
      out.push(Uint8Array.of(0xff, 0xd9));
      return frame ? concat(out) : undefined;
    }
    if (pos + 4 > bytes.length) return undefined;
    const length = view.getUint16(pos + 2);
    const end = pos + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    const segment = bytes.subarray(pos, end);
    const adobe = marker === 0xee && length >= 12 && String.fromCharCode(...bytes.subarray(pos + 4, pos + 9)) === "Adobe";
    if (isSof(marker)) frame = true;
    if (isSof(marker) || adobe || marker === 0xdb || marker === 0xc4 || marker === 0xdd || marker === 0xcc || marker === 0xdc) out.push(segment);
    else if (marker === 0xda) {
      if (!frame) return undefined;
      // The scan header, then entropy-coded data up to the next marker (not a stuffed 00 or a restart marker).
      let scan = end;
      while (scan + 1 < bytes.length && !(bytes[scan] === 0xff && bytes[scan + 1] !== 0x00 && !(bytes[scan + 1] >= 0xd0 && bytes[scan + 1] <= 0xd7))) scan++;
      if (scan + 1 >= bytes.length) return undefined;
      out.push(bytes.subarray(pos, scan));
      pos = scan;
      continue;
    } else if (!((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe)) return undefined; // an unknown segment: not taken
    pos = end;
  }
  return undefined;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
