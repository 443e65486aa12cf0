/**
 * Caseworker sign-in throttles the attacker, not the victim (ADR 0020): the failure throttle per
 * address (progressive, hard limit), IPv6 by /64, known-device cookies, the account lockout that
 * refuses unknown devices only — through the sign-in steps on SQLite and, with TEST_DATABASE_URL,
 * PostgreSQL, and through the real sign-in route with its cookies and status codes.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmTotpEnrolment, createCaseworker, MAX_FAILED_ATTEMPTS, startTotpEnrolment, type Caseworker } from "~/caseworker/accounts.server";
import { listAudit } from "~/caseworker/audit.server";
import { DEVICE_COOKIE, DEVICE_DAYS, knownDeviceId, rememberDevice } from "~/caseworker/known-device.server";
import { signInWithCode, signInWithPassword, type Attempt } from "~/caseworker/sign-in.server";
import { totp } from "~/caseworker/totp.server";
import * as anmelden from "~/routes/sachbearbeitung.anmelden";
import { csrfTokenFor } from "~/security/csrf.server";
import { addressKey, ADDRESS_POLICY, FailureThrottle, newLoginThrottles } from "~/security/login-throttle.server";
import { db as appDb, type DB } from "~/store/db.server";
import { syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { storeDrivers } from "../fixtures/databases";
import { FAST_HASH } from "../fixtures/seed";

const PASSWORD = "das-richtige-passwort";
const WRONG = "ein-falsches-passwort";
const ATTACKER = "203.0.113.66";
const OFFICE = "198.51.100.10";
const ELSEWHERE = "192.0.2.44";
/** The value of a Set-Cookie header (name=value; …). */
const valueOf = (setCookie: string) => setCookie.split(";")[0].split("=").slice(1).join("=");

