/**
 * The caseworker area's building blocks: argon2id passwords, TOTP (RFC 6238 vectors), lockout,
 * jobcenter scoping of the inbox and the submission lookup, the append-only audit log, and demo
 * accounts never in production — the store parts on SQLite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import { storeDrivers } from "../fixtures/databases";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPassword, checkTotp, confirmTotpEnrolment, createCaseworker, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, startTotpEnrolment } from "~/caseworker/accounts.server";
import * as auditModule from "~/caseworker/audit.server";
import { listAudit, recordAudit } from "~/caseworker/audit.server";
import { demoAccounts, ensureDemoCaseworkers } from "~/caseworker/demo.server";
import { countNewSince, findSubmissionForJobcenter, listInbox, parseFilters } from "~/caseworker/inbox.server";
import { hashPassword, needsRehash, verifyPassword } from "~/caseworker/password.server";
import { base32Encode, hotp, otpauthUri, totp, verifyTotp } from "~/caseworker/totp.server";
import { type DB } from "~/store/db.server";
import { createDraft } from "~/store/drafts.server";
import { jobcenters, syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { commitSubmission, type StoredSubmission } from "~/store/submissions.server";

const FAST = { m: 64, t: 1, p: 1 };

describe("passwords (argon2id)", () => {
  it("hashes to a PHC string and verifies only the right password", async () => {
    const phc = await hashPassword("richtig-lang-genug", FAST);
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword(phc, "richtig-lang-genug")).toBe(true);
    expect(await verifyPassword(phc, "falsch-lang-genug")).toBe(false);
    expect(await verifyPassword("not a phc", "x")).toBe(false);
    expect(needsRehash(phc)).toBe(true);
  });

  it("uses OWASP's argon2id minimum by default, with a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
  });
});

describe("TOTP (RFC 6238)", () => {
  // Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits.
  const seed = Buffer.from("12345678901234567890");
  const vectors: [number, string][] = [
    [59, "94287082"], [1111111109, "07081804"], [1111111111, "14050471"],
    [1234567890, "89005924"], [2000000000, "69279037"], [20000000000, "65353130"],
  ];
  it.each(vectors)("at %i s gives %s", (time, code) => {
    expect(hotp(seed, Math.floor(time / 30), 8)).toBe(code);
  });

  it("accepts the current code and one step either way, each step once", () => {
    const secret = base32Encode(seed);
    const now = 1_234_567_890;
    expect(verifyTotp(secret, totp(secret, now), now)).toBe(Math.floor(now / 30));
    expect(verifyTotp(secret, totp(secret, now - 30), now)).toBeDefined();
    expect(verifyTotp(secret, totp(secret, now + 30), now)).toBeDefined();
    expect(verifyTotp(secret, totp(secret, now - 90), now)).toBeUndefined();
    expect(verifyTotp(secret, totp(secret, now), now, Math.floor(now / 30))).toBeUndefined();
    expect(verifyTotp(secret, "12345", now)).toBeUndefined();
  });

  it("writes an otpauth URI with the secret and the parameters", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "a@b.example", "Antragsportal")).toBe(
      "otpauth://totp/Antragsportal%3Aa%40b.example?secret=JBSWY3DPEHPK3PXP&issuer=Antragsportal&algorithm=SHA1&digits=6&period=30");
  });
});

describe("audit log", () => {
  it("has no code path that updates or deletes entries", () => {
    const names = Object.keys(auditModule);
    expect(names.sort()).toEqual(["auditCsv", "listAudit", "recordAudit"]);
    expect(names.filter((n) => /update|delete|remove|purge|edit|clear/i.test(n))).toEqual([]);
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    for (const file of [...files("app"), ...files("scripts")]) {
      const src = readFileSync(file, "utf8");
      expect(src, file).not.toMatch(/(updateTable|deleteFrom)\(\s*["']audit_log["']/);
      expect(src, file).not.toMatch(/(update|delete\s+from)\s+audit_log/i);
    }
  });

  it("exports formula-safe CSV", () => {
    const csv = auditModule.auditCsv([{
      id: "1", at: "2026-11-22T10:00:00.000Z", caseworkerId: "c", caseworkerName: "=HYPERLINK(\"x\")", jobcenterId: "j", submissionId: null, reference: null, action: "anmeldung", detail: {},
    }], ["a", "b"], (a) => a);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

const drivers = storeDrivers("portal_cw");

describe.each(drivers)("caseworker store on $name", ({ open }) => {
  let db: DB;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await open());
    await migrate(db);
    await syncJobcenters(db);
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  const account = (email: string, jobcenterId = "demo-musterstadt") =>
    createCaseworker(db, { jobcenterId, email, name: "Test Person", role: "sachbearbeitung", password: "ein-langes-passwort" }, { hashParams: FAST });

  it("refuses unknown roles, short passwords and duplicate e-mail addresses", async () => {
    await account("dup@example.org");
    await expect(account("DUP@example.org")).rejects.toThrow();
    await expect(createCaseworker(db, { jobcenterId: "demo-musterstadt", email: "x@example.org", name: "X", role: "sachbearbeitung", password: "kurz" })).rejects.toThrow(/12/);
    await expect(createCaseworker(db, { jobcenterId: "unbekannt", email: "y@example.org", name: "Y", role: "sachbearbeitung", password: "ein-langes-passwort" }, { hashParams: FAST })).rejects.toThrow(/jobcenter/);
  });

  it("signs in with the right password; unknown addresses fail the same way", async () => {
    await account("ok@example.org");
    const ok = await checkPassword(db, "OK@example.org ", "ein-langes-passwort");
    expect(ok.ok).toBe(true);
    const unknown = await checkPassword(db, "nobody@example.org", "ein-langes-passwort");
    expect(unknown).toMatchObject({ ok: false, reason: "falsch" });
  });

  it(`locks an account for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_ATTEMPTS} failures, even for the right password`, async () => {
    await account("lock@example.org");
    const now = new Date("2026-11-22T10:00:00Z");
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) expect(await checkPassword(db, "lock@example.org", "falsch", now)).toMatchObject({ reason: "falsch" });
    const locked = await checkPassword(db, "lock@example.org", "falsch", now);
    expect(locked).toMatchObject({ ok: false, reason: "gesperrt", until: "2026-11-22T10:15:00.000Z" });
    expect(await checkPassword(db, "lock@example.org", "ein-langes-passwort", new Date("2026-11-22T10:14:00Z"))).toMatchObject({ reason: "gesperrt" });
    expect((await checkPassword(db, "lock@example.org", "ein-langes-passwort", new Date("2026-11-22T10:16:00Z"))).ok).toBe(true);
  });

  it("enrols TOTP with a confirming code, stores the secret encrypted, and accepts each code once", async () => {
    const cw = await account("totp@example.org");
    const secret = await startTotpEnrolment(db, cw.id);
    const now = new Date();
    const right = totp(secret, now.getTime() / 1000);
    expect(await confirmTotpEnrolment(db, cw.id, right === "000000" ? "111111" : "000000", now)).toBe(false);
    expect(await confirmTotpEnrolment(db, cw.id, right, now)).toBe(true);
    const raw = await db.selectFrom("caseworkers").selectAll().where("id", "=", cw.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(secret);
    const later = new Date(now.getTime() + 60_000);
    expect(await checkTotp(db, cw.id, totp(secret, later.getTime() / 1000), later)).toEqual({ ok: true });
    expect(await checkTotp(db, cw.id, totp(secret, later.getTime() / 1000), later)).toEqual({ ok: false, reason: "codeFalsch" });
  });

  it("scopes the inbox and the submission lookup to the caseworker's jobcenter", async () => {
    const add = async (jobcenterId: string, reference: string, nachname: string): Promise<StoredSubmission> => {
      const draft = await createDraft(db, { flow: "veraenderung", jobcenterId, language: "uk", ttlDays: 30 });
      return (await commitSubmission(db, {
        id: randomUUID(), reference, draftId: draft.id, flow: "veraenderung", formVersion: "v", rechtsstand: "2026-11-22", jobcenterId, language: "uk",
        receivedAt: new Date(), model: { art: "Veraenderungsmitteilung", mitteilendePerson: { vorname: "Olena", nachname }, aenderungen: [], nachweise: [] },
        documents: [], connectors: ["inbox"],
      })) as StoredSubmission;
    };
    const own = await add("demo-musterstadt", "MMMMMMM2", "Kovalenko");
    const other = await add("demo-beispielkreis", "BBBBBBB2", "Kovalenko");
    const filters = parseFilters(new URLSearchParams());
    const mine = await listInbox(db, "demo-musterstadt", filters);
    expect(mine.rows.map((r) => r.reference)).toContain("MMMMMMM2");
    expect(mine.rows.map((r) => r.reference)).not.toContain("BBBBBBB2");
    expect((await listInbox(db, "demo-musterstadt", parseFilters(new URLSearchParams({ suche: "bbbb-bbb2" })))).rows).toEqual([]);
    expect((await listInbox(db, "demo-musterstadt", parseFilters(new URLSearchParams({ suche: "kovalénko" })))).rows.map((r) => r.reference)).toEqual(["MMMMMMM2"]);
    expect((await listInbox(db, "demo-musterstadt", parseFilters(new URLSearchParams({ suche: "mmmmmmm2" })))).rows[0].name).toBe("Kovalenko, Olena");
    expect(await findSubmissionForJobcenter(db, "demo-musterstadt", own.id)).toMatchObject({ reference: "MMMMMMM2" });
    expect(await findSubmissionForJobcenter(db, "demo-musterstadt", other.id)).toBeUndefined();
    expect(await findSubmissionForJobcenter(db, "demo-beispielkreis", other.id)).toMatchObject({ reference: "BBBBBBB2" });
    expect(await countNewSince(db, "demo-beispielkreis", new Date(Date.now() - 60_000).toISOString())).toBe(1);
    expect((await listInbox(db, "demo-musterstadt", parseFilters(new URLSearchParams({ verfahren: "erstantrag" })))).rows).toEqual([]);
  });

  it("sorts renewals by the day their benefits must go on, most urgent first, the others after them", async () => {
    const add = async (reference: string, flow: string, dueDate?: string) => {
      const draft = await createDraft(db, { flow, jobcenterId: "demo-beispielkreis", language: "de", ttlDays: 30 });
      await commitSubmission(db, {
        id: randomUUID(), reference, draftId: draft.id, flow, formVersion: "v", rechtsstand: "2026-11-22", jobcenterId: "demo-beispielkreis", language: "de",
        receivedAt: new Date(), documents: [], connectors: ["inbox"], dueDate,
        model: flow === "weiterbewilligung"
          ? { art: "Weiterbewilligungsantrag", antragsteller: { vorname: "A", nachname: reference }, nachweise: [] }
          : { art: "Veraenderungsmitteilung", mitteilendePerson: { vorname: "A", nachname: reference }, aenderungen: [], nachweise: [] },
      });
    };
    await add("WWWWWWW3", "weiterbewilligung", "2027-03-01");
    await add("WWWWWWW4", "veraenderung");
    await add("WWWWWWW5", "weiterbewilligung", "2027-01-01");
    const page = await listInbox(db, "demo-beispielkreis", parseFilters(new URLSearchParams({ sortierung: "faellig" })));
    const order = page.rows.map((r) => r.reference).filter((r) => r.startsWith("WWW"));
    expect(order).toEqual(["WWWWWWW5", "WWWWWWW3", "WWWWWWW4"]);
    expect(page.rows.find((r) => r.reference === "WWWWWWW5")?.dueDate).toBe("2027-01-01");
  });

  it("lists audit entries per jobcenter only", async () => {
    await recordAudit(db, { caseworkerId: null, jobcenterId: "demo-musterstadt", action: "anmeldung_fehlgeschlagen" });
    await recordAudit(db, { caseworkerId: null, jobcenterId: "demo-beispielkreis", action: "anmeldung_fehlgeschlagen", detail: { x: 1 } });
    const entries = await listAudit(db, "demo-musterstadt");
    expect(entries.every((e) => e.jobcenterId === "demo-musterstadt")).toBe(true);
    expect(entries.length).toBeGreaterThan(0);
  });

  it("creates demo accounts outside production only, and only for demo jobcenters", async () => {
    const all = jobcenters();
    expect(await ensureDemoCaseworkers(db, all, "production")).toEqual([]);
    for (const a of demoAccounts(all)) {
      expect(await db.selectFrom("caseworkers").select("id").where("email", "=", a.email).executeTakeFirst()).toBeUndefined();
    }
    expect(demoAccounts(all.map((j) => ({ ...j, demo: false })))).toEqual([]);
  });
});
