import { createHash, createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNATURE_HEADER } from "~/delivery/connectors.server";
import { backoffMs, deliveryStatus, MAX_ATTEMPTS, runDueDeliveries } from "~/delivery/worker.server";
import { openDatabase, type DB } from "~/store/db.server";
import { createDraft } from "~/store/drafts.server";
import { syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { commitSubmission, type StoredSubmission } from "~/store/submissions.server";
import { jobcenterListSchema, type Jobcenter } from "~/tenants/jobcenter";

const SECRET = "test-hmac-secret-1234567890";
process.env.TEST_DELIVERY_SECRET = SECRET;

describe("delivery outbox", () => {
  let db: DB;
  let server: Server;
  let url = "";
  const dropDir = mkdtempSync(join(tmpdir(), "portal-drop-"));
  const received: { status: number; body: string; signatureOk: boolean; delivery: string }[] = [];
  let failuresLeft = 3;

  const base = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")))[0];
  let jobcenter: Jobcenter;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const expected = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
        const status = failuresLeft-- > 0 ? 503 : 200;
        received.push({ status, body, signatureOk: req.headers[SIGNATURE_HEADER.toLowerCase()] === expected, delivery: String(req.headers["x-antragsportal-delivery"]) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/eingang`;
    jobcenter = { ...base, zustellung: [{ art: "https", url, hmacSecretVariable: "TEST_DELIVERY_SECRET" }, { art: "ordner", pfad: dropDir }] };
    db = openDatabase(undefined, mkdtempSync(join(tmpdir(), "portal-delivery-")));
    await migrate(db);
    await syncJobcenters(db);
  });
  afterAll(async () => {
    server.close();
    await db.destroy();
  });

  async function submit(connectors: string[]): Promise<StoredSubmission> {
    const draft = await createDraft(db, { flow: "veraenderung", jobcenterId: jobcenter.id, language: "de", ttlDays: 30 });
    return (await commitSubmission(db, {
      id: randomUUID(), reference: `D${randomUUID().replace(/[^2-9A-HJKMNP-TV-Z]/gi, "").toUpperCase().slice(0, 7).padEnd(7, "2")}`.slice(0, 8),
      draftId: draft.id, flow: "veraenderung", formVersion: "v", rechtsstand: "2026-11-22", jobcenterId: jobcenter.id, language: "de",
      receivedAt: new Date(), model: {}, connectors,
      documents: [
        { kind: "antrag-xml", fileName: "antrag.xml", mediaType: "application/xml", bytes: Buffer.from("<Antrag/>") },
        { kind: "antrag-pdf", fileName: "antrag.pdf", mediaType: "application/pdf", bytes: Buffer.from("%PDF-1.7 test") },
      ],
    })) as StoredSubmission;
  }

  it("retries a failing endpoint with backoff until it accepts: exactly one accepted delivery", async () => {
    const submission = await submit(["inbox", "https:0", "ordner:1"]);
    const deps = { jobcenter: () => jobcenter };
    let now = Date.now();
    for (let i = 0; i < 10; i++) {
      await runDueDeliveries(db, deps, new Date(now));
      const https = (await deliveryStatus(db, submission.id)).find((d) => d.connector === "https:0")!;
      if (https.state === "delivered") break;
      expect(https.state).toBe("retrying");
      now += backoffMs(https.attempts);
    }
    expect(received.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(received.every((r) => r.signatureOk)).toBe(true);
    expect(new Set(received.map((r) => r.delivery)).size).toBe(1);
    const accepted = JSON.parse(received.at(-1)!.body);
    expect(accepted.referenz).toBe(submission.reference);
    expect(Buffer.from(accepted.dokumente[0].inhalt, "base64").toString()).toBe("<Antrag/>");
    const status = await deliveryStatus(db, submission.id);
    expect(status.map((s) => [s.connector, s.state, s.attempts])).toEqual([["https:0", "delivered", 4], ["inbox", "delivered", 0], ["ordner:1", "delivered", 1]]);
    // Nothing is delivered twice once done.
    await runDueDeliveries(db, deps, new Date(now + 86_400_000));
    expect(received).toHaveLength(4);
  });

  it("drops complete folders atomically, with a manifest of hashes", async () => {
    const folders = readdirSync(dropDir);
    expect(folders.some((f) => f.startsWith(".tmp-"))).toBe(false);
    const folder = join(dropDir, folders[0]);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
    for (const file of manifest.dateien) {
      expect(createHash("sha256").update(readFileSync(join(folder, file.name))).digest("hex")).toBe(file.sha256);
    }
    expect(existsSync(join(folder, "antrag.pdf"))).toBe(true);
  });

  it("gives up after the last attempt and keeps the entry as failed (dead letter)", async () => {
    const submission = await submit(["https:0"]);
    const deps = { jobcenter: () => jobcenter, connector: () => async () => { throw new Error("connection refused"); } };
    let now = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
      await runDueDeliveries(db, deps, new Date(now));
      now += 2 * 60 * 60_000;
    }
    const [status] = await deliveryStatus(db, submission.id);
    expect(status).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS, lastError: "connection refused" });
  });

  it("lets only one of two concurrent workers deliver an entry", async () => {
    const submission = await submit(["https:0"]);
    let calls = 0;
    const deps = { jobcenter: () => jobcenter, connector: () => async () => { calls++; await new Promise((r) => setTimeout(r, 50)); } };
    await Promise.all([runDueDeliveries(db, deps), runDueDeliveries(db, deps)]);
    expect(calls).toBe(1);
    expect((await deliveryStatus(db, submission.id))[0].state).toBe("delivered");
  });
});
