/**
 * Account administration (role "administration"): setDisabled (own jobcenter only, never the
 * actor's own account, sessions end at once, a disabled account cannot sign in) and the page
 * /sachbearbeitung/konten through its real loader and action with real Requests: 403 for other
 * roles, creating an account in the administrator's own jobcenter, validation errors that keep
 * the entered values (never the password), locking and unlocking, another jobcenter's account → 404.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AccountAccessError, checkPassword, createCaseworker, findCaseworkerByEmail, getCaseworker, OwnAccountError, setDisabled, type Caseworker,
} from "~/caseworker/accounts.server";
import { listAudit } from "~/caseworker/audit.server";
import { createSession, lookupSession } from "~/caseworker/sessions.server";
import type { Role } from "~/caseworker/texts";
import { csrfTokenFor } from "~/security/csrf.server";
import { db, type DB } from "~/store/db.server";
import * as konten from "~/routes/sachbearbeitung.konten";

const FAST = { m: 64, t: 1, p: 1 };
const JC1 = "demo-musterstadt";
const JC2 = "demo-beispielkreis";
const PASSWORD = "ein-langes-passwort";
const CSRF = "konten-csrf-cookie";
const context = { nonce: "n", csrfToken: "t", clientIp: "127.0.0.1" };

let database: DB;

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.example`;

async function account(jobcenterId: string, role: Role, label: string = role): Promise<Caseworker> {
  return createCaseworker(database, { jobcenterId, email: uniqueEmail(label), name: `Konten ${label}`, role, password: PASSWORD }, { hashParams: FAST });
}

/** The Cookie header of a new signed-in session, with the CSRF cookie. */
async function cookieOf(caseworker: Caseworker): Promise<string> {
  return `${(await createSession(database, caseworker.id, "active")).split(";")[0]}; csrf=${CSRF}`;
}

const sessionCount = async (id: string) => (await database.selectFrom("caseworker_sessions").select("id").where("caseworker_id", "=", id).execute()).length;

function getRequest(cookie: string, search = ""): Request {
  return new Request(`http://localhost/sachbearbeitung/konten${search}`, { headers: { Cookie: cookie } });
}

function postRequest(cookie: string, fields: Record<string, string>, csrf = csrfTokenFor(CSRF)): Request {
  return new Request("http://localhost/sachbearbeitung/konten", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf, ...fields }),
  });
}

type Outcome = { status: number; location?: string; body?: unknown };

/** What the loader or action gave back: a Response (returned or thrown), data() or plain data. */
async function run(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") ?? undefined };
    const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") ?? undefined };
    throw thrown;
  }
}

const load = (cookie: string, search = "") => run(async () => konten.loader({ request: getRequest(cookie, search), params: {}, context }));
const post = (cookie: string, fields: Record<string, string>, csrf?: string) => run(async () => konten.action({ request: postRequest(cookie, fields, csrf), params: {}, context }));

type LoaderBody = Awaited<ReturnType<typeof konten.loader>>;
type ActionBody = { problem?: string; errors?: { name: string; code: string }[]; values?: Record<string, string> };

beforeAll(async () => {
  database = await db();
});

