/**
 * Caseworker accounts: creation, sign-in with lockout, and the TOTP second factor. Every
 * account belongs to one jobcenter; the jobcenter id travels with the session into every query.
 * The lockout counts failures from unknown devices only and holds them off; a known device
 * (known-device.server.ts) is exempt, so guessing from elsewhere does not lock the owner out
 * (ADR 0020). Throttling per address and per device is the caller's (sign-in.server.ts).
 */
import { randomUUID } from "node:crypto";
import { decrypt, deriveKey, encrypt } from "~/security/crypto.server";
import type { DB } from "~/store/db.server";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyDummy, verifyPassword } from "./password.server";
import { ROLES, type Role } from "./texts";
import { generateTotpSecret, verifyTotp } from "./totp.server";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export interface Caseworker {
  id: string;
  jobcenterId: string;
  email: string;
  name: string;
  role: Role;
  hasTotp: boolean;
  disabled: boolean;
}

type Row = { id: string; jobcenter_id: string; email: string; name: string; role: string; totp_secret: string | null; disabled: number };

const fromRow = (r: Row): Caseworker => ({
  id: r.id, jobcenterId: r.jobcenter_id, email: r.email, name: r.name, role: r.role as Role, hasTotp: r.totp_secret !== null, disabled: r.disabled === 1,
});

const COLUMNS = ["id", "jobcenter_id", "email", "name", "role", "totp_secret", "disabled"] as const;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
const totpKey = (id: string) => deriveKey("caseworker-totp", id);

export class AccountInputError extends Error {}

export interface NewCaseworker {
  jobcenterId: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createCaseworker(db: DB, input: NewCaseworker, options: { hashParams?: { m: number; t: number; p: number }; now?: Date } = {}): Promise<Caseworker> {
  const email = normaliseEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AccountInputError("invalid e-mail address");
  if (!ROLES.includes(input.role)) throw new AccountInputError(`role must be one of ${ROLES.join(", ")}`);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AccountInputError(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (!input.name.trim()) throw new AccountInputError("name is required");
  const jobcenter = await db.selectFrom("jobcenters").select("id").where("id", "=", input.jobcenterId).executeTakeFirst();
  if (!jobcenter) throw new AccountInputError(`unknown jobcenter ${input.jobcenterId}`);
  const row = {
    id: randomUUID(), jobcenter_id: input.jobcenterId, email, name: input.name.trim(), role: input.role,
    password_hash: await hashPassword(input.password, options.hashParams), totp_secret: null, totp_pending: null, totp_last_step: null,
    failed_attempts: 0, locked_until: null, created_at: (options.now ?? new Date()).toISOString(), disabled: 0,
  };
  await db.insertInto("caseworkers").values(row).execute();
  return fromRow(row);
}

export async function getCaseworker(db: DB, id: string): Promise<Caseworker | undefined> {
  const row = await db.selectFrom("caseworkers").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function findCaseworkerByEmail(db: DB, email: string): Promise<Caseworker | undefined> {
  const row = await db.selectFrom("caseworkers").select(COLUMNS).where("email", "=", normaliseEmail(email)).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function listCaseworkers(db: DB, jobcenterId?: string): Promise<Caseworker[]> {
  let q = db.selectFrom("caseworkers").select(COLUMNS);
  if (jobcenterId) q = q.where("jobcenter_id", "=", jobcenterId);
  return (await q.orderBy("jobcenter_id").orderBy("email").execute()).map(fromRow);
}

export type PasswordResult =
  | { ok: true; caseworker: Caseworker }
  | { ok: false; reason: "falsch"; caseworkerId?: string; jobcenterId?: string }
  | { ok: false; reason: "gesperrt"; caseworkerId: string; jobcenterId: string; until: string };

async function registerFailure(db: DB, id: string, now: Date): Promise<string | undefined> {
  const row = await db.selectFrom("caseworkers").select("failed_attempts").where("id", "=", id).executeTakeFirstOrThrow();
  const failed = row.failed_attempts + 1;
  const lock = failed >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  await db.updateTable("caseworkers").set(lock ? { failed_attempts: 0, locked_until: lock } : { failed_attempts: failed }).where("id", "=", id).execute();
  return lock ?? undefined;
}

const isLocked = (lockedUntil: string | null, now: Date) => lockedUntil !== null && lockedUntil > now.toISOString();

export interface DeviceOptions {
  /** The attempt comes from a device that signed in to this account before (and is not throttled). */
  knownDevice?: boolean;
}

/**
 * Step one of signing in. Unknown addresses cost one dummy verification, so the answer time does
 * not tell whether an account exists. After MAX_FAILED_ATTEMPTS failures from unknown devices the
 * account is locked for LOCKOUT_MINUTES; while locked, an unknown device is refused even with the
 * right password. A known device is exempt: its password is checked, its failures do not count
 * towards the lock (the caller throttles the device), and its success does not lift the lock.
 */
export async function checkPassword(db: DB, email: string, password: string, now: Date = new Date(), options: DeviceOptions = {}): Promise<PasswordResult> {
  const row = await db.selectFrom("caseworkers").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
  if (!row || row.disabled === 1) {
    await verifyDummy(password);
    return { ok: false, reason: "falsch", caseworkerId: row?.id, jobcenterId: row?.jobcenter_id };
  }
  const known = options.knownDevice === true;
  if (isLocked(row.locked_until, now) && !known) {
    await verifyDummy(password);
    return { ok: false, reason: "gesperrt", caseworkerId: row.id, jobcenterId: row.jobcenter_id, until: row.locked_until! };
  }
  if (!(await verifyPassword(row.password_hash, password))) {
    const lock = known ? undefined : await registerFailure(db, row.id, now);
    return lock
      ? { ok: false, reason: "gesperrt", caseworkerId: row.id, jobcenterId: row.jobcenter_id, until: lock }
      : { ok: false, reason: "falsch", caseworkerId: row.id, jobcenterId: row.jobcenter_id };
  }
  if (!row.totp_secret) await resetFailures(db, row.id, now);
  return { ok: true, caseworker: fromRow(row) };
}

/** After a successful sign-in: failures start again from zero, unless a lock is running (it stays). */
export async function resetFailures(db: DB, id: string, now: Date = new Date()): Promise<void> {
  await db.updateTable("caseworkers").set({ failed_attempts: 0, locked_until: null }).where("id", "=", id)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now.toISOString())])).execute();
}

