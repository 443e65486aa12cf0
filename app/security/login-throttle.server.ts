/**
 * Throttling of failed sign-ins, aimed at whoever fails (ADR 0020): an address that keeps
 * guessing waits longer after each failure and is stopped for a while at a hard limit; a
 * successful sign-in gives its attempt back. In the database, shared by every server process
 * (ADR 0023, table rate_limits, like rate-limit.server.ts); the account lockout is there too.
 *
 * An attempt is counted *before* the password is checked and given back when it succeeded
 * (`refund`), so parallel requests cannot slip past the limit while argon2 is busy: `attempt`
 * checks and reserves in one atomic statement (INSERT … ON CONFLICT DO UPDATE … RETURNING).
 */
import { isIP } from "node:net";
import { sql, type RawBuilder } from "kysely";
import { ms, privateName, resolveStore, rowKey, type LimitOutcome, type RateLimitStore } from "./rate-limit.server";

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

/** How long after its last failure an entry with this many failures has to wait (ms). */
export function waitAfter(policy: ThrottlePolicy, failures: number): number {
  const { free, hard, baseDelayMs, maxDelayMs, forgetMs } = policy;
  if (failures >= hard) return forgetMs;
  if (failures < free) return 0;
  return Math.min(baseDelayMs * 2 ** (failures - free), maxDelayMs);
}

type Row = { count: number | string; last_at: number | string; admitted?: number | string };

export class FailureThrottle {
  readonly name: string;
  private readonly store: RateLimitStore | undefined;
  /** waitAfter(policy, rate_limits.count) as SQL: the policy's numbers inlined (no user data). */
  private readonly waitSql: RawBuilder<number>;

  constructor(readonly policy: ThrottlePolicy, options: { name?: string; store?: RateLimitStore } = {}) {
    this.name = options.name ?? privateName("throttle");
    this.store = options.store;
    const { free, hard } = policy;
    const steps = [];
    for (let n = free; n < hard; n++) steps.push(sql` when rate_limits.count = ${sql.lit(n)} then ${sql.lit(waitAfter(policy, n))}`);
    this.waitSql = sql<number>`case when rate_limits.count >= ${sql.lit(hard)} then ${sql.lit(policy.forgetMs)}${sql.join(steps, sql``)} else 0 end`;
  }

  /** When the next attempt of this entry may come (ms since the epoch). */
  private nextAllowed(entry: Entry): number {
    const wait = waitAfter(this.policy, entry.failures);
    return wait === 0 ? 0 : entry.last + wait;
  }

  private outcome(entry: Entry | undefined, now: number): LimitOutcome {
    const wait = entry ? this.nextAllowed(entry) - now : 0;
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true, retryAfterSeconds: 0 };
  }

  /** May this key try now? If not, for how long it has to wait. Counts nothing. */
  async check(key: string, now: number = Date.now()): Promise<LimitOutcome> {
    const database = await resolveStore(this.store);
    const row = await database.selectFrom("rate_limits").select(["count", "last_at", "expires_at"]).where("key", "=", rowKey(this.name, key)).executeTakeFirst();
    const entry = row && Number(row.expires_at) > now ? { failures: Number(row.count), last: Number(row.last_at) } : undefined;
    return this.outcome(entry, now);
  }

  /**
   * Check and reserve in one statement: when the key may try now, one failure is counted (give
   * it back with `refund` if the attempt succeeds); when not, nothing changes and the answer
   * says how long to wait.
   */
  async attempt(key: string, now: number = Date.now()): Promise<LimitOutcome> {
    const database = await resolveStore(this.store);
    const fresh = sql`rate_limits.expires_at <= excluded.last_at`;
    const allowed = sql`(rate_limits.count < ${sql.lit(this.policy.free)} or rate_limits.last_at + ${this.waitSql} <= excluded.last_at)`;
    const { rows } = await sql<Row>`
      insert into rate_limits (key, count, last_at, expires_at, admitted)
      values (${rowKey(this.name, key)}, 1, ${ms(now)}, ${ms(now + this.policy.forgetMs)}, 1)
      on conflict (key) do update set
        count = case when ${fresh} then 1 when ${allowed} then rate_limits.count + 1 else rate_limits.count end,
        last_at = case when ${fresh} or ${allowed} then excluded.last_at else rate_limits.last_at end,
        expires_at = case when ${fresh} or ${allowed} then excluded.expires_at else rate_limits.expires_at end,
        admitted = case when ${fresh} or ${allowed} then 1 else 0 end
      returning count, last_at, admitted`.execute(database);
    const row = rows[0];
    if (Number(row.admitted) === 1) return { allowed: true, retryAfterSeconds: 0 };
    // Refused: the row is as it was, and says how long to wait.
    return this.outcome({ failures: Number(row.count), last: Number(row.last_at) }, now);
  }

  /** Counts one failure, whatever the state. */
  async fail(key: string, now: number = Date.now()): Promise<void> {
    const database = await resolveStore(this.store);
    await sql`
      insert into rate_limits (key, count, last_at, expires_at, admitted)
      values (${rowKey(this.name, key)}, 1, ${ms(now)}, ${ms(now + this.policy.forgetMs)}, 1)
      on conflict (key) do update set
        count = case when rate_limits.expires_at <= excluded.last_at then 1 else rate_limits.count + 1 end,
        last_at = excluded.last_at,
        expires_at = excluded.expires_at,
        admitted = 1`.execute(database);
  }

  /** The attempt succeeded: it does not count (earlier failures still do). */
  async refund(key: string): Promise<void> {
    const database = await resolveStore(this.store);
    await database.updateTable("rate_limits")
      .set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
      .where("key", "=", rowKey(this.name, key))
      .execute();
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

/**
 * A set of throttles. Without a name they share nothing with any other set (tests); the
 * application's set (loginThrottles) has fixed names, so every instance counts together.
 */
export const newLoginThrottles = (options: { name?: string; store?: RateLimitStore } = {}): LoginThrottles => {
  const name = options.name ?? privateName("login");
  return {
    byAddress: new FailureThrottle(ADDRESS_POLICY, { name: `${name}-address`, store: options.store }),
    byDevice: new FailureThrottle(DEVICE_POLICY, { name: `${name}-device`, store: options.store }),
  };
};

let shared: LoginThrottles | undefined;

/** The throttles for caseworker sign-in, shared by every instance through the application's database. */
export function loginThrottles(): LoginThrottles {
  shared ??= newLoginThrottles({ name: "login" });
  return shared;
}