describe("setDisabled", () => {
  it("locks and unlocks only accounts of the actor's own jobcenter", async () => {
    const admin = await account(JC1, "administration");
    const own = await account(JC1, "sachbearbeitung");
    const other = await account(JC2, "sachbearbeitung");

    await expect(setDisabled(database, admin, other.id, true)).rejects.toBeInstanceOf(AccountAccessError);
    expect((await getCaseworker(database, other.id))?.disabled).toBe(false);
    await expect(setDisabled(database, admin, randomUUID(), true)).rejects.toBeInstanceOf(AccountAccessError);

    expect((await setDisabled(database, admin, own.id, true)).disabled).toBe(true);
    expect((await getCaseworker(database, own.id))?.disabled).toBe(true);
    expect((await setDisabled(database, admin, own.id, false)).disabled).toBe(false);
    expect((await getCaseworker(database, own.id))?.disabled).toBe(false);
  });

  it("refuses the actor's own account, so an administrator cannot lock themself out", async () => {
    const admin = await account(JC1, "administration");
    await expect(setDisabled(database, admin, admin.id, true)).rejects.toBeInstanceOf(OwnAccountError);
    await expect(setDisabled(database, admin, admin.id, false)).rejects.toBeInstanceOf(OwnAccountError);
    expect((await getCaseworker(database, admin.id))?.disabled).toBe(false);
  });

  it("is for administrators only", async () => {
    const teamleitung = await account(JC1, "teamleitung");
    const own = await account(JC1, "sachbearbeitung");
    await expect(setDisabled(database, teamleitung, own.id, true)).rejects.toBeInstanceOf(AccountAccessError);
    expect((await getCaseworker(database, own.id))?.disabled).toBe(false);
  });

  it("ends the target's sessions at once when locking, and only theirs", async () => {
    const admin = await account(JC1, "administration");
    const target = await account(JC1, "sachbearbeitung");
    const bystander = await account(JC1, "sachbearbeitung");
    const cookie = await cookieOf(target);
    await createSession(database, target.id, "totp");
    await createSession(database, bystander.id, "active");
    const adminSessions = await sessionCount(admin.id);
    expect(await sessionCount(target.id)).toBe(2);

    await setDisabled(database, admin, target.id, true);
    expect(await sessionCount(target.id)).toBe(0);
    expect(await sessionCount(bystander.id)).toBe(1);
    expect(await sessionCount(admin.id)).toBe(adminSessions);
    expect((await lookupSession(database, new Request("http://localhost/", { headers: { Cookie: cookie } }), { touch: false })).state).toBeUndefined();

    // Unlocking does not bring sessions back.
    await setDisabled(database, admin, target.id, false);
    expect(await sessionCount(target.id)).toBe(0);
  });

  it("keeps a locked account from signing in with the right password, until it is unlocked", async () => {
    const admin = await account(JC1, "administration");
    const target = await account(JC1, "sachbearbeitung");
    expect((await checkPassword(database, target.email, PASSWORD)).ok).toBe(true);
    await setDisabled(database, admin, target.id, true);
    const refused = await checkPassword(database, target.email, PASSWORD);
    expect(refused).toMatchObject({ ok: false, reason: "falsch" });
    await setDisabled(database, admin, target.id, false);
    expect((await checkPassword(database, target.email, PASSWORD)).ok).toBe(true);
  });
});

