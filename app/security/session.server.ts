/**
 * The applicant's cookie session: which draft belongs to this browser (id + resume code) and
 * which receipts it may show. No answers ever go in here, but the resume code opens a draft, so
 * the cookie is encrypted, not only signed (issue 19 item 11, ADR 0022): AES-256-GCM with a key
 * derived from both server secrets, the cookie name as associated data and an expiry inside the
 * sealed payload. Its value is "v1.<iv>.<tag>.<ciphertext>" — nothing in it can be read, and a
 * changed byte, an old signed (readable) cookie or an expired one is simply no session.
 * HttpOnly, SameSite=Lax, Secure where configured.
 */
import { createSession, type Session } from "@remix-run/node";
import { env, secureCookies } from "~/config/env.server";
import type { DraftHandle } from "~/store/drafts.server";
import { decrypt, deriveKey, encrypt } from "./crypto.server";
import { secrets } from "./secrets.server";

type SessionData = { drafts: Record<string, DraftHandle>; receipts: string[] };
export type ApplicantSession = Session<SessionData>;

export const APPLICANT_COOKIE = "antrag";
/** Associated data: a sealed value of another purpose (a draft, an upload) never opens as a session. */
const AAD = `cookie:${APPLICANT_COOKIE}`;
/** What the cookie seals: the session data and when it stops counting (seconds since 1970). */
interface Sealed { v: 1; exp: number; data: SessionData }

let cachedKey: { secret: string; key: Buffer } | undefined;

/**
 * HKDF over the master encryption key, salted with the session secret: rotating either secret
 * ends every applicant session, as rotating the session secret did when the cookie was signed.
 */
function cookieKey(): Buffer {
  const secret = secrets().sessionSecret;
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: deriveKey("applicant-session-cookie", secret) };
  return cachedKey.key;
}

const maxAgeSeconds = () => env().DRAFT_TTL_DAYS * 86_400;

/** The raw value of the applicant cookie, or undefined (also for a value that is not even URL-encoded right). */
function rawCookie(header: string | null): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== APPLICANT_COOKIE) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 100;

/** Only well-formed entries survive: a sealed cookie is ours, but it is checked like any input. */
function cleanData(data: unknown): SessionData | undefined {
  if (!data || typeof data !== "object") return undefined;
  const { drafts, receipts } = data as Partial<Record<keyof SessionData, unknown>>;
  const out: SessionData = { drafts: {}, receipts: [] };
  if (drafts && typeof drafts === "object" && !Array.isArray(drafts)) {
    for (const [flow, handle] of Object.entries(drafts)) {
      const h = handle as Partial<DraftHandle> | null;
      if (h && isString(h.id) && isString(h.code)) out.drafts[flow] = { id: h.id, code: h.code };
    }
  }
  if (Array.isArray(receipts)) out.receipts = receipts.filter(isString).slice(0, 10);
  return out;
}

/** The session data a cookie value holds, or undefined: unreadable, altered, old format or expired. */
export function openCookieValue(value: string | undefined, now = Date.now()): SessionData | undefined {
  if (!value || value.length > 4096) return undefined;
  try {
    const sealed = JSON.parse(decrypt(value, cookieKey(), AAD)) as Partial<Sealed>;
    if (sealed.v !== 1 || typeof sealed.exp !== "number" || sealed.exp * 1000 <= now) return undefined;
    return cleanData(sealed.data);
  } catch {
    return undefined; // another key, a changed byte, or the old signed JSON cookie: no session
  }
}

/** The cookie value for session data: sealed, with its expiry inside. */
export function sealCookieValue(data: SessionData, now = Date.now()): string {
  const sealed: Sealed = { v: 1, exp: Math.floor(now / 1000) + maxAgeSeconds(), data };
  return encrypt(JSON.stringify(sealed), cookieKey(), AAD);
}

function cookieHeader(value: string, maxAge: number): string {
  const attributes = [`${APPLICANT_COOKIE}=${value}`, `Max-Age=${maxAge}`];
  attributes.push(`Expires=${new Date(maxAge > 0 ? Date.now() + maxAge * 1000 : 0).toUTCString()}`);
  attributes.push("Path=/", "HttpOnly", "SameSite=Lax");
  if (secureCookies()) attributes.push("Secure");
  return attributes.join("; ");
}

export async function getSession(request: Request): Promise<Session<SessionData>> {
  const data = openCookieValue(rawCookie(request.headers.get("Cookie")));
  return createSession<SessionData>(data);
}

/** Whether the session holds anything: a draft or a receipt. */
export function holdsAnything(session: Session<SessionData>): boolean {
  return Object.keys(session.get("drafts") ?? {}).length > 0 || (session.get("receipts") ?? []).length > 0;
}

/** The Set-Cookie header for the session; an empty session removes the cookie. */
export async function commitSession(session: Session<SessionData>): Promise<string> {
  if (!holdsAnything(session)) return destroySession();
  const data: SessionData = { drafts: session.get("drafts") ?? {}, receipts: session.get("receipts") ?? [] };
  return cookieHeader(sealCookieValue(data), maxAgeSeconds());
}

/** The Set-Cookie header that removes the applicant cookie from this browser. */
export function destroySession(): string {
  return cookieHeader("", 0);
}

export function draftHandle(session: Session<SessionData>, flowId: string): DraftHandle | undefined {
  return session.get("drafts")?.[flowId];
}

export function setDraftHandle(session: Session<SessionData>, flowId: string, handle: DraftHandle | undefined) {
  const drafts = { ...(session.get("drafts") ?? {}) };
  if (handle) drafts[flowId] = handle;
  else delete drafts[flowId];
  session.set("drafts", drafts);
}

/** Every draft handle of the session, by flow. */
export function draftHandles(session: Session<SessionData>): [string, DraftHandle][] {
  return Object.entries(session.get("drafts") ?? {});
}

export function receiptIds(session: Session<SessionData>): string[] {
  return session.get("receipts") ?? [];
}

export function addReceipt(session: Session<SessionData>, submissionId: string) {
  const receipts = (session.get("receipts") ?? []).filter((r) => r !== submissionId);
  session.set("receipts", [submissionId, ...receipts].slice(0, 10));
}

export function mayViewReceipt(session: Session<SessionData>, submissionId: string): boolean {
  return (session.get("receipts") ?? []).includes(submissionId);
}