export type TotpResult = { ok: true } | { ok: false; reason: "codeFalsch" } | { ok: false; reason: "gesperrt"; until: string };

/** Step two: the TOTP code. Wrong codes count towards the same lockout as wrong passwords, with the same device exemption. */
export async function checkTotp(db: DB, id: string, code: string, now: Date = new Date(), options: DeviceOptions = {}): Promise<TotpResult> {
  const row = await db.selectFrom("caseworkers").select(["id", "totp_secret", "totp_last_step", "locked_until"]).where("id", "=", id).executeTakeFirstOrThrow();
  const known = options.knownDevice === true;
  if (isLocked(row.locked_until, now) && !known) return { ok: false, reason: "gesperrt", until: row.locked_until! };
  const secret = row.totp_secret ? decrypt(row.totp_secret, totpKey(id), `totp:${id}`) : undefined;
  const step = secret ? verifyTotp(secret, code, now.getTime() / 1000, row.totp_last_step) : undefined;
  if (step === undefined) {
    const lock = known ? undefined : await registerFailure(db, id, now);
    return lock ? { ok: false, reason: "gesperrt", until: lock } : { ok: false, reason: "codeFalsch" };
  }
  await db.updateTable("caseworkers").set({ totp_last_step: step }).where("id", "=", id).execute();
  await resetFailures(db, id, now);
  return { ok: true };
}

/** Starts enrolment: a new secret, kept encrypted as pending until a code confirms it. */
export async function startTotpEnrolment(db: DB, id: string): Promise<string> {
  const secret = generateTotpSecret();
  await db.updateTable("caseworkers").set({ totp_pending: encrypt(secret, totpKey(id), `totp-pending:${id}`) }).where("id", "=", id).execute();
  return secret;
}

export async function pendingTotpSecret(db: DB, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("caseworkers").select("totp_pending").where("id", "=", id).executeTakeFirst();
  return row?.totp_pending ? decrypt(row.totp_pending, totpKey(id), `totp-pending:${id}`) : undefined;
}

/** Confirms the pending secret with a code from the authenticator app. */
export async function confirmTotpEnrolment(db: DB, id: string, code: string, now: Date = new Date()): Promise<boolean> {
  const secret = await pendingTotpSecret(db, id);
  const step = secret ? verifyTotp(secret, code, now.getTime() / 1000) : undefined;
  if (!secret || step === undefined) return false;
  await db.updateTable("caseworkers").set({
    totp_secret: encrypt(secret, totpKey(id), `totp:${id}`), totp_pending: null, totp_last_step: step,
  }).where("id", "=", id).execute();
  return true;
}

/** The target account is not one of the actor's jobcenter (or unknown): answered like an unknown id (404). */
export class AccountAccessError extends Error {}

/** An administrator tried to lock or unlock their own account: refused, so nobody locks themself out. */
export class OwnAccountError extends Error {}

/**
 * Disables or re-enables an account of the actor's own jobcenter (administration only).
 * Disabling ends the account's sessions at once; a disabled account cannot sign in
 * (checkPassword) and any session left would be refused by lookupSession too.
 */
export async function setDisabled(db: DB, actor: Caseworker, targetId: string, disabled: boolean): Promise<Caseworker> {
  if (actor.role !== "administration") throw new AccountAccessError("only administration may lock or unlock accounts");
  const target = await getCaseworker(db, targetId);
  if (!target || target.jobcenterId !== actor.jobcenterId) throw new AccountAccessError("unknown account");
  if (target.id === actor.id) throw new OwnAccountError("an administrator cannot lock or unlock their own account");
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("caseworkers").set({ disabled: disabled ? 1 : 0 })
      .where("id", "=", target.id).where("jobcenter_id", "=", actor.jobcenterId).execute();
    if (disabled) await trx.deleteFrom("caseworker_sessions").where("caseworker_id", "=", target.id).execute();
  });
  return { ...target, disabled };
}

/** When each account of the jobcenter is temporarily locked after failed sign-ins (ISO), if it is. */
export async function lockedUntilByAccount(db: DB, jobcenterId: string, now: Date = new Date()): Promise<Map<string, string>> {
  const rows = await db.selectFrom("caseworkers").select(["id", "locked_until"]).where("jobcenter_id", "=", jobcenterId).execute();
  return new Map(rows.filter((r) => isLocked(r.locked_until, now)).map((r) => [r.id, r.locked_until!]));
}
