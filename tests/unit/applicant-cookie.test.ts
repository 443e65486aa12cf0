/**
 * The applicant cookie is encrypted, not only signed (issue 19 item 11, ADR 0022): its value
 * shows no draft id, no resume code, no receipt id and no JSON; any change to it, an old signed
 * cookie or an expired one is no session; and what goes in comes out.
 */
import { createCookieSessionStorage } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { deriveKey, encrypt } from "~/security/crypto.server";
import { secrets } from "~/security/secrets.server";
import {
  addReceipt, commitSession, destroySession, draftHandle, getSession, holdsAnything, mayViewReceipt, openCookieValue, sealCookieValue, setDraftHandle,
} from "~/security/session.server";

const HANDLE = { id: "3f2b9c1e-7a4d-4e8b-9c2f-1d5e6a7b8c9d", code: "K7M2QR9XABCDEFGHJKMN" };
const RECEIPT = "0b9e2c4d-1f3a-4b5c-8d7e-6f5a4b3c2d1e";

const request = (cookie?: string) => new Request("http://localhost/antrag/veraenderung/person", { headers: cookie ? { Cookie: cookie } : {} });
/** "antrag=<value>" from a Set-Cookie header. */
const pairOf = (setCookie: string) => setCookie.split(";")[0];
const valueOf = (setCookie: string) => pairOf(setCookie).slice("antrag=".length);

async function sessionCookie(): Promise<string> {
  const session = await getSession(request());
  setDraftHandle(session, "veraenderung", HANDLE);
  addReceipt(session, RECEIPT);
  return commitSession(session);
}

/** Every way to read the value as text: as it is, and each part (and the whole) base64-decoded. */
function readings(value: string): string[] {
  const parts = value.split(".");
  return [value, ...[value, ...parts].flatMap((p) => [Buffer.from(p, "base64url").toString("latin1"), Buffer.from(p, "base64").toString("latin1")])];
}

describe("the applicant cookie", () => {
  it("round-trips drafts and receipts", async () => {
    const setCookie = await sessionCookie();
    const session = await getSession(request(`csrf=x; ${pairOf(setCookie)}; lng=de`));
    expect(draftHandle(session, "veraenderung")).toEqual(HANDLE);
    expect(mayViewReceipt(session, RECEIPT)).toBe(true);
    expect(mayViewReceipt(session, "another")).toBe(false);
    // And again after a second commit (the session rolls on).
    const again = await getSession(request(pairOf(await commitSession(session))));
    expect(draftHandle(again, "veraenderung")).toEqual(HANDLE);
  });

  it("is HttpOnly, SameSite=Lax, for the whole site, and lives as long as a draft", async () => {
    const setCookie = await sessionCookie();
    expect(setCookie).toMatch(/^antrag=[^;]+; Max-Age=2592000; Expires=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("cannot be read: no draft id, no resume code, no receipt id, no JSON", async () => {
    const value = valueOf(await sessionCookie());
    expect(value).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const text of readings(value)) {
      for (const secret of [HANDLE.id, HANDLE.code, RECEIPT, "veraenderung", "drafts", "receipts"]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/\{\s*"\w+"\s*:/);
      expect(() => JSON.parse(text)).toThrow();
    }
    // The same session sealed twice gives two different values (a fresh IV each time).
    expect(valueOf(await sessionCookie())).not.toBe(value);
  });

  it("gives no session when any character of it is changed, cut off, or moved between parts", async () => {
    const value = valueOf(await sessionCookie());
    const tampered = new Set<string>();
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < value.length; i += 3) {
      if (value[i] === ".") continue;
      const other = alphabet[(alphabet.indexOf(value[i]) + 1) % alphabet.length];
      tampered.add(value.slice(0, i) + other + value.slice(i + 1));
    }
    const [v, iv, tag, body] = value.split(".");
    tampered.add(value.slice(0, -4));
    tampered.add([v, tag, iv, body].join("."));
    tampered.add([v, iv, tag].join("."));
    tampered.add(`v2.${iv}.${tag}.${body}`);
    tampered.add(`${value}A`);
    for (const t of tampered) {
      const session = await getSession(request(`antrag=${t}`));
      expect(holdsAnything(session), t).toBe(false);
      expect(draftHandle(session, "veraenderung")).toBeUndefined();
      expect(mayViewReceipt(session, RECEIPT)).toBe(false);
    }
  });

  it("treats the old signed, readable cookie as no session", async () => {
    const old = createCookieSessionStorage({ cookie: { name: "antrag", secrets: [secrets().sessionSecret], path: "/", httpOnly: true, sameSite: "lax" } });
    const session = await old.getSession();
    session.set("drafts", { veraenderung: HANDLE });
    session.set("receipts", [RECEIPT]);
    const setCookie = await old.commitSession(session);
    // It was readable: that is what this change is about.
    expect(Buffer.from(decodeURIComponent(valueOf(setCookie)).split(".")[0], "base64").toString()).toContain(HANDLE.code);
    const now = await getSession(request(pairOf(setCookie)));
    expect(holdsAnything(now)).toBe(false);
  });

  it("gives no session when it has expired, or was sealed for another purpose", () => {
    const data = { drafts: { veraenderung: HANDLE }, receipts: [RECEIPT] };
    const sealed = sealCookieValue(data, Date.now());
    expect(openCookieValue(sealed)).toEqual(data);
    expect(openCookieValue(sealed, Date.now() + 31 * 86_400_000)).toBeUndefined();
    expect(openCookieValue(sealCookieValue(data, Date.now() - 31 * 86_400_000))).toBeUndefined();
    const payload = JSON.stringify({ v: 1, exp: Math.floor(Date.now() / 1000) + 3600, data });
    expect(openCookieValue(encrypt(payload, deriveKey("applicant-session-cookie", secrets().sessionSecret), "another-purpose"))).toBeUndefined();
    expect(openCookieValue(encrypt(payload, deriveKey("another-purpose", secrets().sessionSecret), "cookie:antrag"))).toBeUndefined();
    expect(openCookieValue(encrypt(payload, deriveKey("applicant-session-cookie", secrets().sessionSecret), "cookie:antrag"))).toEqual(data);
  });

  it("keeps only well-formed entries of a sealed payload", () => {
    const key = deriveKey("applicant-session-cookie", secrets().sessionSecret);
    const payload = { v: 1, exp: Math.floor(Date.now() / 1000) + 3600, data: { drafts: { a: HANDLE, b: { id: 5 }, c: null }, receipts: [RECEIPT, 7, ""] } };
    expect(openCookieValue(encrypt(JSON.stringify(payload), key, "cookie:antrag"))).toEqual({ drafts: { a: HANDLE }, receipts: [RECEIPT] });
  });

  it("ignores garbage without failing", async () => {
    for (const cookie of ["antrag=", "antrag=%E0%A4%A", "antrag=v1...", "antrag=not-a-cookie", `antrag=${"A".repeat(5000)}`, "antrag"]) {
      expect(holdsAnything(await getSession(request(cookie))), cookie).toBe(false);
    }
  });

  it("is removed when the session is ended or holds nothing", async () => {
    expect(destroySession()).toMatch(/^antrag=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=\/; HttpOnly; SameSite=Lax/);
    const session = await getSession(request(pairOf(await sessionCookie())));
    setDraftHandle(session, "veraenderung", undefined);
    expect(valueOf(await commitSession(session))).not.toBe("");
    session.set("receipts", []);
    expect(await commitSession(session)).toBe(destroySession());
  });
});
