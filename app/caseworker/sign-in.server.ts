/**
 * The two sign-in steps with their throttles (ADR 0020): throttle the one who fails, not the
 * owner of the account.
 *
 *   - An attempt from a known device of the account (known-device.server.ts) counts against that
 *     device only: 5 failures and the device is treated like any other for 15 minutes.
 *   - Any other attempt counts against its client address (IPv6 by /64): after 5 failures each
 *     attempt waits 1 s, 2 s, 4 s … up to a minute, after 20 the address is stopped for
 *     15 minutes. A throttled address is refused before the password is looked at, so even the
 *     right password does not get through from there.
 *   - The account lockout (5 failures from unknown devices → 15 minutes) refuses unknown devices
 *     only; the owner's known device still signs in with the right password.
 * Successful attempts do not count. Audit entries as before.
 */
import { addressKey, loginThrottles, type LoginThrottles } from "~/security/login-throttle.server";
import type { DB } from "~/store/db.server";
import { checkPassword, checkTotp, findCaseworkerByEmail, type Caseworker } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { knownDeviceId } from "./known-device.server";

export interface Attempt {
  /** The client address (context.clientIp). */
  ip: string;
  /** The known-device cookie's value, if the request had one. */
  deviceCookie: string | undefined;
  now?: Date;
  throttles?: LoginThrottles;
}

export type SignInOutcome =
  | { ok: true; caseworker: Caseworker; knownDevice: boolean }
  | { ok: false; reason: "zuViele"; retryAfterSeconds: number }
  | { ok: false; reason: "falsch" | "codeFalsch" }
  | { ok: false; reason: "gesperrt"; until: string };

type Gate = { refused: number } | { refused?: undefined; knownDevice: boolean; succeeded: () => Promise<void> };

/**
 * Which throttle the attempt counts against; refused, or one failure reserved until it succeeds.
 * Each throttle answers and reserves in one statement on the shared database (ADR 0023).
 */
async function admit(accountId: string | undefined, attempt: Attempt): Promise<Gate> {
  const throttles = attempt.throttles ?? loginThrottles();
  const now = (attempt.now ?? new Date()).getTime();
  const device = accountId ? knownDeviceId(attempt.deviceCookie, accountId, attempt.now) : undefined;
  if (device && (await throttles.byDevice.attempt(device, now)).allowed) {
    return { knownDevice: true, succeeded: () => throttles.byDevice.refund(device) };
  }
  const address = addressKey(attempt.ip);
  const check = await throttles.byAddress.attempt(address, now);
  if (!check.allowed) return { refused: check.retryAfterSeconds };
  return { knownDevice: false, succeeded: () => throttles.byAddress.refund(address) };
}

/** Step one: e-mail address and password. */
export async function signInWithPassword(db: DB, email: string, password: string, attempt: Attempt): Promise<SignInOutcome> {
  const account = await findCaseworkerByEmail(db, email);
  const gate = await admit(account?.id, attempt);
  if (gate.refused !== undefined) return { ok: false, reason: "zuViele", retryAfterSeconds: gate.refused };
  const result = await checkPassword(db, email, password, attempt.now, { knownDevice: gate.knownDevice });
  if (result.ok) {
    await gate.succeeded();
    return { ok: true, caseworker: result.caseworker, knownDevice: gate.knownDevice };
  }
  await recordAudit(db, {
    caseworkerId: result.caseworkerId ?? null, jobcenterId: result.jobcenterId ?? null,
    action: result.reason === "gesperrt" ? "anmeldung_gesperrt" : "anmeldung_fehlgeschlagen", detail: { schritt: "passwort", bekanntesGeraet: gate.knownDevice },
  }, attempt.now);
  return result.reason === "gesperrt" ? { ok: false, reason: "gesperrt", until: result.until } : { ok: false, reason: "falsch" };
}

/** Step two: the TOTP code of the account whose password was accepted. */
export async function signInWithCode(db: DB, caseworker: Caseworker, code: string, attempt: Attempt): Promise<SignInOutcome> {
  const gate = await admit(caseworker.id, attempt);
  if (gate.refused !== undefined) return { ok: false, reason: "zuViele", retryAfterSeconds: gate.refused };
  const result = await checkTotp(db, caseworker.id, code, attempt.now, { knownDevice: gate.knownDevice });
  if (result.ok) {
    await gate.succeeded();
    return { ok: true, caseworker, knownDevice: gate.knownDevice };
  }
  await recordAudit(db, {
    caseworkerId: caseworker.id, jobcenterId: caseworker.jobcenterId,
    action: result.reason === "gesperrt" ? "anmeldung_gesperrt" : "anmeldung_fehlgeschlagen", detail: { schritt: "code", bekanntesGeraet: gate.knownDevice },
  }, attempt.now);
  return result.reason === "gesperrt" ? { ok: false, reason: "gesperrt", until: result.until } : { ok: false, reason: "codeFalsch" };
}
