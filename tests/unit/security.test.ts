import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfTokenFor, readVerifiedForm } from "~/security/csrf.server";
import { purgeExpiredRateLimits, RateLimiter } from "~/security/rate-limit.server";
import type { DB } from "~/store/db.server";
import { migrate } from "~/store/migrations.server";
import { storeDrivers } from "../fixtures/databases";

function post(body: Record<string, string>, cookie?: string) {
  return new Request("http://localhost/x", {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

describe("CSRF", () => {
  const cookie = "a".repeat(43);
  it("accepts the token that belongs to the cookie", async () => {
    const form = await readVerifiedForm(post({ csrf: csrfTokenFor(cookie), x: "1" }, `other=1; csrf=${cookie}`));
    expect(form.get("x")).toBe("1");
  });
  it.each([
    ["no cookie", { csrf: csrfTokenFor(cookie) }, undefined],
    ["no token", { x: "1" }, `csrf=${cookie}`],
    ["another cookie's token", { csrf: csrfTokenFor("b".repeat(43)) }, `csrf=${cookie}`],
  ])("rejects %s with 403", async (_, body, c) => {
    const error = await readVerifiedForm(post(body as Record<string, string>, c)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(403);
  });
});

describe.each(storeDrivers("ratelimit"))("rate limiter on $name (ADR 0023)", (driver) => {
  let store: DB;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db: store, drop } = await driver.open());
    await migrate(store);
  });
  afterAll(async () => { await store.destroy(); await drop(); });

  it("allows the limit per window, per key, then refuses until the window ends", async () => {
    const limiter = new RateLimiter(3, 1000, { store });
    const t0 = 1_000_000;
    const first = [];
    for (let i = 0; i < 3; i++) first.push((await limiter.attempt("ip", t0)).allowed);
    expect(first).toEqual([true, true, true]);
    expect(await limiter.attempt("ip", t0 + 10)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect((await limiter.attempt("other", t0 + 10)).allowed).toBe(true);
    expect((await limiter.attempt("ip", t0 + 1000)).allowed).toBe(true);
  });

  it("counts together under one name (two instances), apart under another; parallel attempts never pass the limit", async () => {
    const a = new RateLimiter(5, 60_000, { name: "shared", store });
    const b = new RateLimiter(5, 60_000, { name: "shared", store });
    const t0 = 2_000_000;
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).attempt("203.0.113.1", t0)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
    expect((await new RateLimiter(5, 60_000, { store }).attempt("203.0.113.1", t0)).allowed).toBe(true);
  });

  it("purges the rows whose window has ended, and only those", async () => {
    const limiter = new RateLimiter(3, 1000, { store });
    await limiter.attempt("old", 5_000_000);
    await limiter.attempt("new", 5_000_900);
    const before = await store.selectFrom("rate_limits").select("key").execute();
    expect(await purgeExpiredRateLimits(store, 5_001_000)).toBeGreaterThanOrEqual(1);
    const keys = (await store.selectFrom("rate_limits").select("key").execute()).map((r) => r.key);
    expect(keys).toContain(`${limiter.name}:new`);
    expect(keys).not.toContain(`${limiter.name}:old`);
    expect(before.length).toBeGreaterThan(keys.length);
  });

  it("hashes long keys into the column", async () => {
    const limiter = new RateLimiter(1, 1000, { store });
    const long = "x".repeat(500);
    expect((await limiter.attempt(long, 1)).allowed).toBe(true);
    expect((await limiter.attempt(long, 2)).allowed).toBe(false);
  });
});

describe("resume look-ups", () => {
  it("refuse the eleventh attempt from one address within 15 minutes", async () => {
    const { resume } = await import("~/flows/resume.server");
    const request = new Request("http://localhost/fortsetzen", { method: "POST" });
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push(await resume(request, "198.51.100.23", "nope"));
    expect(outcomes.slice(0, 10).every((o) => o === "invalid")).toBe(true);
    expect(outcomes[10]).toBe("tooMany");
    expect(await resume(request, "198.51.100.24", "nope")).toBe("invalid");
  });
});
