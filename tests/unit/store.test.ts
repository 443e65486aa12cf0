/**
 * The store against both databases the portal supports. PostgreSQL comes from
 * TEST_DATABASE_URL (scripts/test.sh starts a throw-away cluster); with REQUIRE_POSTGRES=1 its
 * absence fails the run instead of silently testing SQLite alone.
 */
import { storeDrivers } from "../fixtures/databases";
import { createHash, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type DB } from "~/store/db.server";
import { createDraft, deleteExpiredDrafts, findDraftByCode, loadDraft, saveDraft } from "~/store/drafts.server";
import { syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { commitSubmission, findSubmissionByDraft, getDocument, getSubmissionModel, type StoredSubmission } from "~/store/submissions.server";

const drivers = storeDrivers("portal_test");

describe.each(drivers)("store on $name", ({ open }) => {
  let db: DB;
  let drop: () => Promise<void>;
  const draftInput = { flow: "veraenderung", jobcenterId: "demo-musterstadt", language: "ar", ttlDays: 30 };

  beforeAll(async () => {
    ({ db, drop } = await open());
    await migrate(db);
    await migrate(db); // idempotent
    await syncJobcenters(db);
    await syncJobcenters(db);
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it("seeds the configured jobcenters once", async () => {
    const rows = await db.selectFrom("jobcenters").select("id").orderBy("id").execute();
    expect(rows.map((r) => r.id)).toEqual(["demo-beispielkreis", "demo-beispielkreis-but", "demo-musterstadt", "demo-musterstadt-wohngeld"]);
  });

  it("keeps drafts encrypted and opens them only with the right code", async () => {
    const handle = await createDraft(db, draftInput);
    const answers = { person: { vorname: "Olena", nachname: "Kovalenko" }, konto: { iban: "DE89370400440532013000" } };
    await saveDraft(db, handle, answers, 30);
    expect((await loadDraft(db, handle))?.answers).toEqual(answers);
    expect(await loadDraft(db, { ...handle, code: "2".repeat(20) })).toBeUndefined();
    const raw = await db.selectFrom("drafts").selectAll().where("id", "=", handle.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toMatch(/Olena|DE89370400440532013000/);
    expect(JSON.stringify(raw)).not.toContain(handle.code);
    expect(await findDraftByCode(db, handle.code)).toEqual({ id: handle.id, flow: "veraenderung" });
  });

  it("forgets drafts after their time", async () => {
    const past = new Date(Date.now() - 31 * 86_400_000);
    const handle = await createDraft(db, { ...draftInput, now: past });
    expect(await loadDraft(db, handle)).toBeUndefined();
    expect(await findDraftByCode(db, handle.code)).toBeUndefined();
    expect(await deleteExpiredDrafts(db)).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom("drafts").select("id").where("id", "=", handle.id).executeTakeFirst()).toBeUndefined();
  });

  const submission = (draftId: string, reference = "K7M2Q9TX") => ({
    id: randomUUID(), reference, draftId, flow: "veraenderung", formVersion: "veraenderung-2026.11", rechtsstand: "2026-11-22",
    jobcenterId: "demo-musterstadt", language: "ar", receivedAt: new Date(), model: { art: "Veraenderungsmitteilung", name: "Olena" },
    documents: [{ kind: "antrag-xml", fileName: "antrag.xml", mediaType: "application/xml", bytes: Buffer.from("<Antrag>Olena</Antrag>") }],
    connectors: ["inbox", "https:0"],
  });

  it("stores one submission per draft, even when submitted five times at once", async () => {
    const handle = await createDraft(db, draftInput);
    const attempts = Array.from({ length: 5 }, (_, i) => submission(handle.id, `K7M2Q9T${"ABCDE"[i]}`));
    const results = (await Promise.all(attempts.map((a) => commitSubmission(db, a)))) as StoredSubmission[];
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await commitSubmission(db, submission(handle.id, "ZZZZZZZZ")) as StoredSubmission).id).toBe(results[0].id);
    const count = await db.selectFrom("submissions").select(sql<number>`count(*)`.as("n")).where("draft_id", "=", handle.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(await loadDraft(db, handle)).toBeUndefined(); // deleted in the same transaction
    expect((await findSubmissionByDraft(db, handle.id))?.language).toBe("ar");
    expect(await getSubmissionModel(db, results[0].id)).toEqual({ art: "Veraenderungsmitteilung", name: "Olena" });
    const raw = await db.selectFrom("submissions").select("payload").where("id", "=", results[0].id).executeTakeFirstOrThrow();
    expect(raw.payload).not.toContain("Olena");
  });

  it("keeps the sealed documents encrypted, hashed and retrievable, with one outbox entry per connector", async () => {
    const handle = await createDraft(db, draftInput);
    const stored = (await commitSubmission(db, submission(handle.id, "M3N4P5Q6"))) as StoredSubmission;
    const doc = await getDocument(db, stored.id, "antrag-xml");
    expect(doc?.bytes.toString()).toBe("<Antrag>Olena</Antrag>");
    expect(doc?.sha256).toBe(createHash("sha256").update("<Antrag>Olena</Antrag>").digest("hex"));
    const raw = await db.selectFrom("documents").select("payload").where("submission_id", "=", stored.id).executeTakeFirstOrThrow();
    expect(raw.payload).not.toContain("Olena");
    const outbox = await db.selectFrom("outbox").select(["connector", "state"]).where("submission_id", "=", stored.id).orderBy("connector").execute();
    expect(outbox).toEqual([{ connector: "https:0", state: "pending" }, { connector: "inbox", state: "delivered" }]);
  });

  it("reports a reference collision instead of storing a second submission under it", async () => {
    const a = await createDraft(db, draftInput);
    const b = await createDraft(db, draftInput);
    await commitSubmission(db, submission(a.id, "T7V8W9X2"));
    expect(await commitSubmission(db, submission(b.id, "T7V8W9X2"))).toBe("reference-taken");
    expect(await loadDraft(db, b)).toBeDefined(); // nothing lost
  });

  it("refuses a draft for an unknown jobcenter", async () => {
    await expect(createDraft(db, { ...draftInput, jobcenterId: "nope" })).rejects.toThrow();
  });
});

describe("SQLite durability (ADR 0023)", () => {
  it("runs WAL with synchronous=FULL, on the first start and on every later one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-durability-"));
    for (const start of ["first", "again"]) {
      const database = openDatabase(undefined, dir);
      await migrate(database);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(database);
      expect([start, mode.rows[0].journal_mode, sync.rows[0].synchronous]).toEqual([start, "wal", 2]);
      await database.destroy();
    }
  });
});
