/**
 * Nachweise upload, without a database: type by magic bytes (also for files that lie about
 * themselves by name), images to PDF (valid for qpdf and pdfinfo, EXIF orientation honoured,
 * checked on rendered pixels), limits, safe file names, and the streaming multipart reader with
 * its CSRF check.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CSRF_FIELD, csrfTokenFor, readVerifiedMultipartForm } from "~/security/csrf.server";
import { checkFiles } from "~/uploads/accept.server";
import { allowedNachweise, checklistOfModel, groupChecklist, keyOfSlot } from "~/uploads/checklist";
import { exifOrientation, imageToPdf, toStoredPdf } from "~/uploads/convert.server";
import { detectType } from "~/uploads/detect.server";
import { pdfFileName, sanitizeFileName } from "~/uploads/filename";
import { MAX_FILE_BYTES, MAX_FILES, MAX_FILES_PER_REQUEST } from "~/uploads/limits";
import { disguised, makeJpeg, makePdf, makePng, withOrientation } from "../fixtures/files";

const dir = mkdtempSync(join(tmpdir(), "portal-uploads-"));
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
function save(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Renders page 1 at 10 dpi as PPM and returns a pixel reader. */
function render(pdf: Uint8Array): { width: number; height: number; at: (x: number, y: number) => [number, number, number] } {
  const file = save(`render-${Math.random()}.pdf`, pdf);
  execFileSync("pdftoppm", ["-r", "10", "-singlefile", file, `${file}-img`]);
  const ppm = readFileSync(`${file}-img.ppm`);
  const header = ppm.toString("latin1", 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  return { width, height, at: (x, y) => [...ppm.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)] as [number, number, number] };
}
const blob = (b: Buffer) => new Blob([new Uint8Array(b)]);
const isRed = ([r, g, b]: number[]) => r > 180 && g < 90 && b < 90;
const isBlue = ([r, g, b]: number[]) => b > 180 && r < 90 && g < 90;

