/**
 * Uploaded Nachweise in the store, on SQLite and PostgreSQL (TEST_DATABASE_URL, as in
 * store.test.ts): encrypted at rest (no plaintext bytes or names in the rows; a draft's files
 * open only with its resume code), the count limit, removal, the purge, the move to the
 * submission in the submit transaction, a sealed Nachreichung with its outbox entries, delivery
 * of files with hashes through the folder and HTTPS connectors, idempotent uploads (a retried
 * upload or Nachreichung is stored once, ADR 0021), and migration 003 on a filled outbox.
 */
import { storeDrivers } from "../fixtures/databases";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueDeliveries } from "~/delivery/worker.server";
import { type DB } from "~/store/db.server";
import { createDraft, deleteExpiredDrafts, loadDraft, type DraftHandle } from "~/store/drafts.server";
import { syncJobcenters } from "~/store/jobcenters.server";
import { migrate, provider } from "~/store/migrations.server";
import { commitSubmission, findSubmissionByDraft, type StoredSubmission } from "~/store/submissions.server";
import { jobcenterListSchema, type Jobcenter } from "~/tenants/jobcenter";
import { AlreadySentError, anlagenOf, getNachreichungXml, listNachreichungen, nummerHolding, submitNachreichung } from "~/uploads/nachreichung.server";
import {
  addDraftUploads, countUploads, listUploads, prepareTransfer, readUpload, removeDraftUpload, reownUploads, TooManyFilesError, UploadsChangedError,
} from "~/uploads/store.server";
import { makePdf } from "../fixtures/files";

const drivers = storeDrivers("portal_uploads");

const SECRET = "uploads-hmac-secret-1234567890";
process.env.UPLOADS_TEST_SECRET = SECRET;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const MARKER = "Kontoauszug-Geheimbank-4711";

