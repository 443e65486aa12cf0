/** Demo submissions: only for empty demo jobcenters outside production, sealed, worked, four-eyes respected. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureDemoCaseworkers } from "~/caseworker/demo.server";
import { seedDemoSubmissions, type DemoSample } from "~/caseworker/demo-submissions.server";
import { openDatabase, type DB } from "~/store/db.server";
import { getJobcenter, jobcenters, syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { erstantragDocuments, personaDocuments } from "../fixtures/documents";

const samples: DemoSample[] = [...personaDocuments(), ...erstantragDocuments()].map(({ document }) => ({
  flow: document.kopf.verfahren, model: document.fachdaten, rechtsstand: document.kopf.rechtsstand, language: document.kopf.sprache,
}));

describe("demo submissions", () => {
  let db: DB;
  beforeAll(async () => {
    db = openDatabase(undefined, mkdtempSync(join(tmpdir(), "demo-")));
    await migrate(db);
    await syncJobcenters(db);
  });

  it("are not created in production or without the demo accounts", async () => {
    const jc = getJobcenter("demo-musterstadt")!;
    expect(await seedDemoSubmissions(db, jc, samples, "production")).toBe(0);
    expect(await seedDemoSubmissions(db, jc, samples, "development")).toBe(0);
  });

  it("fill an empty demo jobcenter once, with every status and the four-eyes rule kept", async () => {
    await ensureDemoCaseworkers(db, jobcenters(), "development");
    const jc = getJobcenter("demo-musterstadt")!;
    const created = await seedDemoSubmissions(db, jc, samples, "development");
    expect(created).toBeGreaterThan(30);
    expect(await seedDemoSubmissions(db, jc, samples, "development")).toBe(0);
    const rows = await db.selectFrom("submissions").select(["flow", "status", "received_at", "first_action_at", "approved_by", "completed_by", "complete_on_arrival"]).where("jobcenter_id", "=", jc.id).execute();
    expect(rows).toHaveLength(created);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["eingegangen", "in_bearbeitung", "unterlagen_angefordert", "vollstaendig", "abgeschlossen"]));
    for (const r of rows) {
      if (r.first_action_at) expect(r.first_action_at > r.received_at).toBe(true);
      if (r.flow === "erstantrag" && r.status === "abgeschlossen") {
        expect(r.approved_by).not.toBeNull();
        expect(r.approved_by).not.toBe(r.completed_by);
      }
    }
    const complete = rows.filter((r) => r.complete_on_arrival === 1).length;
    expect(complete).toBeGreaterThan(0);
    expect(complete).toBeLessThan(rows.length);
    const weeks = new Set(rows.map((r) => Math.floor((Date.now() - Date.parse(r.received_at)) / (7 * 86_400_000))));
    expect(weeks.size).toBeGreaterThanOrEqual(10);
  });
});
