/**
 * Throttling of failed sign-ins, aimed at whoever fails (ADR 0020): an address that keeps
 * guessing waits longer after each failure and is stopped for a while at a hard limit; a
 * successful sign-in gives its attempt back. In memory per process, like the other limits
 * (rate-limit.server.ts); the account lockout itself is in the database.
 *
 * An attempt is counted *before* the password is checked (`fail`) and given back when it
 * succeeded (`refund`), so parallel requests cannot slip past the limit while argon2 is busy.
 */
import { isIP } from "node:net";

export interface ThrottlePolicy {
  /** Failures without any wait. */
  free: number;
  /** From this many failures on, every attempt is refused until `forgetMs` after the last failure. */
  hard: number;
  /** The wait after the first failure beyond `free`; doubling with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key is forgotten this long after its last failure. */
  forgetMs: number;
}

interface Entry {
  failures: number;
  last: number;
}

export class FailureThrottle {
  private entries = new Map<string, Entry>();

  constructor(readonly policy: ThrottlePolicy) {}

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.last + this.policy.forgetMs <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** When the next attempt of this entry may come (ms since the epoch). */
  private nextAllowed(entry: Entry): number {
    const { free, hard, baseDelayMs, maxDelayMs, forgetMs } = this.policy;
    if (entry.failures >= hard) return entry.last + forgetMs;
    if (entry.failures < free) return 0;
    return entry.last + Math.min(baseDelayMs * 2 ** (entry.failures - free), maxDelayMs);
  }

  /** May this key try now? If not, for how long it has to wait. */
  check(key: string, now: number = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
    const entry = this.current(key, now);
    const wait = entry ? this.nextAllowed(entry) - now : 0;
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true, retryAfterSeconds: 0 };
  }

  /** Counts one failure (or reserves one for an attempt under way). */
  fail(key: string, now: number = Date.now()): void {
    if (this.entries.size > 10_000) this.sweep(now);
    const entry = this.current(key, now) ?? { failures: 0, last: now };
    entry.failures++;
    entry.last = now;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** The attempt succeeded: it does not count (earlier failures still do). */
  refund(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.failures = Math.max(0, entry.failures - 1);
  }

  private sweep(now: number) {
    for (const [k, v] of this.entries) if (v.last + this.policy.forgetMs <= now) this.entries.delete(k);
    // Still too many (addresses without end): the oldest go first.
    for (const k of this.entries.keys()) {
      if (this.entries.size <= 10_000) break;
      this.entries.delete(k);
    }
  }
}

/**
 * The key of a client address: IPv4 as it is, IPv6 by its /64 (one connection usually gets a
 * whole /64, so single IPv6 addresses cost an attacker nothing), IPv4-mapped IPv6 as IPv4.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** Per address: 5 failures free, then 1 s, 2 s, 4 s … up to 1 min between attempts; after 20, 15 min. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 5, hard: 20, baseDelayMs: 1000, maxDelayMs: 60_000, forgetMs: 15 * 60_000 };
/** Per known device (its cookie): after 5 failures it is no longer exempt, for 15 min. */
export const DEVICE_POLICY: ThrottlePolicy = { free: 5, hard: 5, baseDelayMs: 0, maxDelayMs: 0, forgetMs: 15 * 60_000 };

export interface LoginThrottles {
  byAddress: FailureThrottle;
  byDevice: FailureThrottle;
}

export const newLoginThrottles = (): LoginThrottles => ({ byAddress: new FailureThrottle(ADDRESS_POLICY), byDevice: new FailureThrottle(DEVICE_POLICY) });

let shared: LoginThrottles | undefined;

/** The process's throttles for caseworker sign-in. */
export function loginThrottles(): LoginThrottles {
  shared ??= newLoginThrottles();
  return shared;
}
