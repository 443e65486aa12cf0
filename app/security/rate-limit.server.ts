/**
 * Fixed-window rate limiting in memory, per key (client address). One instance per process;
 * behind several instances use a shared store (see docs/decisions/0005). Caseworker sign-in
 * has its own throttle of failures (login-throttle.server.ts).
 */
import { env } from "~/config/env.server";

export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Count one attempt; false when the key is over its limit for the current window. */
  attempt(key: string, now: number = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
    if (this.hits.size > 10_000) this.sweep(now);
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count++;
    return { allowed: entry.count <= this.limit, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}

let resume: RateLimiter | undefined;

/** Resume-code look-ups: RESUME_ATTEMPTS (default 10) per 15 minutes per address. */
export function resumeLimiter(): RateLimiter {
  resume ??= new RateLimiter(env().RESUME_ATTEMPTS, 15 * 60_000);
  return resume;
}
