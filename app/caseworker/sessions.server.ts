/**
 * Caseworker sessions, server-side: the cookie holds a random 256-bit token; the database keeps
 * only its SHA-256. HttpOnly, SameSite=Lax, Secure per SECURE_COOKIES, path / (single fetch asks
 * /sachbearbeitung.data, which a cookie path of /sachbearbeitung would not cover).
 * A session ends after 30 minutes without a request (idle) and 10 hours after sign-in
 * (absolute). The inbox poll does not count as activity, so an open tab does not keep a session
 * alive forever.
 */
import { createHash, randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { secureCookies } from "~/config/env.server";
import { readCookie } from "~/security/csrf.server";
import { db, type DB } from "~/store/db.server";
import { getCaseworker, type Caseworker } from "./accounts.server";
import { recordAudit } from "./audit.server";
import type { Role } from "./texts";

export const SESSION_COOKIE = "sachbearbeitung";
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 10;
/** A half-finished sign-in (password checked, code outstanding) lasts this long. */
export const TOTP_STAGE_MINUTES = 5;
export const LOGIN_PATH = "/sachbearbeitung/anmelden";
/** Activity is written at most this often (every request would write otherwise). */
const TOUCH_AFTER_MS = 30_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secureCookies() ? "; Secure" : ""}`;
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureCookies() ? "; Secure" : ""}`;
}

export type Stage = "totp" | "active";

/** Starts a session and returns the Set-Cookie value. Other sessions of the account stay. */
export async function createSession(database: DB, caseworkerId: string, stage: Stage, now: Date = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const at = now.toISOString();
  await database.insertInto("caseworker_sessions").values({ id: hashToken(token), caseworker_id: caseworkerId, stage, created_at: at, last_seen_at: at }).execute();
  return sessionCookie(token);
}

export async function promoteSession(database: DB, request: Request, now: Date = new Date()): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await database.updateTable("caseworker_sessions").set({ stage: "active", last_seen_at: now.toISOString() }).where("id", "=", hashToken(token)).execute();
}

export async function destroySession(database: DB, request: Request): Promise<void> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token) await database.deleteFrom("caseworker_sessions").where("id", "=", hashToken(token)).execute();
}

export interface SessionState {
  caseworker: Caseworker;
  stage: Stage;
  createdAt: string;
  /** When the session ends if nothing happens (idle or absolute, whichever is first). */
  expiresAt: string;
}

export type Lookup = { state: SessionState } | { state: undefined; expired: boolean };

/** The session of this request, if valid. Expired sessions are deleted; `touch` records activity. */
export async function lookupSession(database: DB, request: Request, options: { touch: boolean; now?: Date } = { touch: true }): Promise<Lookup> {
  const now = options.now ?? new Date();
  const token = readCookie(request, SESSION_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: undefined, expired: false };
  const id = hashToken(token);
  const row = await database.selectFrom("caseworker_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return { state: undefined, expired: false };
  const created = Date.parse(row.created_at);
  const seen = Date.parse(row.last_seen_at);
  const idleLimit = row.stage === "totp" ? TOTP_STAGE_MINUTES : IDLE_MINUTES;
  const caseworker = await getCaseworker(database, row.caseworker_id);
  const expired = now.getTime() - seen > idleLimit * 60_000 || now.getTime() - created > ABSOLUTE_HOURS * 3_600_000;
  if (expired || !caseworker || caseworker.disabled) {
    await database.deleteFrom("caseworker_sessions").where("id", "=", id).execute();
    if (expired && caseworker && row.stage === "active") {
      await recordAudit(database, { caseworkerId: caseworker.id, jobcenterId: caseworker.jobcenterId, action: "sitzung_abgelaufen" }, now);
    }
    return { state: undefined, expired: expired && row.stage === "active" };
  }
  let lastSeen = seen;
  if (options.touch && now.getTime() - seen > TOUCH_AFTER_MS) {
    await database.updateTable("caseworker_sessions").set({ last_seen_at: now.toISOString() }).where("id", "=", id).execute();
    lastSeen = now.getTime();
  }
  const expiresAt = Math.min(lastSeen + IDLE_MINUTES * 60_000, created + ABSOLUTE_HOURS * 3_600_000);
  return { state: { caseworker, stage: row.stage as Stage, createdAt: row.created_at, expiresAt: new Date(expiresAt).toISOString() } };
}

export interface Authenticated {
  database: DB;
  caseworker: Caseworker;
  session: SessionState;
}

/**
 * The signed-in caseworker, or a redirect to the sign-in page (which then says whether the
 * session ran out). `roles` restricts the page: others get 403.
 */
export async function requireCaseworker(request: Request, options: { roles?: readonly Role[]; touch?: boolean } = {}): Promise<Authenticated> {
  const database = await db();
  const found = await lookupSession(database, request, { touch: options.touch ?? true });
  if (!found.state || found.state.stage !== "active") {
    const expired = !found.state && found.expired;
    throw redirect(expired ? `${LOGIN_PATH}?grund=abgelaufen` : LOGIN_PATH, { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  if (options.roles && !options.roles.includes(found.state.caseworker.role)) throw new Response("Forbidden", { status: 403 });
  return { database, caseworker: found.state.caseworker, session: found.state };
}
