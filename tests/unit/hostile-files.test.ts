/**
 * The hostile-file corpus (ADR 0021), without a database: decompression bombs are refused from
 * their headers before anything is decoded, and quickly; PDFs with active content (JavaScript,
 * OpenAction, Launch, embedded files) are refused by name, also when hidden in an object stream;
 * images are rebuilt, so a JPEG+ZIP polyglot's ZIP does not travel into the stored PDF; image
 * work runs in a worker thread with a deadline, and the event loop keeps turning meanwhile.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkFiles } from "~/uploads/accept.server";
import { decodeName, findActiveContent, rawActiveNames } from "~/uploads/active-content.server";
import { exifOrientation, toStoredPdf } from "~/uploads/convert.server";
import { detectType } from "~/uploads/detect.server";
import { imageSize, rebuildJpeg, sizeProblem } from "~/uploads/image-header";
import { runInWorker } from "~/uploads/image-worker.server";
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "~/uploads/limits";
import {
  disguised, makeJpeg, makePdf, makePng, makeZip, pdfOpeningAtPage, pdfWithEmbeddedFile, pdfWithJavaScript, pdfWithLaunchInObjectStream,
  pngBomb, polyglot, withDeclaredSize, withOrientation,
} from "../fixtures/files";

const dir = mkdtempSync(join(tmpdir(), "portal-hostile-"));
const file = (name: string, bytes: Buffer | undefined, size = bytes?.length ?? 0) => ({ field: "datei", name, size, bytes });
const MARKER = "POLYGLOT-ZIP-PAYLOAD-4711";

/** Every stream of a PDF, inflated where it is deflated, and the raw file: where a payload could hide. */
function everything(pdf: Buffer): string {
  const parts = [pdf.toString("latin1")];
  for (const m of pdf.toString("latin1").matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = pdf.indexOf("endstream", start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      parts.push(pdf.subarray(start, end).toString("latin1"));
    }
  }
  return parts.join("\n");
}

describe("image sizes from the header, before any decoding", () => {
  it("reads PNG (IHDR) and JPEG (SOF) dimensions", async () => {
    expect(imageSize("png", makePng(30, 20))).toEqual({ width: 30, height: 20 });
    expect(imageSize("jpeg", await makeJpeg(64, 32))).toEqual({ width: 64, height: 32 });
    expect(imageSize("jpeg", withOrientation(await makeJpeg(64, 32), 6))).toEqual({ width: 64, height: 32 }); // past the EXIF segment
    expect(imageSize("png", pngBomb())).toEqual({ width: 20000, height: 20000 });
    expect(imageSize("jpeg", withDeclaredSize(await makeJpeg(16, 16)))).toEqual({ width: 65000, height: 65000 });
  });

  it("knows the limits: pixels in all and per side", () => {
    expect(sizeProblem({ width: 4032, height: 3024 })).toBeUndefined(); // a 12 MP phone photo
    expect(sizeProblem({ width: 8000, height: 5000 })).toBeUndefined(); // exactly 40 MP
    expect(MAX_IMAGE_PIXELS).toBe(40_000_000);
    expect(sizeProblem({ width: 8000, height: 5001 })).toBe("imageTooLarge");
    expect(sizeProblem({ width: MAX_IMAGE_SIDE + 1, height: 10 })).toBe("imageTooLarge");
    expect(sizeProblem({ width: 0, height: 10 })).toBe("damaged");
    expect(sizeProblem(undefined)).toBe("damaged");
  });

  it("refuses a 48 KB PNG declaring 20000 × 20000 pixels at once, without decoding it", async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(64 * 1024);
    const started = performance.now();
    const checked = await checkFiles([file("scan.png", bomb)], "sonstiges");
    expect(checked.errors).toEqual([{ nachweis: "sonstiges", code: "imageTooLarge", file: "scan.png" }]);
    // Decoding it takes over 30 s and 3 GB; refused from the header it takes a millisecond. The
    // bound is loose so that a loaded CI machine cannot make it fail, and still proves no decode.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("refuses a JPEG whose header declares 65000 × 65000 pixels", async () => {
    const huge = withDeclaredSize(await makeJpeg(16, 16));
    expect(await toStoredPdf("jpeg", huge, "x")).toEqual({ ok: false, reason: "imageTooLarge" });
  });
});

describe("active content in PDFs", () => {
  it("refuses JavaScript run on opening (/OpenAction, /JavaScript name tree), saying why", async () => {
    const pdf = await pdfWithJavaScript();
    const result = await toStoredPdf("pdf", pdf, "x");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("activeContent");
    expect(!result.ok && result.found).toEqual(expect.arrayContaining(["JS", "JavaScript", "OpenAction"]));
    const checked = await checkFiles([file("Kontoauszug.pdf", pdf)], "kontoauszug");
    expect(checked.errors).toEqual([{ nachweis: "kontoauszug", code: "activeContent", file: "Kontoauszug.pdf" }]);
    expect(checked.accepted).toEqual([]);
  });

  it("refuses embedded files", async () => {
    const result = await toStoredPdf("pdf", await pdfWithEmbeddedFile(), "x");
    expect(!result.ok && result.reason).toBe("activeContent");
    expect(!result.ok && result.found).toEqual(expect.arrayContaining(["EmbeddedFile", "EmbeddedFiles"]));
  });

  it("finds a Launch action hidden in a compressed object stream (not visible in the raw bytes)", async () => {
    const pdf = await pdfWithLaunchInObjectStream();
    expect(rawActiveNames(pdf)).toEqual([]);
    const found = findActiveContent(await PDFDocument.load(pdf));
    expect(found).toEqual(expect.arrayContaining(["Launch", "OpenAction"]));
    expect(await toStoredPdf("pdf", pdf, "x")).toMatchObject({ ok: false, reason: "activeContent" });
  });

  it("reads #-escaped names as the names they spell", () => {
    expect(decodeName("/Java#53cript")).toBe("JavaScript");
    expect(decodeName("/Open#41ction")).toBe("OpenAction");
  });

  it("keeps harmless PDFs byte for byte: plain, and one that opens at its first page", async () => {
    for (const pdf of [await makePdf(2), await pdfOpeningAtPage()]) {
      const kept = await toStoredPdf("pdf", pdf, "x");
      expect(kept.ok && kept.pdf.equals(pdf)).toBe(true);
    }
  });
});