describe.each(drivers)("uploads on $name", ({ open }) => {
  let db: DB;
  let drop: () => Promise<void>;
  let server: Server;
  const received: { body: string; delivery: string }[] = [];
  const dropDir = mkdtempSync(join(tmpdir(), "portal-uploads-drop-"));
  const base = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")))[0];
  let jobcenter: Jobcenter;
  let pdf: Buffer;
  const draftInput = () => ({ flow: "veraenderung", jobcenterId: jobcenter.id, language: "de", ttlDays: 30 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ body, delivery: String(req.headers["x-antragsportal-delivery"]) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/eingang`;
    jobcenter = { ...base, zustellung: [{ art: "ordner", pfad: dropDir }, { art: "https", url, hmacSecretVariable: "UPLOADS_TEST_SECRET" }] };
    ({ db, drop } = await open());
    await migrate(db);
    await syncJobcenters(db);
    pdf = await makePdf(1, MARKER);
  });
  afterAll(async () => {
    server.close();
    await db.destroy();
    await drop();
  });

  const file = (nachweis: string, originalName: string, bytes = pdf) => ({ nachweis, originalName, pdf: bytes });

  const ALL = new Set(["a", "kontonachweis", "mietvertrag", "lohnabrechnung", "sonstiges"]);

  async function submitDraft(handle: DraftHandle, nachweise: ReadonlySet<string> = ALL): Promise<StoredSubmission> {
    const id = randomUUID();
    const transfer = await prepareTransfer(db, handle, id, nachweise);
    const result = await commitSubmission(db, {
      id, reference: randomBytes(8).toString("hex").toUpperCase().replace(/[^2-9A-HJKMNP-TV-Z]/g, "Z").slice(0, 8),
      draftId: handle.id, flow: "veraenderung", formVersion: "v", rechtsstand: "2026-11-22", jobcenterId: jobcenter.id, language: "de",
      receivedAt: new Date(), model: {}, connectors: ["inbox", "ordner:0", "https:1"],
      documents: [{ kind: "antrag-xml", fileName: "antrag.xml", mediaType: "application/xml", bytes: Buffer.from(`<Antrag>${JSON.stringify(anlagenOf(transfer.uploads))}</Antrag>`) }],
      alsoInTransaction: (trx) => reownUploads(trx, handle.id, id, transfer),
    });
    return result as StoredSubmission;
  }

  it("keeps files and their names encrypted at rest; a draft's files open only with its resume code", async () => {
    const handle = await createDraft(db, draftInput());
    const [info] = await addDraftUploads(db, handle, [file("kontonachweis", `${MARKER}.pdf`)], 50);
    expect(info).toMatchObject({ nachweis: "kontonachweis", originalName: `${MARKER}.pdf`, fileName: `${MARKER}.pdf`, size: pdf.length, sha256: sha(pdf) });
    const row = await db.selectFrom("uploads").selectAll().where("id", "=", info.id).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(MARKER);
    expect(stored).not.toContain("%PDF");
    expect(stored).not.toContain(pdf.subarray(0, 48).toString("base64"));
    expect(stored).not.toContain(pdf.subarray(0, 48).toString("base64url"));
    expect(row.media_type).toBe("application/pdf");
    expect((await readUpload(db, { kind: "draft", handle }, info.id))!.equals(pdf)).toBe(true);
    const wrongCode = { id: handle.id, code: "2".repeat(20) };
    await expect(readUpload(db, { kind: "draft", handle: wrongCode }, info.id)).rejects.toThrow();
    const other = await createDraft(db, draftInput());
    expect(await readUpload(db, { kind: "draft", handle: other }, info.id)).toBeUndefined();
  });

  it("keeps to the file limit per draft (nothing of a batch that would exceed it is stored), and removes files", async () => {
    const handle = await createDraft(db, draftInput());
    await addDraftUploads(db, handle, [file("a", "1.pdf"), file("a", "2.pdf")], 3);
    await expect(addDraftUploads(db, handle, [file("a", "3.pdf"), file("a", "4.pdf")], 3)).rejects.toBeInstanceOf(TooManyFilesError);
    const listed = await listUploads(db, { kind: "draft", handle });
    expect(listed.map((u) => u.originalName)).toEqual(["1.pdf", "2.pdf"]);
    const other = await createDraft(db, draftInput());
    expect(await removeDraftUpload(db, other, listed[0].id)).toBe(false); // not its file
    expect(await removeDraftUpload(db, handle, listed[0].id)).toBe(true);
    expect((await listUploads(db, { kind: "draft", handle })).map((u) => u.originalName)).toEqual(["2.pdf"]);
  });

  it("purges a draft's files with the expired draft", async () => {
    const handle = await createDraft(db, { ...draftInput(), now: new Date("2020-01-01T00:00:00Z") });
    await addDraftUploads(db, handle, [file("a", "alt.pdf")], 50);
    expect(await deleteExpiredDrafts(db)).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom("uploads").select("id").where("draft_id", "=", handle.id).execute()).toEqual([]);
    expect(await loadDraft(db, handle)).toBeUndefined();
  });

  it("moves the files to the submission in the submit transaction; readable without the resume code", async () => {
    const handle = await createDraft(db, draftInput());
    await addDraftUploads(db, handle, [file("mietvertrag", "Mietvertrag.jpg"), file("sonstiges", "Brief.pdf")], 50);
    const submission = await submitDraft(handle);
    const owner = { kind: "submission", submissionId: submission.id } as const;
    const files = await listUploads(db, owner);
    expect(files.map((f) => [f.nachweis, f.fileName])).toEqual([["mietvertrag", "Mietvertrag.pdf"], ["sonstiges", "Brief.pdf"]]);
    expect((await readUpload(db, owner, files[0].id))!.equals(pdf)).toBe(true);
    expect(await db.selectFrom("uploads").select("id").where("draft_id", "=", handle.id).execute()).toEqual([]);
    expect(await loadDraft(db, handle)).toBeUndefined();
  });

  it("does not send files of a Nachweis the final answers no longer call for; they go with the draft", async () => {
    const handle = await createDraft(db, draftInput());
    await addDraftUploads(db, handle, [file("mietvertrag", "Mietvertrag.pdf"), file("sonstiges", "Brief.pdf")], 50);
    expect(await countUploads(db, { kind: "draft", handle }, new Set(["sonstiges"]))).toBe(1);
    expect(await countUploads(db, { kind: "draft", handle }, new Set())).toBe(0);
    const submission = await submitDraft(handle, new Set(["sonstiges"]));
    expect((await listUploads(db, { kind: "submission", submissionId: submission.id })).map((u) => u.originalName)).toEqual(["Brief.pdf"]);
    expect(await db.selectFrom("uploads").select("id").where("draft_id", "=", handle.id).execute()).toEqual([]);
  });

  it("aborts the submit when the draft's files changed meanwhile: nothing stored, the draft stays", async () => {
    const handle = await createDraft(db, draftInput());
    await addDraftUploads(db, handle, [file("a", "eins.pdf")], 50);
    const id = randomUUID();
    const transfer = await prepareTransfer(db, handle, id, ALL);
    await addDraftUploads(db, handle, [file("a", "zwei.pdf")], 50); // another tab
    await expect(commitSubmission(db, {
      id, reference: "ZZZZ2345", draftId: handle.id, flow: "veraenderung", formVersion: "v", rechtsstand: "2026-11-22", jobcenterId: jobcenter.id,
      language: "de", receivedAt: new Date(), model: {}, connectors: ["inbox"], documents: [],
      alsoInTransaction: (trx) => reownUploads(trx, handle.id, id, transfer),
    })).rejects.toBeInstanceOf(UploadsChangedError);
    expect(await findSubmissionByDraft(db, handle.id)).toBeUndefined();
    expect(await listUploads(db, { kind: "draft", handle })).toHaveLength(2);
    expect(await loadDraft(db, handle)).toBeDefined();
  });

  it("delivers the files with hashes to every connector, and each Nachreichung as a sealed package of its own", async () => {
    const handle = await createDraft(db, draftInput());
    await addDraftUploads(db, handle, [file("kontonachweis", "Konto.png")], 50);
    const submission = await submitDraft(handle);
    const later = await submitNachreichung(db, submission, jobcenter, [file("lohnabrechnung", "Lohn Mai.pdf"), file("sonstiges", "عقد.pdf")]);
    expect(later.nummer).toBe(1);
    const second = await submitNachreichung(db, submission, jobcenter, [file("sonstiges", "Nachtrag.pdf")]);
    expect(second.nummer).toBe(2);
    const outbox = await db.selectFrom("outbox").select(["connector", "state", "nachreichung_id"]).where("submission_id", "=", submission.id).execute();
    expect(outbox.filter((o) => o.nachreichung_id === later.id).map((o) => `${o.connector}:${o.state}`).sort()).toEqual(["https:1:pending", "inbox:delivered", "ordner:0:pending"]);
    expect((await listNachreichungen(db, submission.id)).map((n) => [n.nummer, n.files.map((f) => f.originalName)]))
      .toEqual([[1, expect.arrayContaining(["Lohn Mai.pdf", "عقد.pdf"])], [2, ["Nachtrag.pdf"]]]);

    while ((await runDueDeliveries(db, { jobcenter: () => jobcenter }, new Date(Date.now() + 1000))) > 0) { /* until all are done */ }

    const main = JSON.parse(readFileSync(join(dropDir, submission.reference, "manifest.json"), "utf8"));
    expect(main.art).toBe("antrag");
    const anlage = main.dateien.find((d: { nachweis?: string }) => d.nachweis === "kontonachweis");
    expect(anlage).toMatchObject({ name: "01-Konto.pdf", mediaType: "application/pdf", sha256: sha(pdf) });
    expect(sha(readFileSync(join(dropDir, submission.reference, "01-Konto.pdf")))).toBe(sha(pdf));

    const folder = join(dropDir, `${submission.reference}-nachreichung-1`);
    expect(existsSync(folder)).toBe(true);
    const m1 = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
    expect(m1).toMatchObject({ art: "nachreichung", referenz: submission.reference, nachreichung: { nummer: 1 } });
    expect(m1.dateien.map((d: { name: string }) => d.name).sort()).toEqual(readdirSync(folder).filter((f) => f !== "manifest.json").sort());
    for (const d of m1.dateien as { name: string; sha256: string }[]) expect(sha(readFileSync(join(folder, d.name)))).toBe(d.sha256);
    const xml = readFileSync(join(folder, "nachreichung-1.xml"), "utf8");
    expect(xml).toContain(`<Bezug>${submission.reference}</Bezug>`);
    for (const d of m1.dateien.filter((x: { nachweis?: string }) => x.nachweis) as { name: string; sha256: string; nachweis: string }[]) {
      expect(xml).toContain(`<Dateiname>${d.name}</Dateiname>`);
      expect(xml).toContain(`<SHA256>${d.sha256}</SHA256><NachweisSchluessel>${d.nachweis}</NachweisSchluessel>`);
    }
    expect(existsSync(join(dropDir, `${submission.reference}-nachreichung-2`))).toBe(true);

    const envelopes = received.map((r) => JSON.parse(r.body)).filter((e) => e.referenz === submission.reference);
    expect(envelopes.map((e) => `${e.art}:${e.nachreichung?.nummer ?? ""}`).sort()).toEqual(["antrag:", "nachreichung:1", "nachreichung:2"]);
    const carried = envelopes.find((e) => e.art === "antrag").dokumente.find((d: { nachweis?: string }) => d.nachweis === "kontonachweis");
    expect(sha(Buffer.from(carried.inhalt, "base64"))).toBe(sha(pdf));
    const stored = await getNachreichungXml(db, submission.id, later.id);
    expect(stored!.bytes.toString("utf8")).toBe(xml);
  });

  it("stores a retried upload once: same draft, Nachweis and received bytes (also when both tries arrive at once)", async () => {
    const handle = await createDraft(db, draftInput());
    const owner = { kind: "draft", handle } as const;
    const received = (nachweis: string, name: string, bytes = pdf) => ({ ...file(nachweis, name, bytes), receivedSha256: sha(bytes) });
    expect(await addDraftUploads(db, handle, [received("kontonachweis", "Konto.pdf")], 50)).toHaveLength(1);
    expect(await addDraftUploads(db, handle, [received("kontonachweis", "Konto.pdf")], 50)).toEqual([]); // the retry
    expect(await addDraftUploads(db, handle, [received("kontonachweis", "Konto (1).pdf"), received("kontonachweis", "Konto (2).pdf")], 50)).toEqual([]);
    expect(await addDraftUploads(db, handle, [received("mietvertrag", "Konto.pdf")], 50)).toHaveLength(1); // another Nachweis: its own file
    const other = await makePdf(1, "anderer Inhalt");
    await Promise.all([1, 2, 3].map(() => addDraftUploads(db, handle, [received("sonstiges", "Brief.pdf", other)], 50)));
    expect((await listUploads(db, owner)).map((u) => `${u.nachweis}:${u.originalName}`).sort())
      .toEqual(["kontonachweis:Konto.pdf", "mietvertrag:Konto.pdf", "sonstiges:Brief.pdf"]);
    // A duplicate does not count against the limit: the draft is full, the retry still succeeds (storing nothing).
    expect(await addDraftUploads(db, handle, [received("sonstiges", "Brief.pdf", other)], 3)).toEqual([]);
    // Another draft may hold the same file.
    expect(await addDraftUploads(db, await createDraft(db, draftInput()), [received("kontonachweis", "Konto.pdf")], 50)).toHaveLength(1);
    // The key is keyed: the row does not show the plain hash of the received bytes.
    const rows = await db.selectFrom("uploads").select("content_key").where("draft_id", "=", handle.id).execute();
    expect(rows.every((r) => r.content_key && r.content_key !== sha(pdf) && r.content_key !== sha(other))).toBe(true);
  });

  it("sends a retried Nachreichung once, and not a file the submission already carries", async () => {
    const handle = await createDraft(db, draftInput());
    const received = (nachweis: string, name: string, bytes: Buffer) => ({ ...file(nachweis, name, bytes), receivedSha256: sha(bytes) });
    const withSubmission = await makePdf(1, "mit dem Antrag");
    await addDraftUploads(db, handle, [received("kontonachweis", "Konto.pdf", withSubmission)], 50);
    const submission = await submitDraft(handle);
    const later = await makePdf(1, "nachgereicht");
    const first = await submitNachreichung(db, submission, jobcenter, [received("lohnabrechnung", "Lohn.pdf", later)]);
    await expect(submitNachreichung(db, submission, jobcenter, [received("lohnabrechnung", "Lohn.pdf", later)])).rejects.toBeInstanceOf(AlreadySentError);
    expect(await nummerHolding(db, submission.id, [received("lohnabrechnung", "Lohn.pdf", later)])).toBe(first.nummer);
    await expect(submitNachreichung(db, submission, jobcenter, [received("kontonachweis", "Konto.pdf", withSubmission)])).rejects.toBeInstanceOf(AlreadySentError);
    expect(await nummerHolding(db, submission.id, [received("kontonachweis", "Konto.pdf", withSubmission)])).toBeUndefined();
    // A batch with one new file sends only that one.
    const mixed = await submitNachreichung(db, submission, jobcenter, [received("lohnabrechnung", "Lohn.pdf", later), received("sonstiges", "Neu.pdf", withSubmission)]);
    expect(mixed.files.map((f) => f.originalName)).toEqual(["Neu.pdf"]);
    expect((await listNachreichungen(db, submission.id)).map((n) => n.nummer)).toEqual([1, 2]);
    expect(await countUploads(db, { kind: "submission", submissionId: submission.id })).toBe(3);
  });

  it("migration 003 keeps the rows of a filled outbox", async () => {
    const { db: fresh, drop: dropFresh } = await open();
    try {
      const migrator = new Migrator({ db: fresh, provider });
      await migrator.migrateTo("2026-11-22-002-documents-outbox");
      await syncJobcenters(fresh);
      const at = new Date().toISOString();
      // The table as of migration 002 (columns added later are not there yet).
      await (fresh as Kysely<any>).insertInto("submissions").values({
        id: "s1", reference: "ABCDEFGH", draft_id: "d1", flow: "veraenderung", form_version: "v", rechtsstand: "2026-11-22", jobcenter_id: jobcenter.id,
        language: "de", received_at: at, status: "eingegangen", payload: "x",
      }).execute();
      await (fresh as DB).insertInto("outbox").values({
        id: "o1", submission_id: "s1", connector: "ordner:0", state: "retrying", attempts: 3, next_attempt_at: at, locked_until: null,
        last_error: "HTTP 503", delivered_at: null, created_at: at, updated_at: at,
      } as never).execute();
      await migrate(fresh);
      const rows = await fresh.selectFrom("outbox").selectAll().execute();
      expect(rows).toEqual([expect.objectContaining({ id: "o1", submission_id: "s1", nachreichung_id: null, connector: "ordner:0", state: "retrying", attempts: 3, last_error: "HTTP 503" })]);
      // Still once per connector for the submission itself.
      await expect(fresh.insertInto("outbox").values({ ...rows[0], id: "o2" }).execute()).rejects.toThrow();
    } finally {
      await fresh.destroy();
      await dropFresh();
    }
  });
});
