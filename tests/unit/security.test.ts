import { describe, expect, it } from "vitest";
import { csrfTokenFor, readVerifiedForm } from "~/security/csrf.server";
import { RateLimiter } from "~/security/rate-limit.server";

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

describe("rate limiter", () => {
  it("allows the limit per window, per key, then refuses until the window ends", () => {
    const limiter = new RateLimiter(3, 1000);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.attempt("ip", t0).allowed)).toEqual([true, true, true]);
    expect(limiter.attempt("ip", t0 + 10)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.attempt("other", t0 + 10).allowed).toBe(true);
    expect(limiter.attempt("ip", t0 + 1000).allowed).toBe(true);
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
