/**
 * Submitting end to end on SQLite: the pipeline stores the submission with its sealed documents
 * and outbox, and deletes the draft; when any step fails (here: a jobcenter whose seal file is
 * missing) nothing is stored and the draft stays as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { personas } from "../fixtures/veraenderung-personas";

const dir = mkdtempSync(join(tmpdir(), "portal-submit-"));
const demo = JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8"));
const broken = { ...demo[0], id: "kaputt", name: "Jobcenter mit fehlendem Siegel", postleitzahlen: [{ von: "00000", bis: "00099" }],
  siegel: { pkcs12: join(dir, "fehlt.p12"), passphraseVariable: "FEHLT" } };
writeFileSync(join(dir, "jobcenters.json"), JSON.stringify([...demo, broken]));
process.env.JOBCENTERS_FILE = join(dir, "jobcenters.json");
process.env.DATA_DIR = dir;

const { db } = await import("~/store/db.server");
const { createDraft, loadDraft, saveDraft } = await import("~/store/drafts.server");
const { getDocument, findSubmissionByDraft } = await import("~/store/submissions.server");
const { deliveryStatus } = await import("~/delivery/worker.server");
const { submitFlow } = await import("~/flows/submit.server");
const { veraenderung } = await import("~/flows/veraenderung/flow");

async function draftFor(jobcenterId: string) {
  const database = await db();
  const handle = await createDraft(database, { flow: "veraenderung", jobcenterId, language: "uk", ttlDays: 30 });
  await saveDraft(database, handle, personas[0].answers, 30);
  const draft = (await loadDraft(database, handle))!;
  return { database, handle, ctx: { flow: veraenderung, database, handle, draft, ttlDays: 30, session: undefined as never, jobcenter: undefined as never } };
}

describe("submit", () => {
  it("stores the submission with sealed XML and PDF and its outbox, and deletes the draft", async () => {
    const { database, handle, ctx } = await draftFor("demo-musterstadt");
    const submission = await submitFlow(ctx);
    expect(submission.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    const xml = await getDocument(database, submission.id, "antrag-xml");
    const pdf = await getDocument(database, submission.id, "antrag-pdf");
    expect(xml?.bytes.toString()).toContain(`<Referenz>${submission.reference}</Referenz>`);
    expect(xml?.bytes.toString()).toContain("<Sprache>uk</Sprache>");
    expect(pdf?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await deliveryStatus(database, submission.id)).toEqual([expect.objectContaining({ connector: "inbox", state: "delivered" })]);
    expect(await loadDraft(database, handle)).toBeUndefined();
    expect((await submitFlow(ctx)).id).toBe(submission.id); // resent: the same submission
  });

  it("keeps the draft and stores nothing when sealing fails", async () => {
    const { database, handle, ctx } = await draftFor("kaputt");
    await expect(submitFlow(ctx)).rejects.toThrow();
    expect(await findSubmissionByDraft(database, handle.id)).toBeUndefined();
    expect((await loadDraft(database, handle))?.answers).toEqual(personas[0].answers);
  });
});
