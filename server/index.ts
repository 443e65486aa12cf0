/**
 * The HTTP server: static files, security headers with a per-response CSP nonce, the CSRF
 * cookie, request logs without personal data, the origin check, and the Remix handler — with
 * error details only for a developer on this machine (ADR 0019). Built to build/server.js.
 */
import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import * as Sentry from "@sentry/remix";
import compression from "compression";
import express from "express";
import { env } from "../app/config/env.server";
import { redact, scrubBreadcrumb, scrubEvent } from "../app/monitoring/scrub";
import { errorStatus, plainErrorPage } from "../app/render/plain-error-page.server";
import { cookieValue, CSRF_COOKIE, csrfTokenFor } from "../app/security/csrf.server";
import { clientAddress, CROSS_ORIGIN, isCrossOrigin, REFUSAL_HEADER, showsErrorDetails, UNSAFE_METHODS } from "../app/security/request-source.server";
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
// Exactly TRUST_PROXY hops (protocol and host for request URLs; the client address below).
if (config.TRUST_PROXY > 0) app.set("trust proxy", config.TRUST_PROXY);
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

/**
 * The origin check for state-changing requests, instead of Remix's (which answers a foreign or
 * unreadable Origin with an empty 500): a request from another site is marked, and the action's
 * readVerifiedForm answers it with 403 and a page. A client's own marker is dropped.
 */
app.use((req, _res, next) => {
  delete req.headers[REFUSAL_HEADER];
  if (UNSAFE_METHODS.has(req.method)) {
    const forwardedHost = req.headers["x-forwarded-host"];
    if (isCrossOrigin(req.headers.origin, req.headers.host, Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost, config.TRUST_PROXY)) {
      req.headers[REFUSAL_HEADER] = CROSS_ORIGIN;
    }
    delete req.headers.origin;
  }
  next();
});

const remixHandler = (mode: "production" | "development") =>
  createRequestHandler({
    build,
    mode,
    getLoadContext: (req, res) => ({
      nonce: res.locals.nonce as string,
      csrfToken: res.locals.csrfToken as string,
      clientIp: clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.TRUST_PROXY),
    }),
  });
const sanitised = remixHandler("production");
const detailed = config.NODE_ENV === "development" ? remixHandler("development") : sanitised;
app.all("*", (req, res, next) => (showsErrorDetails(config.NODE_ENV, req.socket.remoteAddress, req.headers) ? detailed : sanitised)(req, res, next));

/** Errors before the app (an undecodable path, an unreadable Host): a page from locales/, no details. */
app.use(async (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
  const status = errorStatus(error);
  if (status >= 500) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : "non-error thrown";
    console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", message: redact(message) }));
  }
  if (res.headersSent) return void res.end();
  const page = await plainErrorPage(status, req.headers as { cookie?: string; "accept-language"?: string }).catch(() => "");
  res.status(status).type("html").setHeader("Cache-Control", "no-store");
  res.send(page);
});

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
