/**
 * File type by magic bytes, never by name or declared type: a PDF starts with `%PDF-`, a JPEG
 * with FF D8 FF, a PNG with its 8-byte signature. Everything else is refused, and the usual
 * suspects are named so the person learns why (iPhone photos in HEIC, Office files, archives,
 * programs renamed to .pdf).
 */

export type Detected = { ok: true; type: "pdf" | "jpeg" | "png" } | { ok: false; reason: RejectReason };

/** Why a file is refused; each has a text under `nachweisUpload.errors.<reason>`. */
export type RejectReason = "empty" | "heic" | "office" | "archive" | "executable" | "otherImage" | "unknown";

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

export function detectType(bytes: Uint8Array): Detected {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (startsWith(bytes, PDF)) return { ok: true, type: "pdf" };
  if (startsWith(bytes, JPEG)) return { ok: true, type: "jpeg" };
  if (startsWith(bytes, PNG)) return { ok: true, type: "png" };
  return { ok: false, reason: rejectReason(bytes) };
}

function rejectReason(bytes: Uint8Array): RejectReason {
  // ISO base media file: "....ftyp<brand>" – HEIC/HEIF photos (iPhone), AVIF.
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(brand)) return "heic";
    return "unknown";
  }
  // ZIP: .docx/.xlsx/.odt are ZIP containers too; tell them apart by a name inside.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
    return /word\/|xl\/|ppt\/|\[Content_Types\]\.xml|opendocument/.test(head) ? "office" : "archive";
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "office"; // .doc/.xls (OLE2)
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "office"; // {\rtf
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b])) return "archive";
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x23, 0x21])
    || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) return "executable"; // MZ, ELF, #!, Mach-O
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || startsWith(bytes, [0x42, 0x4d]) || startsWith(bytes, [0x49, 0x49, 0x2a, 0x00])
    || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && ascii(bytes, 8, 12) === "WEBP")) return "otherImage"; // GIF, BMP, TIFF, WebP
  return "unknown";
}