describe.each(storeDrivers("throttle"))("failure throttle on $name", (driver) => {
  let store: DB;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db: store, drop } = await driver.open());
    await migrate(store);
  });
  afterAll(async () => { await store.destroy(); await drop(); });

  it("lets 5 failures through, then doubles the wait up to a minute, and stops an address for 15 minutes after 20", async () => {
    const throttle = new FailureThrottle(ADDRESS_POLICY, { store });
    let now = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect((await throttle.check("a", now)).allowed).toBe(true);
      await throttle.fail("a", now);
    }
    const waits: number[] = [];
    for (let i = 5; i < 20; i++) {
      const refused = await throttle.check("a", now);
      expect(refused.allowed).toBe(false);
      // The reserving attempt refuses the same way, and counts nothing.
      expect(await throttle.attempt("a", now)).toEqual(refused);
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000;
      expect((await throttle.check("a", now)).allowed).toBe(true);
      expect((await throttle.attempt("a", now)).allowed).toBe(true);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60]);
    expect(await throttle.check("a", now + 60_000)).toEqual({ allowed: false, retryAfterSeconds: 840 });
    expect(await throttle.attempt("a", now + 60_000)).toEqual({ allowed: false, retryAfterSeconds: 840 });
    expect((await throttle.check("other", now)).allowed).toBe(true);
    // Forgotten 15 minutes after the last failure.
    expect((await throttle.check("a", now + 15 * 60_000)).allowed).toBe(true);
    expect((await throttle.attempt("a", now + 15 * 60_000)).allowed).toBe(true);
  });

  it("gives a successful attempt back, but not the failures before it", async () => {
    const throttle = new FailureThrottle(ADDRESS_POLICY, { store });
    for (let i = 0; i < 4; i++) await throttle.fail("a", 0);
    expect((await throttle.attempt("a", 0)).allowed).toBe(true); // reserved for an attempt under way…
    expect((await throttle.check("a", 0)).allowed).toBe(false);
    await throttle.refund("a"); // …that succeeded
    expect((await throttle.check("a", 0)).allowed).toBe(true);
    await throttle.fail("a", 0);
    expect((await throttle.check("a", 0)).allowed).toBe(false);
  });

  it("two throttles of one name (two server instances) count together, even in parallel", async () => {
    const a = new FailureThrottle(ADDRESS_POLICY, { name: "together", store });
    const b = new FailureThrottle(ADDRESS_POLICY, { name: "together", store });
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).attempt("203.0.113.9", 7_000_000)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(ADDRESS_POLICY.free);
    expect(await a.check("203.0.113.9", 7_000_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe("address keys", () => {
  it("keys IPv6 addresses by their /64 and IPv4-mapped addresses as IPv4", () => {
    expect(addressKey("203.0.113.5")).toBe("203.0.113.5");
    expect(addressKey("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("2001:db8:1:3::1")).not.toBe(addressKey("2001:db8:1:2::1"));
    expect(addressKey("unknown")).toBe("unknown");
  });
});

describe("known-device cookie", () => {
  const a = "11111111-1111-1111-1111-111111111111";
  const b = "22222222-2222-2222-2222-222222222222";
  it("names a device for the account it signed in to, for 90 days, and cannot be forged", () => {
    const now = new Date("2026-12-06T08:00:00Z");
    const setCookie = rememberDevice(undefined, a, now);
    expect(setCookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=[^;]+; Path=/sachbearbeitung; Max-Age=${DEVICE_DAYS * 86_400}; HttpOnly; SameSite=Strict`));
    const value = valueOf(setCookie);
    expect(value).not.toContain(a);
    expect(knownDeviceId(value, a, now)).toMatch(/^[\w-]{22}$/);
    expect(knownDeviceId(value, b, now)).toBeUndefined();
    expect(knownDeviceId(value, a, new Date(now.getTime() + (DEVICE_DAYS + 1) * 86_400_000))).toBeUndefined();
    const [nonce, issued, mac] = value.split(".");
    expect(knownDeviceId(`${nonce}.${Number(issued) + 1}.${mac}`, a, now)).toBeUndefined();
    expect(knownDeviceId(`${nonce}.${issued}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`, a, now)).toBeUndefined();
    expect(knownDeviceId(undefined, a, now)).toBeUndefined();
  });

  it("keeps several accounts of a shared workstation and renews the token of the one signing in", () => {
    const now = new Date("2026-12-06T08:00:00Z");
    const both = valueOf(rememberDevice(valueOf(rememberDevice(undefined, a, now)), b, now));
    expect(knownDeviceId(both, a, now)).toBeDefined();
    expect(knownDeviceId(both, b, now)).toBeDefined();
    const renewed = valueOf(rememberDevice(both, a, now));
    expect(renewed.split("~")).toHaveLength(2);
    expect(knownDeviceId(renewed, a, now)).not.toBe(knownDeviceId(both, a, now));
  });
});

describe.each(storeDrivers("signin"))("sign-in steps on $name", (driver) => {
  let db: DB;
  let drop: () => Promise<void>;
  let n = 0;
  const T0 = Date.parse("2026-12-06T08:00:00Z");
  const at = (seconds: number) => new Date(T0 + seconds * 1000);
  const account = async () => createCaseworker(db, { jobcenterId: "demo-musterstadt", email: `person-${++n}@example.org`, name: `Person ${n}`, role: "sachbearbeitung", password: PASSWORD }, { hashParams: FAST_HASH });
  const lockedUntil = async (cw: Caseworker) => (await db.selectFrom("caseworkers").select("locked_until").where("id", "=", cw.id).executeTakeFirstOrThrow()).locked_until;

  beforeAll(async () => {
    ({ db, drop } = await driver.open());
    await migrate(db);
    await syncJobcenters(db);
  });
  afterAll(async () => { await db.destroy(); await drop(); });

  it("5+ wrong passwords from address A lock out unknown devices only: the owner's known device signs in from address B", async () => {
    const throttles = newLoginThrottles({ store: db });
    const owner = await account();
    const from = (ip: string, seconds: number, deviceCookie?: string): Attempt => ({ ip, deviceCookie, now: at(seconds), throttles });
    // Yesterday's sign-in at the office made the device known.
    const office = await signInWithPassword(db, owner.email, PASSWORD, from(OFFICE, 0));
    expect(office).toMatchObject({ ok: true, knownDevice: false });
    const device = valueOf(rememberDevice(undefined, owner.id, at(0)));

    const attack = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) attack.push(await signInWithPassword(db, owner.email, WRONG, from(ATTACKER, 10)));
    expect(attack.map((o) => !o.ok && o.reason)).toEqual(["falsch", "falsch", "falsch", "falsch", "gesperrt"]);
    expect(await lockedUntil(owner)).toBe(at(10 + 15 * 60).toISOString());

    // The attacker's address is throttled: even the right password is refused there, unchecked.
    expect(await signInWithPassword(db, owner.email, PASSWORD, from(ATTACKER, 10))).toEqual({ ok: false, reason: "zuViele", retryAfterSeconds: 1 });
    // An unknown device elsewhere meets the account lock…
    expect(await signInWithPassword(db, owner.email, PASSWORD, from(ELSEWHERE, 20))).toMatchObject({ ok: false, reason: "gesperrt" });
    // …the owner's known device does not, from any address.
    expect(await signInWithPassword(db, owner.email, PASSWORD, from(ELSEWHERE, 30, device))).toMatchObject({ ok: true, knownDevice: true });
    // Signing in does not lift the lock for the attacker.
    expect(await lockedUntil(owner)).toBe(at(10 + 15 * 60).toISOString());
    expect(await signInWithPassword(db, owner.email, PASSWORD, from(ELSEWHERE, 40))).toMatchObject({ ok: false, reason: "gesperrt" });
    const audit = await listAudit(db, "demo-musterstadt");
    expect(audit.filter((e) => e.caseworkerId === owner.id && e.action === "anmeldung_gesperrt").length).toBeGreaterThanOrEqual(2);
  });

  it("repeated wrong passwords from one address are throttled, up to the hard limit; the right password stays refused there while throttled", async () => {
    const throttles = newLoginThrottles({ store: db });
    // Spread over accounts, so no account lock gets in the way: this is the address throttle.
    const victims = await Promise.all([account(), account(), account(), account(), account()]);
    let seconds = 100;
    const waits: number[] = [];
    for (let i = 0; i < ADDRESS_POLICY.hard; i++) {
      const victim = victims[i % victims.length];
      let outcome = await signInWithPassword(db, victim.email, WRONG, { ip: ATTACKER, deviceCookie: undefined, now: at(seconds), throttles });
      if (!outcome.ok && outcome.reason === "zuViele") {
        waits.push(outcome.retryAfterSeconds);
        // The right password of another account does not get through either while throttled.
        expect(await signInWithPassword(db, victims[(i + 1) % victims.length].email, PASSWORD, { ip: ATTACKER, deviceCookie: undefined, now: at(seconds), throttles }))
          .toMatchObject({ ok: false, reason: "zuViele" });
        seconds += outcome.retryAfterSeconds;
        outcome = await signInWithPassword(db, victim.email, WRONG, { ip: ATTACKER, deviceCookie: undefined, now: at(seconds), throttles });
      }
      expect(outcome).toMatchObject({ ok: false, reason: "falsch" });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60]);
    // Hard limit: 15 minutes, whatever the password.
    expect(await signInWithPassword(db, victims[0].email, PASSWORD, { ip: ATTACKER, deviceCookie: undefined, now: at(seconds + 600), throttles }))
      .toEqual({ ok: false, reason: "zuViele", retryAfterSeconds: 300 });
    // The victims themselves, from their own addresses, are not affected.
    for (const victim of victims) {
      expect(await signInWithPassword(db, victim.email, PASSWORD, { ip: OFFICE, deviceCookie: undefined, now: at(seconds + 600), throttles })).toMatchObject({ ok: true });
    }
    // After 15 quiet minutes the address may try again.
    expect(await signInWithPassword(db, victims[0].email, PASSWORD, { ip: ATTACKER, deviceCookie: undefined, now: at(seconds + 900), throttles })).toMatchObject({ ok: true });
  });

  it("counts parallel attempts before argon2 answers: no more than 5 get through to the password check", async () => {
    const throttles = newLoginThrottles({ store: db });
    const victim = await account();
    const outcomes = await Promise.all(Array.from({ length: 9 }, () => signInWithPassword(db, victim.email, WRONG, { ip: "203.0.113.99", deviceCookie: undefined, now: at(2000), throttles })));
    expect(outcomes.filter((o) => !o.ok && o.reason === "zuViele")).toHaveLength(4);
  });

  it("a known device's failures count against the device, not the account; after 5 it is treated like any other device", async () => {
    const throttles = newLoginThrottles({ store: db });
    const owner = await account();
    const device = valueOf(rememberDevice(undefined, owner.id, at(3000)));
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword(db, owner.email, WRONG, { ip: OFFICE, deviceCookie: device, now: at(3000), throttles })).toMatchObject({ ok: false, reason: "falsch" });
    }
    expect(await lockedUntil(owner)).toBeNull();
    // The device is used up: its attempts now count against its address and the account.
    expect(await signInWithPassword(db, owner.email, WRONG, { ip: OFFICE, deviceCookie: device, now: at(3001), throttles })).toMatchObject({ ok: false, reason: "falsch" });
    expect((await db.selectFrom("caseworkers").select("failed_attempts").where("id", "=", owner.id).executeTakeFirstOrThrow()).failed_attempts).toBe(1);
    // A stolen cookie is no key: the device of another account does not count.
    const other = await account();
    expect(knownDeviceId(device, other.id, at(3001))).toBeUndefined();
  });

  it("the code step of a locked account: refused for unknown devices, accepted from the known device", async () => {
    const throttles = newLoginThrottles({ store: db });
    const owner = await account();
    const secret = await startTotpEnrolment(db, owner.id);
    const enrol = at(4000);
    expect(await confirmTotpEnrolment(db, owner.id, totp(secret, enrol.getTime() / 1000), enrol)).toBe(true);
    const withTotp = { ...owner, hasTotp: true };
    const device = valueOf(rememberDevice(undefined, owner.id, enrol));
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await signInWithPassword(db, owner.email, WRONG, { ip: ATTACKER, deviceCookie: undefined, now: at(4010), throttles });
    expect(await lockedUntil(owner)).not.toBeNull();
    const later = at(4100);
    const code = totp(secret, later.getTime() / 1000);
    expect(await signInWithPassword(db, owner.email, PASSWORD, { ip: OFFICE, deviceCookie: device, now: later, throttles })).toMatchObject({ ok: true });
    expect(await signInWithCode(db, withTotp, code, { ip: OFFICE, deviceCookie: undefined, now: later, throttles })).toMatchObject({ ok: false, reason: "gesperrt" });
    expect(await signInWithCode(db, withTotp, code, { ip: OFFICE, deviceCookie: device, now: later, throttles })).toMatchObject({ ok: true, knownDevice: true });
  });
});

describe("sign-in route", () => {
  const CSRF = "anmelden-csrf-cookie";
  let owner: Caseworker;
  beforeAll(async () => {
    owner = await createCaseworker(await appDb(), { jobcenterId: "demo-musterstadt", email: "route-owner@example.org", name: "Route Owner", role: "sachbearbeitung", password: PASSWORD }, { hashParams: FAST_HASH });
  });

  async function post(ip: string, password: string, device?: string): Promise<{ status: number; headers: Headers; body?: unknown }> {
    const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Cookie: [`csrf=${CSRF}`, device ? `${DEVICE_COOKIE}=${device}` : ""].filter(Boolean).join("; ") });
    const body = new URLSearchParams({ csrf: csrfTokenFor(CSRF), schritt: "passwort", email: owner.email, password });
    const args = { request: new Request("http://localhost/sachbearbeitung/anmelden", { method: "POST", headers, body }), params: {}, context: { nonce: "n", csrfToken: "t", clientIp: ip } } as unknown as ActionFunctionArgs;
    const result = await anmelden.action(args).catch((thrown: unknown) => thrown);
    if (result instanceof Response) return { status: result.status, headers: result.headers };
    const { data, init } = result as { data: unknown; init: { status: number; headers?: HeadersInit } };
    return { status: init.status, headers: new Headers(init.headers), body: data };
  }

  it("5 wrong passwords from A: A is throttled (429, Retry-After) even with the right password, B's unknown device meets the lock (423), the owner's known device signs in (302)", async () => {
    const first = await post("198.51.100.200", PASSWORD);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/sachbearbeitung");
    const device = valueOf(first.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!);
    expect(first.headers.getSetCookie().some((c) => c.startsWith("sachbearbeitung="))).toBe(true);

    const attack = [];
    for (let i = 0; i < 5; i++) attack.push((await post("203.0.113.200", WRONG)).status);
    expect(attack).toEqual([401, 401, 401, 401, 423]);
    const throttled = await post("203.0.113.200", PASSWORD);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(throttled.body).toMatchObject({ error: "zuViele", field: "email" });
    expect((throttled.body as { until: string }).until).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect((await post("192.0.2.200", PASSWORD)).status).toBe(423);
    const known = await post("192.0.2.200", PASSWORD, device);
    expect(known.status).toBe(302);
    expect(known.headers.get("Location")).toBe("/sachbearbeitung");
    expect(known.headers.getSetCookie().some((c) => c.startsWith(`${DEVICE_COOKIE}=`))).toBe(true);
  });
});
