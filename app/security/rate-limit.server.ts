/**
 * Rate limits in the database (ADR 0023), shared by every server process on the same store:
 * SQLite by default, PostgreSQL when DATABASE_URL is set. One row per limiter and key in
 * `rate_limits`; every check is one atomic statement (INSERT … ON CONFLICT DO UPDATE …
 * RETURNING), so two instances — or two parallel requests — can never count past a limit
 * together. Rows past `expires_at` are purged by the background jobs (purgeExpiredRateLimits).
 *
 * Here: the fixed window per key (resume-code and status look-ups). Caseworker sign-in has its
 * own throttle of failures on the same table (login-throttle.server.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { env } from "~/config/env.server";
import { db as appDb, type DB } from "~/store/db.server";

/** Where a limiter keeps its rows: a database, or how to get one (default: the application's). */
export type RateLimitStore = DB | (() => Promise<DB>);

export interface LimiterOptions {
  /** Names the limiter's rows ("<name>:<key>"); limiters of the same name share their counts. Default: a name of its own. */
  name?: string;
  store?: RateLimitStore;
}

/** A name of its own for a limiter that shares nothing (tests, one-off uses). */
export const privateName = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

export const resolveStore = async (store: RateLimitStore | undefined): Promise<DB> => (store === undefined ? appDb() : typeof store === "function" ? store() : store);

/** The row key: "<name>:<key>", hashed when a key (an address from a header, say) is long. */
export function rowKey(name: string, key: string): string {
  const full = `${name}:${key}`;
  return full.length <= 200 ? full : `${name}:#${createHash("sha256").update(key).digest("base64url")}`;
}

/** A time in ms as a bigint parameter (PostgreSQL needs the type; SQLite ignores it). */
export const ms = (value: number) => sql`cast(${Math.round(value)} as bigint)`;

export interface LimitOutcome {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class RateLimiter {
  readonly name: string;
  private readonly store: RateLimitStore | undefined;

  constructor(private readonly limit: number, private readonly windowMs: number, options: LimiterOptions = {}) {
    this.name = options.name ?? privateName("limit");
    this.store = options.store;
  }

  /** Counts one attempt; not allowed when the key is over its limit in the current window. One statement. */
  async attempt(key: string, now: number = Date.now()): Promise<LimitOutcome> {
    const database = await resolveStore(this.store);
    // A window that has ended starts again at 1; otherwise the count goes up by one.
    const { rows } = await sql<{ count: number | string; expires_at: number | string }>`
      insert into rate_limits (key, count, last_at, expires_at, admitted)
      values (${rowKey(this.name, key)}, 1, ${ms(now)}, ${ms(now + this.windowMs)}, 1)
      on conflict (key) do update set
        count = case when rate_limits.expires_at <= excluded.last_at then 1 else rate_limits.count + 1 end,
        last_at = case when rate_limits.expires_at <= excluded.last_at then excluded.last_at else rate_limits.last_at end,
        expires_at = case when rate_limits.expires_at <= excluded.last_at then excluded.expires_at else rate_limits.expires_at end
      returning count, expires_at`.execute(database);
    const count = Number(rows[0].count);
    return { allowed: count <= this.limit, retryAfterSeconds: Math.max(0, Math.ceil((Number(rows[0].expires_at) - now) / 1000)) };
  }
}

/** Deletes the rows whose window or throttle has ended; returns how many. */
export async function purgeExpiredRateLimits(database: DB, now: number = Date.now()): Promise<number> {
  const result = await database.deleteFrom("rate_limits").where("expires_at", "<=", sql<number>`${ms(now)}`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

let resume: RateLimiter | undefined;

/** Resume-code and status look-ups: RESUME_ATTEMPTS (default 10) per 15 minutes per address, across all instances. */
export function resumeLimiter(): RateLimiter {
  resume ??= new RateLimiter(env().RESUME_ATTEMPTS, 15 * 60_000, { name: "resume" });
  return resume;
}