describe("images are rebuilt: nothing but the picture travels", () => {
  it("a JPEG+ZIP polyglot becomes a PDF without the ZIP, the comment or the EXIF block", async () => {
    const jpeg = withOrientation(await makeJpeg(80, 40), 6);
    const hostile = polyglot(jpeg, MARKER);
    expect(detectType(hostile)).toEqual({ ok: true, type: "jpeg" });
    expect(hostile.includes(MARKER)).toBe(true);
    const result = await toStoredPdf("jpeg", hostile, "foto");
    expect(result.ok).toBe(true);
    const pdf = (result as { pdf: Buffer }).pdf;
    const inside = everything(pdf);
    expect(inside).not.toContain(MARKER);
    expect(inside).not.toContain("PK\u0003\u0004");
    expect(inside).not.toContain("Exif");
    const path = join(dir, "polyglot.pdf");
    writeFileSync(path, pdf);
    expect(execFileSync("qpdf", ["--check", path], { encoding: "utf8" })).toContain("No syntax or stream encoding errors found");
    // The orientation was read before the EXIF block was dropped: a sideways photo comes out on a portrait page.
    expect(execFileSync("pdfinfo", [path], { encoding: "utf8" })).toMatch(/Page size:\s+595\.28 x 841\.89 pts/);
  });

  it("rebuildJpeg keeps the image segments only, and refuses a broken structure", async () => {
    const jpeg = await makeJpeg(40, 20);
    const rebuilt = rebuildJpeg(polyglot(withOrientation(jpeg, 3), MARKER))!;
    expect(Buffer.from(rebuilt).includes(MARKER)).toBe(false);
    expect(exifOrientation(rebuilt)).toBe(1);
    expect([...rebuilt.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(imageSize("jpeg", rebuilt)).toEqual({ width: 40, height: 20 });
    expect(rebuildJpeg(jpeg.subarray(0, 40))).toBeUndefined();
  });

  it("a PNG with a ZIP appended is decoded and its pixels written anew", async () => {
    const hostile = Buffer.concat([makePng(20, 20), makeZip("payload.txt", MARKER)]);
    const result = await toStoredPdf("png", hostile, "bild");
    expect(result.ok).toBe(true);
    expect(everything((result as { pdf: Buffer }).pdf)).not.toContain(MARKER);
  });
});

describe("the rest of the corpus gets a reason", () => {
  it("renamed programs, zero bytes and oversize files are refused by name", async () => {
    const checked = await checkFiles([
      file("Lohnabrechnung.pdf", disguised.exe), file("Bescheid.jpg", disguised.elf), file("leer.pdf", Buffer.alloc(0)),
      file("riesig.pdf", undefined, MAX_FILE_BYTES + 1),
    ], "sonstiges");
    expect(checked.errors.map((e) => [e.file, e.code])).toEqual([
      ["Lohnabrechnung.pdf", "executable"], ["Bescheid.jpg", "executable"], ["leer.pdf", "empty"], ["riesig.pdf", "tooLarge"],
    ]);
  });

  it("an accepted file keeps the hash of the bytes as received (for idempotent uploads)", async () => {
    const png = makePng(4, 4);
    const checked = await checkFiles([file("a.png", png)], "sonstiges");
    expect(checked.accepted[0].receivedSha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await checkFiles([file("a.png", png)], "sonstiges");
    expect(again.accepted[0].receivedSha256).toBe(checked.accepted[0].receivedSha256);
  });
});

describe("image work off the request thread", () => {
  it("a worker past its deadline is ended and the image refused", async () => {
    const result = await runInWorker("png", makePng(1500, 1500, (x, y) => [x % 256, y % 256, (x * y) % 256]), "x", new Date(), 1);
    expect(result).toEqual({ ok: false, reason: "imageTooLarge" });
  });

  it("the event loop keeps turning while a large image is converted", async () => {
    const png = makePng(2500, 2000, (x, y) => [x % 256, y % 256, (x + y) % 256]);
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const result = await toStoredPdf("png", png, "gross");
    const total = performance.now() - started;
    clearInterval(ticker);
    expect(result.ok).toBe(true);
    // On the request thread the loop would stand still for the whole conversion (about 2 s
    // here). Relative to it, so that a busy CI machine, which slows both, cannot fail it.
    expect(longest).toBeLessThan(Math.max(250, total / 4));
  });
});
