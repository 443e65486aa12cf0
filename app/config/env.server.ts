/** Typed configuration from the environment, checked once at start. See README "Configuration". */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  ENCRYPTION_KEY: z.string().optional(),
  JOBCENTERS_FILE: z.string().default("config/demo-jobcenters.json"),
  DRAFT_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  RESUME_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  SENTRY_DSN: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  SENTRY_ENVIRONMENT: z.string().optional(),
  /** Proxy hops in front of the server whose X-Forwarded-For entries count: 0 (`false`), 1 (`true`) or a number. */
  TRUST_PROXY: z.string().regex(/^(true|false|\d)$/).default("false").transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /**
   * The operator's video in German Sign Language (DGS) about the portal (BITV 2.0 § 4): an https
   * address or a path on this site; the start page links to it. Unset or empty: no link.
   */
  DGS_VIDEO_URL: z.union([z.literal("").transform(() => undefined), z.string().regex(/^(https:\/\/[^\s"<>]+|\/(?!\/)[^\s"<>]*)$/)]).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
      throw new Error(`Invalid configuration: ${names}`);
    }
    cached = parsed.data;
    if (cached.NODE_ENV === "production" && (!cached.SESSION_SECRET || !cached.ENCRYPTION_KEY)) {
      throw new Error("SESSION_SECRET and ENCRYPTION_KEY are required in production");
    }
  }
  return cached;
}

/** Secure cookies everywhere but plain-HTTP development and tests. */
export function secureCookies(): boolean {
  const e = env();
  return e.SECURE_COOKIES ? e.SECURE_COOKIES === "true" : e.NODE_ENV === "production";
}