describe("/sachbearbeitung/konten", () => {
  let admin: Caseworker;
  let adminCookie: string;
  let colleague: Caseworker;
  let otherJobcenter: Caseworker;

  beforeAll(async () => {
    admin = await account(JC1, "administration", "admin");
    adminCookie = await cookieOf(admin);
    colleague = await account(JC1, "sachbearbeitung", "kollegin");
    otherJobcenter = await account(JC2, "sachbearbeitung", "anderes-jobcenter");
  });

  it.each(["sachbearbeitung", "teamleitung"] as const)("answers 403 to the role %s, for the page and every POST", async (role) => {
    const cookie = await cookieOf(await account(JC1, role));
    expect((await load(cookie)).status).toBe(403);
    const email = uniqueEmail("verboten");
    expect((await post(cookie, { intent: "anlegen", name: "Nicht erlaubt", email, rolle: "administration", passwort: PASSWORD })).status).toBe(403);
    expect(await findCaseworkerByEmail(database, email)).toBeUndefined();
    expect((await post(cookie, { intent: "sperren", konto: colleague.id })).status).toBe(403);
    expect((await getCaseworker(database, colleague.id))?.disabled).toBe(false);
  });

  it("sends anonymous visitors to the sign-in page", async () => {
    const result = await load(`csrf=${CSRF}`);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/sachbearbeitung\/anmelden/);
  });

  it("refuses a POST without a valid CSRF token", async () => {
    expect((await post(adminCookie, { intent: "sperren", konto: colleague.id }, "falsch")).status).toBe(403);
    expect((await getCaseworker(database, colleague.id))?.disabled).toBe(false);
  });

  it("lists the own jobcenter's accounts with role, second factor and status; no button for the own account", async () => {
    const locked = await account(JC1, "teamleitung", "voruebergehend");
    await database.updateTable("caseworkers").set({ locked_until: new Date(Date.now() + 10 * 60_000).toISOString() }).where("id", "=", locked.id).execute();
    const disabled = await account(JC1, "sachbearbeitung", "gesperrt");
    await database.updateTable("caseworkers").set({ disabled: 1 }).where("id", "=", disabled.id).execute();
    const expired = await account(JC1, "sachbearbeitung", "abgelaufen");
    await database.updateTable("caseworkers").set({ locked_until: new Date(Date.now() - 60_000).toISOString() }).where("id", "=", expired.id).execute();

    const result = await load(adminCookie);
    expect(result.status).toBe(200);
    const body = result.body as LoaderBody;
    expect(body.titleKeys).toEqual(["sachbearbeitung:konten.titel"]);
    const byId = new Map(body.accounts.map((a) => [a.id, a]));
    expect(byId.has(otherJobcenter.id)).toBe(false);
    expect(body.accounts.every((a) => !a.email.includes("anderes-jobcenter"))).toBe(true);
    expect(byId.get(admin.id)).toMatchObject({ self: true, status: "aktiv", role: "administration", hasTotp: false });
    expect(byId.get(colleague.id)).toMatchObject({ self: false, status: "aktiv", role: "sachbearbeitung", disabled: false });
    expect(byId.get(locked.id)).toMatchObject({ status: "voruebergehend", role: "teamleitung" });
    expect(byId.get(locked.id)?.lockedUntil).toBeTruthy();
    expect(byId.get(disabled.id)).toMatchObject({ status: "gesperrt", disabled: true });
    expect(byId.get(expired.id)).toMatchObject({ status: "aktiv" });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password_hash|totp_secret/);
    expect(body.minPasswordLength).toBe(12);
  });

  it("creates an account in the administrator's own jobcenter, whatever the form says", async () => {
    const email = uniqueEmail("Neu.Angelegt").toUpperCase();
    const password = "ein-ganz-neues-passwort";
    const result = await post(adminCookie, { intent: "anlegen", name: "  Neue Kollegin ", email, rolle: "teamleitung", passwort: password, jobcenterId: JC2, jobcenter: JC2 });
    expect(result).toMatchObject({ status: 302, location: "/sachbearbeitung/konten?meldung=angelegt" });
    const created = await findCaseworkerByEmail(database, email);
    expect(created).toMatchObject({ jobcenterId: JC1, name: "Neue Kollegin", email: email.toLowerCase(), role: "teamleitung", disabled: false, hasTotp: false });
    const signIn = await checkPassword(database, email, password);
    expect(signIn.ok).toBe(true);

    const audit = (await listAudit(database, JC1, { limit: 1000 })).find((e) => e.action === "konto_angelegt" && e.detail.konto === created!.id);
    expect(audit).toMatchObject({ caseworkerId: admin.id, jobcenterId: JC1, detail: { konto: created!.id, rolle: "teamleitung" } });
    const rows = await database.selectFrom("audit_log").select("detail").execute();
    expect(JSON.stringify(rows)).not.toContain(password);

    const page = (await load(adminCookie, "?meldung=angelegt")).body as LoaderBody;
    expect(page.meldung).toBe("angelegt");
    expect(page.accounts.some((a) => a.id === created!.id)).toBe(true);
    expect(((await load(adminCookie, "?meldung=<script>")).body as LoaderBody).meldung).toBeUndefined();
  });

  it("answers invalid input with field errors, keeps the values but never the password", async () => {
    const email = "keine-adresse";
    const result = await post(adminCookie, { intent: "anlegen", name: "Erika Beispiel", email, rolle: "chef", passwort: "kurz" });
    expect(result.status).toBe(400);
    const body = result.body as ActionBody;
    expect(body.errors?.map((e) => [e.name, e.code])).toEqual(expect.arrayContaining([["email", "emailFormat"], ["rolle", "rolle"], ["passwort", "passwortZuKurz"]]));
    expect(body.errors?.some((e) => e.name === "name")).toBe(false);
    expect(body.values).toEqual({ name: "Erika Beispiel", email, rolle: "chef" });
    expect(body.values).not.toHaveProperty("passwort");
    expect(await findCaseworkerByEmail(database, email)).toBeUndefined();

    const empty = await post(adminCookie, { intent: "anlegen", name: "   ", email: "", rolle: "sachbearbeitung", passwort: "" });
    expect(empty.status).toBe(400);
    const codes = Object.fromEntries((empty.body as ActionBody).errors!.map((e) => [e.name, e.code]));
    expect(codes).toEqual({ name: "nameLeer", email: "emailLeer", passwort: "passwortZuKurz" });
  });

  it("answers an e-mail address that already has an account (in any jobcenter, any case) with a field error", async () => {
    for (const email of [colleague.email.toUpperCase(), otherJobcenter.email]) {
      const result = await post(adminCookie, { intent: "anlegen", name: "Doppelt", email, rolle: "sachbearbeitung", passwort: PASSWORD });
      expect(result.status).toBe(400);
      const body = result.body as ActionBody;
      expect(body.errors).toEqual([{ name: "email", code: "emailVergeben" }]);
      expect(body.values).toMatchObject({ name: "Doppelt", email });
      expect(JSON.stringify(body)).not.toContain(PASSWORD);
    }
    expect((await getCaseworker(database, otherJobcenter.id))?.name).toBe("Konten anderes-jobcenter");
  });

  it("locks an account (ending its sessions) and unlocks it, audited with account id and role", async () => {
    const target = await account(JC1, "teamleitung", "zu-sperren");
    const targetCookie = await cookieOf(target);
    expect((await run(async () => konten.loader({ request: getRequest(targetCookie), params: {}, context }))).status).toBe(403);

    expect(await post(adminCookie, { intent: "sperren", konto: target.id })).toMatchObject({ status: 302, location: "/sachbearbeitung/konten?meldung=gesperrt" });
    expect((await getCaseworker(database, target.id))?.disabled).toBe(true);
    expect(await sessionCount(target.id)).toBe(0);
    const after = await load(targetCookie);
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/sachbearbeitung\/anmelden/);
    expect((await checkPassword(database, target.email, PASSWORD)).ok).toBe(false);
    const listed = ((await load(adminCookie)).body as LoaderBody).accounts.find((a) => a.id === target.id);
    expect(listed).toMatchObject({ status: "gesperrt", disabled: true });

    expect(await post(adminCookie, { intent: "entsperren", konto: target.id })).toMatchObject({ status: 302, location: "/sachbearbeitung/konten?meldung=entsperrt" });
    expect((await getCaseworker(database, target.id))?.disabled).toBe(false);
    expect((await checkPassword(database, target.email, PASSWORD)).ok).toBe(true);

    const entries = (await listAudit(database, JC1, { limit: 1000 })).filter((e) => e.detail.konto === target.id);
    expect(entries.map((e) => e.action).sort()).toEqual(["konto_entsperrt", "konto_gesperrt"]);
    for (const e of entries) expect(e).toMatchObject({ caseworkerId: admin.id, jobcenterId: JC1, detail: { konto: target.id, rolle: "teamleitung" } });
  });

  it("answers another jobcenter's account and unknown ids with 404, and changes nothing", async () => {
    await cookieOf(otherJobcenter); // a session that must survive
    for (const intent of ["sperren", "entsperren"]) {
      expect((await post(adminCookie, { intent, konto: otherJobcenter.id })).status).toBe(404);
      expect((await post(adminCookie, { intent, konto: randomUUID() })).status).toBe(404);
      expect((await post(adminCookie, { intent, konto: "" })).status).toBe(404);
    }
    expect((await getCaseworker(database, otherJobcenter.id))?.disabled).toBe(false);
    expect(await sessionCount(otherJobcenter.id)).toBeGreaterThan(0);
    const entries = (await listAudit(database, JC1, { limit: 1000 })).concat(await listAudit(database, JC2, { limit: 1000 }));
    expect(entries.some((e) => e.detail.konto === otherJobcenter.id)).toBe(false);
  });

  it("refuses to lock the administrator's own account", async () => {
    const result = await post(adminCookie, { intent: "sperren", konto: admin.id });
    expect(result.status).toBe(403);
    expect((result.body as ActionBody).problem).toBe("selbst");
    expect((await getCaseworker(database, admin.id))?.disabled).toBe(false);
    expect((await load(adminCookie)).status).toBe(200);
  });

  it("answers an unknown intent with 400", async () => {
    expect((await post(adminCookie, { intent: "loeschen", konto: colleague.id })).status).toBe(400);
  });
});
