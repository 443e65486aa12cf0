/**
 * Known devices (ADR 0020): after a complete sign-in the browser gets a cookie that says "this
 * device signed in to account X". While an account is locked because of failures from unknown
 * devices, a known device may still sign in with the right password, so an attacker who
 * guesses from elsewhere cannot lock the owner out of their own workplace.
 *
 * The cookie holds up to five tokens (shared workstations), each `nonce.issued.mac` with
 * mac = HMAC(key, account id | nonce | issued). It names no account, is stateless and valid for
 * DEVICE_DAYS; the nonce is the key of the device's own failure throttle. Path /sachbearbeitung
 * (the sign-in page and its single-fetch `.data` request), HttpOnly, SameSite=Strict.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { secureCookies } from "~/config/env.server";
import { deriveKey } from "~/security/crypto.server";
import { readCookie } from "~/security/csrf.server";

export const DEVICE_COOKIE = "sachbearbeitung_geraet";
export const DEVICE_DAYS = 90;
const MAX_TOKENS = 5;
const TOKEN = /^[A-Za-z0-9_-]{22}\.\d{1,12}\.[A-Za-z0-9_-]{43}$/;

let key: Buffer | undefined;
const mac = (accountId: string, nonce: string, issued: string) =>
  createHmac("sha256", (key ??= deriveKey("caseworker-known-device", "v1"))).update(`${accountId}|${nonce}|${issued}`).digest("base64url");

const tokensOf = (value: string | undefined) => (value ?? "").split("~").filter((t) => TOKEN.test(t)).slice(0, MAX_TOKENS);

function current(token: string, now: Date): boolean {
  const age = now.getTime() / 1000 - Number(token.split(".")[1]);
  return age >= -300 && age <= DEVICE_DAYS * 86_400;
}

function validFor(token: string, accountId: string, now: Date): boolean {
  if (!current(token, now)) return false;
  const [nonce, issued, sent] = token.split(".");
  const expected = Buffer.from(mac(accountId, nonce, issued));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The id (nonce) of this device for this account, if the cookie says it signed in before. */
export function knownDeviceId(cookieValue: string | undefined, accountId: string, now: Date = new Date()): string | undefined {
  return tokensOf(cookieValue).find((t) => validFor(t, accountId, now))?.split(".")[0];
}

export const deviceCookieOf = (request: Request) => readCookie(request, DEVICE_COOKIE);

/** After a complete sign-in: a fresh token for this account first, others kept; the Set-Cookie value. */
export function rememberDevice(cookieValue: string | undefined, accountId: string, now: Date = new Date()): string {
  const nonce = randomBytes(16).toString("base64url");
  const issued = String(Math.floor(now.getTime() / 1000));
  const others = tokensOf(cookieValue).filter((t) => current(t, now) && !validFor(t, accountId, now));
  const value = [`${nonce}.${issued}.${mac(accountId, nonce, issued)}`, ...others].slice(0, MAX_TOKENS).join("~");
  return `${DEVICE_COOKIE}=${value}; Path=/sachbearbeitung; Max-Age=${DEVICE_DAYS * 86_400}; HttpOnly; SameSite=Strict${secureCookies() ? "; Secure" : ""}`;
}
