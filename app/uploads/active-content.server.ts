/**
 * Active content in an uploaded PDF (ADR 0021): anything that runs, opens, submits or carries
 * another file when the caseworker opens the document. Every object of the file is looked at –
 * also those inside object streams and those nothing refers to – not only the catalogue, since
 * a viewer may find an action by any path. A name written with #-escapes (/Java#53cript) counts
 * as the name it spells.
 */
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from "pdf-lib";

/** Keys whose mere presence is active content. */
const ACTIVE_KEYS = new Set(["JS", "JavaScript", "EmbeddedFiles", "EmbeddedFile", "EF", "XFA", "RichMedia", "RichMediaContent", "RichMediaSettings", "Launch"]);
/** Action types (/S) that run, open, send or play something; GoTo (a page of this document) and URI (a link) stay. */
const ACTIVE_ACTIONS = new Set(["JavaScript", "Launch", "SubmitForm", "ImportData", "GoToE", "GoToR", "RichMediaExecute", "Rendition", "Movie", "Sound", "GoTo3DView"]);
/** Object types (/Type, /Subtype) that carry files, media or scripts. */
const ACTIVE_TYPES = new Set(["EmbeddedFile", "FileAttachment", "RichMedia", "Movie", "Sound", "Screen", "3D"]);

const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? decodeName(o.asString()) : undefined);
export const decodeName = (raw: string) => raw.replace(/^\//, "").replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** What was found, as PDF names (empty: nothing active). */
export function findActiveContent(doc: PDFDocument): string[] {
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined, depth: number) => {
    if (!object || depth > 64 || seen.has(object)) return;
    seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = decodeName(key.asString());
        if (ACTIVE_KEYS.has(k)) found.add(k);
        if (k === "AA") found.add("AA");
        if (k === "OpenAction" && !(value instanceof PDFArray)) {
          // An OpenAction that only shows a page (a destination array or /S /GoTo) is harmless; any other is not.
          const action = value instanceof PDFDict ? value : doc.context.lookup(value);
          if (!(action instanceof PDFArray) && !(action instanceof PDFDict && nameOf(action.get(PDFName.of("S"))) === "GoTo")) found.add("OpenAction");
        }
        if (k === "S" && ACTIVE_ACTIONS.has(nameOf(value) ?? "")) found.add(nameOf(value)!);
        if ((k === "Type" || k === "Subtype") && ACTIVE_TYPES.has(nameOf(value) ?? "")) found.add(nameOf(value)!);
        visit(value, depth + 1);
      }
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item, depth + 1);
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object, 0);
  visit(doc.catalog, 0);
  visit(doc.context.trailerInfo.Root, 0);
  return [...found].sort();
}

/**
 * A backstop on the raw bytes, for what a lenient parser may not turn into objects (a broken
 * cross-reference table, an object outside any table): the same names, written plainly.
 */
export function rawActiveNames(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const found = new Set<string>();
  for (const m of text.matchAll(/\/(JavaScript|JS|Launch|EmbeddedFiles?|XFA|RichMedia|SubmitForm|ImportData)(?![A-Za-z0-9#])/g)) found.add(m[1]);
  return [...found].sort();
}
