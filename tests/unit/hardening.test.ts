/**
 * Hostile requests get a clear 4xx, decided in the shared mechanisms (ADR 0019): the client
 * address behind proxies, the origin check, who sees error details, bounded page numbers, and
 * readVerifiedForm / readVerifiedMultipartForm refusing bodies that are no form.
 */
import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageParam } from "~/caseworker/paging";
import { errorStatus, plainErrorPage } from "~/render/plain-error-page.server";
import { csrfTokenFor, readVerifiedForm, readVerifiedMultipartForm } from "~/security/csrf.server";
import { clientAddress, CROSS_ORIGIN, isCrossOrigin, REFUSAL_HEADER, showsErrorDetails } from "~/security/request-source.server";
import type { RefusalPage } from "~/ui/refusal";

const PROXY = "10.0.0.2";
const CLIENT = "203.0.113.9";

describe("client address", () => {
  it("is the socket peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(CLIENT, "198.51.100.1", 0)).toBe(CLIENT);
    expect(clientAddress("::ffff:203.0.113.9", undefined, 0)).toBe(CLIENT);
  });

  it("behind one proxy is the entry that proxy appended, never one the client wrote", () => {
    expect(clientAddress(PROXY, CLIENT, 1)).toBe(CLIENT);
    // The bypass of issue 19: a random address and loopback in front of the real one.
    for (const spoofed of ["1.2.3.4, 127.0.0.1", "127.0.0.1", "5.6.7.8,127.0.0.1, 9.9.9.9"]) {
      expect(clientAddress(PROXY, `${spoofed}, ${CLIENT}`, 1)).toBe(CLIENT);
    }
  });

  it("without a proxy in front, a client writing X-Forwarded-For cannot rotate its address", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientAddress("127.0.0.1", `10.9.8.${i}, 127.0.0.1`, 1)));
    expect([...seen]).toEqual(["127.0.0.1"]);
  });

  it("counts exactly the configured hops, from the right", () => {
    expect(clientAddress(PROXY, `6.6.6.6, ${CLIENT}, 10.0.0.1`, 2)).toBe(CLIENT);
    expect(clientAddress(PROXY, ["6.6.6.6", `${CLIENT}, 10.0.0.1`], 2)).toBe(CLIENT);
    // Fewer entries than hops: the left-most there is, never something invented.
    expect(clientAddress(PROXY, CLIENT, 3)).toBe(CLIENT);
    expect(clientAddress(PROXY, undefined, 1)).toBe(PROXY);
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("origin check", () => {
  it("lets same-origin and Origin-less requests through", () => {
    expect(isCrossOrigin(undefined, "portal.example", undefined, 0)).toBe(false);
    expect(isCrossOrigin("https://portal.example", "portal.example", undefined, 0)).toBe(false);
    expect(isCrossOrigin("http://127.0.0.1:3400", "127.0.0.1:3400", undefined, 0)).toBe(false);
    expect(isCrossOrigin("https://portal.example", "internal:3000", "portal.example", 1)).toBe(false);
  });

  it("marks other sites, null and unreadable origins", () => {
    expect(isCrossOrigin("https://evil.example", "portal.example", undefined, 0)).toBe(true);
    expect(isCrossOrigin("http://127.0.0.1:9999", "127.0.0.1:3400", undefined, 0)).toBe(true);
    expect(isCrossOrigin("null", "portal.example", undefined, 0)).toBe(true);
    expect(isCrossOrigin("not a url", "portal.example", undefined, 0)).toBe(true);
    expect(isCrossOrigin("https://evil.example", undefined, undefined, 0)).toBe(true);
    // X-Forwarded-Host counts only behind trusted proxies.
    expect(isCrossOrigin("https://evil.example", "portal.example", "evil.example", 0)).toBe(true);
  });
});

describe("error details", () => {
  it("only for loopback requests without proxy headers in development", () => {
    expect(showsErrorDetails("development", "127.0.0.1", {})).toBe(true);
    expect(showsErrorDetails("development", "::1", {})).toBe(true);
    expect(showsErrorDetails("development", "::ffff:127.0.0.1", {})).toBe(true);
    expect(showsErrorDetails("development", "192.168.1.20", {})).toBe(false);
    expect(showsErrorDetails("development", "127.0.0.1", { "x-forwarded-for": "203.0.113.9" })).toBe(false);
    expect(showsErrorDetails("development", "127.0.0.1", { forwarded: "for=203.0.113.9" })).toBe(false);
    expect(showsErrorDetails("production", "127.0.0.1", {})).toBe(false);
    expect(showsErrorDetails("test", "127.0.0.1", {})).toBe(false);
  });

  it("the server's own error page names no error, file or stack", async () => {
    expect(errorStatus(Object.assign(new URIError("Failed to decode param"), { status: 400 }))).toBe(400);
    expect(errorStatus(Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL" }))).toBe(400);
    expect(errorStatus(new Error("boom"))).toBe(500);
    const page = await plainErrorPage(500, { "accept-language": "en-GB,en;q=0.9" });
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).not.toMatch(/\bat \S+:\d+|node_modules|\/work\/|Error:/);
    expect(await plainErrorPage(400, { "accept-language": "ar" })).toContain('dir="rtl"');
  });
});

describe("page numbers", () => {
  it.each([
    [null, 1], ["", 1], ["3", 3], ["-5", 1], ["0", 1], ["abc", 1], ["1e3", 1], ["NaN", 1], ["Infinity", 1],
    ["99999999999999999999", MAX_PAGE], [String(MAX_PAGE + 1), MAX_PAGE],
  ])("seite=%s is page %d", (value, page) => {
    expect(pageParam(value)).toBe(page);
  });
});

const cookie = "a".repeat(43);
const token = csrfTokenFor(cookie);

function post(body: BodyInit | null, headers: Record<string, string>, path = "/fortsetzen") {
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { Cookie: `csrf=${cookie}`, ...headers } });
}

async function refused(read: Promise<unknown>): Promise<{ status: number; page: RefusalPage }> {
  const error = await read.then(() => undefined, (e: unknown) => e);
  expect(error, "refused with a Response").toBeInstanceOf(Response);
  const response = error as Response;
  return { status: response.status, page: (await response.json()) as RefusalPage };
}

const HOSTILE_BODIES: [string, BodyInit | null, Record<string, string>, number][] = [
  ["JSON", JSON.stringify({ csrf: token }), { "Content-Type": "application/json" }, 415],
  ["text/plain", `csrf=${token}`, { "Content-Type": "text/plain" }, 415],
  ["XML", "<csrf>x</csrf>", { "Content-Type": "application/xml" }, 415],
  ["an empty body", null, {}, 415],
  ["multipart without boundary", `csrf=${token}`, { "Content-Type": "multipart/form-data" }, 400],
];

describe("readVerifiedForm and readVerifiedMultipartForm", () => {
  it.each(HOSTILE_BODIES)("refuse %s with a 4xx page in the applicant's language", async (_, body, headers, status) => {
    for (const read of [
      (r: Request) => readVerifiedForm(r),
      (r: Request) => readVerifiedMultipartForm(r, { maxFileBytes: 1024, maxFiles: 2 }),
    ]) {
      const answer = await refused(read(post(body, { ...headers, "Accept-Language": "en" })));
      expect(answer.status).toBe(status);
      expect(answer.page.shell.lng).toBe("en");
      expect(answer.page.shell.bundle.common).toBeTruthy();
    }
  });

  it("refuse a multipart body without its parts: unreadable (400), or, streamed, a form without token (403)", async () => {
    const garbage = () => post("garbage", { "Content-Type": "multipart/form-data; boundary=XYZ" });
    expect((await refused(readVerifiedForm(garbage()))).status).toBe(400);
    expect((await refused(readVerifiedMultipartForm(garbage(), { maxFileBytes: 1024, maxFiles: 2 }))).status).toBe(403);
  });

  it("refuse a request the server marked as cross-origin with 403, even with a valid token", async () => {
    const marked = post(new URLSearchParams({ csrf: token }), { "Content-Type": "application/x-www-form-urlencoded", [REFUSAL_HEADER]: CROSS_ORIGIN, "Accept-Language": "ar" });
    const answer = await refused(readVerifiedForm(marked));
    expect(answer).toMatchObject({ status: 403, page: { kind: "crossOrigin", shell: { lng: "ar", dir: "rtl" } } });
  });

  it("answer the caseworker area in German, without a language switch", async () => {
    const answer = await refused(readVerifiedForm(post("{}", { "Content-Type": "application/json", "Accept-Language": "en" }, "/sachbearbeitung/anmelden")));
    expect(answer.page.shell).toMatchObject({ lng: "de", languages: [] });
  });

  it("still accept real forms", async () => {
    const form = await readVerifiedForm(post(new URLSearchParams({ csrf: token, x: "1" }), { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" }));
    expect(form.get("x")).toBe("1");
    const multipart = new FormData();
    multipart.set("csrf", token);
    multipart.set("y", "2");
    const { form: read } = await readVerifiedMultipartForm(post(multipart, {}), { maxFileBytes: 1024, maxFiles: 2 });
    expect(read.get("y")).toBe("2");
  });
});
