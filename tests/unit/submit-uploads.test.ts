/**
 * Submitting a draft with uploaded Nachweise: the sealed XML lists them with hash and Nachweis
 * key, the caseworker PDF's Anlagen section names them, and they belong to the submission.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { personas } from "../fixtures/veraenderung-personas";
import { makePdf } from "../fixtures/files";

const dir = mkdtempSync(join(tmpdir(), "portal-submit-uploads-"));
process.env.DATA_DIR = dir;

const { db } = await import("~/store/db.server");
const { createDraft, loadDraft, saveDraft } = await import("~/store/drafts.server");
const { getDocument } = await import("~/store/submissions.server");
const { submitFlow } = await import("~/flows/submit.server");
const { veraenderung } = await import("~/flows/veraenderung/flow");
const { addDraftUploads, listUploads } = await import("~/uploads/store.server");

describe("submit with uploads", () => {
  it("lists the draft's files in the sealed XML and PDF and hands them to the submission", async () => {
    const database = await db();
    const handle = await createDraft(database, { flow: "veraenderung", jobcenterId: "demo-musterstadt", language: "de", ttlDays: 30 });
    await saveDraft(database, handle, personas[0].answers, 30);
    const pdf = await makePdf();
    const [a, b] = await addDraftUploads(database, handle, [
      { nachweis: "mietvertrag", originalName: "Mietvertrag Seite 1.jpg", pdf },
      { nachweis: "sonstiges", originalName: "Brief.pdf", pdf },
    ], 50);
    const draft = (await loadDraft(database, handle))!;
    const submission = await submitFlow({ flow: veraenderung, database, handle, draft, ttlDays: 30, session: undefined as never, jobcenter: undefined as never });
    const xml = (await getDocument(database, submission.id, "antrag-xml"))!.bytes.toString("utf8");
    expect(xml).toContain(`<Anlage><Dateiname>01-Mietvertrag Seite 1.pdf</Dateiname><MimeType>application/pdf</MimeType><Groesse>${pdf.length}</Groesse><SHA256>${a.sha256}</SHA256><NachweisSchluessel>mietvertrag</NachweisSchluessel></Anlage>`);
    expect(xml).toContain(`<Dateiname>02-Brief.pdf</Dateiname>`);
    expect(xml).toContain(b.sha256);
    const files = await listUploads(database, { kind: "submission", submissionId: submission.id });
    expect(files.map((f) => f.id)).toEqual([a.id, b.id]);
    const caseworker = join(dir, "antrag.pdf");
    writeFileSync(caseworker, (await getDocument(database, submission.id, "antrag-pdf"))!.bytes);
    const text = execFileSync("pdftotext", ["-layout", caseworker, "-"], { encoding: "utf8" });
    expect(text).toContain("01-Mietvertrag Seite 1.pdf");
    expect(text).toContain("Weitere Unterlagen");
  });
});
