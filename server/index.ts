/**
 * The HTTP server: static files, security headers with a per-response CSP nonce, the CSRF
 * cookie, request logs without personal data, and the Remix handler. Built to build/server.js.
 */
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import * as Sentry from "@sentry/remix";
import compression from "compression";
import express from "express";
import { env } from "../app/config/env.server";
import { scrubBreadcrumb, scrubEvent } from "../app/monitoring/scrub";
import { cookieValue, CSRF_COOKIE, csrfTokenFor } from "../app/security/csrf.server";
import { secureCookies } from "../app/config/env.server";

const config = env();
if (config.SENTRY_DSN) {
  Sentry.init({
    dsn: config.SENTRY_DSN,
    environment: config.SENTRY_ENVIRONMENT ?? config.NODE_ENV,
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: scrubEvent,
    beforeBreadcrumb: scrubBreadcrumb,
  });
}

const BUILD_PATH = new URL("./index.js", import.meta.url).href;
const build = (await import(BUILD_PATH)) as ServerBuild;

function sentryOrigin(dsn: string | undefined): string {
  if (!dsn) return "";
  try {
    return ` ${new URL(dsn).origin}`;
  } catch {
    return "";
  }
}

/** The caseworker page frames its sealed PDF (same origin only); every other response refuses framing. */
const FRAMEABLE = /^\/sachbearbeitung\/antrag\/[^/]+\/antrag\.pdf$/;

function securityHeaders(nonce: string, frameable = false): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      `style-src 'self' 'nonce-${nonce}'`,
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${sentryOrigin(config.SENTRY_DSN)}`,
      "form-action 'self'",
      frameable ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": frameable ? "SAMEORIGIN" : "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), microphone=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (secureCookies()) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** Paths may hold resume codes: logs keep the route shape only. */
function loggablePath(path: string): string {
  return path.replace(/^\/fortsetzen\/[^/]+/, "/fortsetzen/:code").replace(/^\/eingang\/[^/]+/, "/eingang/:id").replace(/^\/sachbearbeitung\/antrag\/[^/]+/, "/sachbearbeitung/antrag/:id");
}

const app = express();
app.disable("x-powered-by");
if (config.TRUST_PROXY) app.set("trust proxy", true);
app.use(compression());

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (config.NODE_ENV !== "test" || res.statusCode >= 500) {
      console.log(JSON.stringify({ t: new Date().toISOString(), method: req.method, path: loggablePath(req.path), status: res.statusCode, ms: Math.round(ms) }));
    }
  });
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
app.use(express.static("public", { maxAge: "1h", index: false }));

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  for (const [k, v] of Object.entries(securityHeaders(nonce, FRAMEABLE.test(req.path)))) res.setHeader(k, v);
  let csrf = cookieValue(req.headers.cookie, CSRF_COOKIE);
  if (!csrf || !/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
    csrf = randomBytes(32).toString("base64url");
    res.cookie(CSRF_COOKIE, csrf, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/" });
    req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ""}${CSRF_COOKIE}=${csrf}`;
  }
  res.locals.csrfToken = csrfTokenFor(csrf);
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV === "production" ? "production" : "development",
    getLoadContext: (req, res) => ({
      nonce: res.locals.nonce as string,
      csrfToken: res.locals.csrfToken as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

// Migrations, jobcenter sync and the draft purge run inside the Remix build (one DB handle).
const start = (build.entry.module as { startBackgroundJobs?: () => Promise<void> }).startBackgroundJobs;
await start?.();

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(JSON.stringify({ t: new Date().toISOString(), event: "listening", url: `http://${config.HOST}:${config.PORT}` }));
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
