/**
 * File names as people's devices send them, made safe to show, store and write into a folder
 * drop: no path, no control or bidi-override characters, no characters Windows forbids, no
 * leading dots, at most 120 characters; Unicode letters (ä, ş, ع, 中) stay.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const FORBIDDEN = /[<>:"/\\|?*]/g;
const MAX_LENGTH = 120;

export function sanitizeFileName(raw: string | undefined | null, fallback = "Datei"): string {
  const base = (raw ?? "").split(/[/\\]/).pop() ?? "";
  let name = base.normalize("NFC").replace(CONTROL, "").replace(FORBIDDEN, "_").replace(/\s+/g, " ").trim().replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if ([...name].length > MAX_LENGTH) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : "";
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX_LENGTH - ext.length).join("").trim() + ext;
  }
  return name || fallback;
}

/** The name of the stored PDF: the sanitised name with its extension replaced by ".pdf". */
export function pdfFileName(original: string): string {
  const name = sanitizeFileName(original);
  const stem = name.replace(/\.(pdf|jpe?g|png|heic|heif|tiff?|gif|bmp|webp)$/i, "");
  return `${stem || "Datei"}.pdf`;
}