describe("type by magic bytes", () => {
  it("knows PDF, JPEG and PNG by their first bytes", async () => {
    expect(detectType(await makePdf())).toEqual({ ok: true, type: "pdf" });
    expect(detectType(await makeJpeg(20, 10))).toEqual({ ok: true, type: "jpeg" });
    expect(detectType(makePng(2, 2))).toEqual({ ok: true, type: "png" });
  });

  it("refuses everything else with a reason, whatever the file is called", () => {
    expect(detectType(disguised.exe)).toEqual({ ok: false, reason: "executable" });
    expect(detectType(disguised.elf)).toEqual({ ok: false, reason: "executable" });
    expect(detectType(disguised.script)).toEqual({ ok: false, reason: "executable" });
    expect(detectType(disguised.zip)).toEqual({ ok: false, reason: "archive" });
    expect(detectType(disguised.docx)).toEqual({ ok: false, reason: "office" });
    expect(detectType(disguised.doc)).toEqual({ ok: false, reason: "office" });
    expect(detectType(disguised.heic)).toEqual({ ok: false, reason: "heic" });
    expect(detectType(disguised.gif)).toEqual({ ok: false, reason: "otherImage" });
    expect(detectType(disguised.text)).toEqual({ ok: false, reason: "unknown" });
    expect(detectType(disguised.html)).toEqual({ ok: false, reason: "unknown" });
    expect(detectType(Buffer.alloc(0))).toEqual({ ok: false, reason: "empty" });
  });

  it("decides by content, not by name: a program called .pdf is refused, a PNG called .pdf is converted", async () => {
    const file = (name: string, bytes: Buffer) => ({ field: "datei", name, size: bytes.length, bytes });
    const checked = await checkFiles([
      file("Kontoauszug.pdf", disguised.exe), file("Mietvertrag.pdf", disguised.docx), file("IMG_0001.jpg", disguised.heic),
      file("scan.pdf", makePng(4, 4)),
    ], "mietvertrag");
    expect(checked.errors.map((e) => [e.file, e.code])).toEqual([["Kontoauszug.pdf", "executable"], ["Mietvertrag.pdf", "office"], ["IMG_0001.jpg", "heic"]]);
    expect(checked.accepted).toHaveLength(1);
    expect(checked.accepted[0].pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("images become PDF", () => {
  it("a PNG becomes one valid A4 page (qpdf, pdfinfo)", async () => {
    const pdf = await imageToPdf("png", makePng(300, 400), "Foto");
    const file = save("png.pdf", pdf);
    expect(run("qpdf", "--check", file)).toContain("No syntax or stream encoding errors found");
    const info = run("pdfinfo", file);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it("a wide image gets a landscape page, scaled to fit inside the margins", async () => {
    const pdf = await imageToPdf("png", makePng(400, 100, (_, y) => (y < 50 ? [255, 0, 0] : [0, 0, 255])), "breit");
    expect(run("pdfinfo", save("wide.pdf", pdf))).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
    const page = render(pdf);
    const margin = Math.ceil((15 / 25.4) * 10);
    expect(isRed(page.at(margin + 2, Math.round(page.height / 2) - 2))).toBe(true);
    expect(isBlue(page.at(margin + 2, Math.round(page.height / 2) + 2))).toBe(true);
    expect(page.at(1, 1)).toEqual([255, 255, 255]); // the margin stays white
  });

  it("reads the EXIF orientation of a JPEG", async () => {
    const jpeg = await makeJpeg(40, 20);
    expect(exifOrientation(jpeg)).toBe(1);
    for (const o of [1, 3, 6, 8]) expect(exifOrientation(withOrientation(jpeg, o))).toBe(o);
  });

  it("honours EXIF orientation: a sideways phone photo comes out upright", async () => {
    const jpeg = await makeJpeg(200, 100); // red top, blue bottom
    const upright = render(await imageToPdf("jpeg", jpeg, "a"));
    expect(upright.width).toBeGreaterThan(upright.height); // landscape page
    expect(isRed(upright.at(Math.round(upright.width / 2), Math.round(upright.height * 0.4)))).toBe(true);

    // 6: turn 90° clockwise to view: the stored top (red) ends up on the right.
    const turned = await imageToPdf("jpeg", withOrientation(jpeg, 6), "b");
    expect(run("qpdf", "--check", save("turned.pdf", turned))).toContain("No syntax or stream encoding errors found");
    const cw = render(turned);
    expect(cw.height).toBeGreaterThan(cw.width); // portrait page
    expect(isRed(cw.at(Math.round(cw.width * 0.6), Math.round(cw.height / 2)))).toBe(true);
    expect(isBlue(cw.at(Math.round(cw.width * 0.4), Math.round(cw.height / 2)))).toBe(true);

    // 8: 90° counter-clockwise: red on the left. 3: upside down: red at the bottom.
    const ccw = render(await imageToPdf("jpeg", withOrientation(jpeg, 8), "c"));
    expect(isRed(ccw.at(Math.round(ccw.width * 0.4), Math.round(ccw.height / 2)))).toBe(true);
    const flipped = render(await imageToPdf("jpeg", withOrientation(jpeg, 3), "d"));
    expect(isRed(flipped.at(Math.round(flipped.width / 2), Math.round(flipped.height * 0.6)))).toBe(true);
  });

  it("keeps an uploaded PDF byte for byte, refuses damaged and password-protected ones", async () => {
    const pdf = await makePdf(2);
    const kept = await toStoredPdf("pdf", pdf, "x");
    expect(kept.ok && kept.pdf.equals(pdf)).toBe(true);
    expect(await toStoredPdf("pdf", Buffer.from("%PDF-1.7\nnot really a pdf"), "x")).toEqual({ ok: false, reason: "damaged" });
    const plain = save("plain.pdf", pdf);
    const locked = join(dir, "locked.pdf");
    execFileSync("qpdf", ["--encrypt", "geheim", "geheim", "256", "--", plain, locked]);
    expect(await toStoredPdf("pdf", readFileSync(locked), "x")).toEqual({ ok: false, reason: "encrypted" });
    expect(await toStoredPdf("png", Buffer.concat([makePng(2, 2).subarray(0, 30)]), "x")).toEqual({ ok: false, reason: "damaged" });
  });
});

describe("limits and names", () => {
  it("are 20 MB a file and 50 files", () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_FILES).toBe(50);
  });

  it("refuses a file over the size limit by name", async () => {
    const checked = await checkFiles([{ field: "datei", name: "riesig.pdf", size: MAX_FILE_BYTES + 1, bytes: undefined }], "sonstiges");
    expect(checked.errors).toEqual([{ nachweis: "sonstiges", code: "tooLarge", file: "riesig.pdf" }]);
  });

  it("sanitises file names: no paths or control characters, Unicode kept", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\Ana\\Lohnabrechnung Mai.pdf")).toBe("Lohnabrechnung Mai.pdf");
    expect(sanitizeFileName("Bescheid\u0000\u202egpj.exe")).toBe("Bescheidgpj.exe");
    expect(sanitizeFileName("Mietvertrag: Müller/Şahin?.pdf")).toBe("Şahin_.pdf");
    expect(sanitizeFileName("عقد الإيجار.pdf")).toBe("عقد الإيجار.pdf");
    expect(sanitizeFileName("Ärztliche Bescheinigung – März.pdf")).toBe("Ärztliche Bescheinigung – März.pdf");
    expect(sanitizeFileName("...")).toBe("Datei");
    expect(sanitizeFileName(".htaccess")).toBe("htaccess");
    expect([...sanitizeFileName(`${"ä".repeat(300)}.pdf`)].length).toBe(120);
    expect(sanitizeFileName(`${"ä".repeat(300)}.pdf`).endsWith(".pdf")).toBe(true);
    expect(pdfFileName("IMG_2024.JPG")).toBe("IMG_2024.pdf");
    expect(pdfFileName("Kontoauszug.pdf")).toBe("Kontoauszug.pdf");
  });
});

describe("multipart forms", () => {
  const cookie = "c".repeat(43);
  const token = csrfTokenFor(cookie);
  const request = (form: FormData, withCookie = true) =>
    new Request("http://localhost/antrag/veraenderung/nachweise", { method: "POST", body: form, headers: withCookie ? { Cookie: `csrf=${cookie}` } : {} });
  const limits = { maxFileBytes: 1000, maxFiles: 3 };

  it("reads text fields and files when the token comes first; keeps Unicode names; drops empty inputs", async () => {
    const form = new FormData();
    form.append(CSRF_FIELD, token);
    form.append("nachweis", "mietvertrag");
    form.append("datei", blob(makePng(2, 2)), "Straße 5 – Foto.png");
    form.append("datei", new Blob([]), "");
    form.append("datei", blob(Buffer.alloc(1001)), "gross.pdf");
    const { form: fields, files } = await readVerifiedMultipartForm(request(form), limits);
    expect(fields.get("nachweis")).toBe("mietvertrag");
    expect(files.map((f) => [f.name, f.size, f.bytes?.length])).toEqual([["Straße 5 – Foto.png", makePng(2, 2).length, makePng(2, 2).length], ["gross.pdf", 1001, undefined]]);
  });

  it("refuses a file before the token, a wrong token and a missing cookie with 403", async () => {
    const early = new FormData();
    early.append("datei", blob(makePng(2, 2)), "a.png");
    early.append(CSRF_FIELD, token);
    await expect(readVerifiedMultipartForm(request(early), limits)).rejects.toMatchObject({ status: 403 });
    const wrong = new FormData();
    wrong.append(CSRF_FIELD, "falsch");
    wrong.append("datei", blob(makePng(2, 2)), "a.png");
    await expect(readVerifiedMultipartForm(request(wrong), limits)).rejects.toMatchObject({ status: 403 });
    const none = new FormData();
    none.append(CSRF_FIELD, token);
    await expect(readVerifiedMultipartForm(request(none, false), limits)).rejects.toMatchObject({ status: 403 });
    const noToken = new FormData();
    noToken.append("nachweis", "x");
    await expect(readVerifiedMultipartForm(request(noToken), limits)).rejects.toMatchObject({ status: 403 });
  });

  it("ends a request with more file parts than allowed with 413", async () => {
    const form = new FormData();
    form.append(CSRF_FIELD, token);
    for (let i = 0; i < 4; i++) form.append("datei", blob(makePng(2, 2)), `${i}.png`);
    await expect(readVerifiedMultipartForm(request(form), limits)).rejects.toMatchObject({ status: 413 });
    expect(MAX_FILES_PER_REQUEST).toBeLessThanOrEqual(MAX_FILES);
  });

  it("reads plain (urlencoded) forms through readVerifiedForm", async () => {
    const body = new URLSearchParams({ [CSRF_FIELD]: token, intent: "remove", id: "x" });
    const req = new Request("http://localhost/x", { method: "POST", body, headers: { Cookie: `csrf=${cookie}`, "Content-Type": "application/x-www-form-urlencoded" } });
    const { form, files } = await readVerifiedMultipartForm(req, limits);
    expect(form.get("intent")).toBe("remove");
    expect(files).toEqual([]);
  });
});

describe("checklist", () => {
  it("groups by person and reason; a Nachweis asked per person gets a slot per person; duplicates collapse", () => {
    const items = [
      { key: "mietvertrag", reason: "umzug" },
      { key: "meldebescheinigung", reason: "umzug" },
      { key: "ausweis", reason: "personen", person: "Andrij K." },
      { key: "ausweis", reason: "personen", person: "Mila K." },
      { key: "ausweis", reason: "personen", person: "Andrij K." },
      { key: "lohnabrechnung", reason: "arbeitBeginn" },
      { key: "lohnabrechnung", reason: "lohn" },
    ];
    expect(groupChecklist(items)).toEqual([
      { reason: "umzug", person: undefined, items: [{ slot: "mietvertrag", key: "mietvertrag" }, { slot: "meldebescheinigung", key: "meldebescheinigung" }] },
      { reason: "personen", person: "Andrij K.", items: [{ slot: "ausweis-1", key: "ausweis" }] },
      { reason: "personen", person: "Mila K.", items: [{ slot: "ausweis-2", key: "ausweis" }] },
      { reason: "arbeitBeginn", person: undefined, items: [{ slot: "lohnabrechnung", key: "lohnabrechnung" }] },
    ]);
    expect([...allowedNachweise(items)].sort()).toEqual(["ausweis-1", "ausweis-2", "lohnabrechnung", "meldebescheinigung", "mietvertrag", "sonstiges"]);
    expect(keyOfSlot("ausweis-2")).toBe("ausweis");
    expect(checklistOfModel({ nachweise: [{ schluessel: "kontonachweis", anlass: "konto" }] })).toEqual([{ key: "kontonachweis", reason: "konto" }]);
  });
});
