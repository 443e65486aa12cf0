import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import * as Sentry from "@sentry/remix";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { env } from "./config/env.server";
import { redact } from "./monitoring/scrub";
import { NonceProvider } from "./ui/nonce";
import { withoutNul } from "./render/without-nul.server";
import { db } from "./store/db.server";
import { deleteExpiredDrafts } from "./store/drafts.server";
import { getJobcenter, jobcenters } from "./store/jobcenters.server";
import { ensureDemoCaseworkers } from "./caseworker/demo.server";
import { runDueDeliveries } from "./delivery/worker.server";
import { purgeExpiredRateLimits } from "./security/rate-limit.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const botRequest = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={loadContext.nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={loadContext.nonce} />
      </NonceProvider>,
      {
        nonce: loadContext.nonce,
        [botRequest ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutNul();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Cache-Control", "no-store");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logError(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

function logError(error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : "non-error thrown";
  console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", message: redact(message) }));
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logError(error);
  if (env().SENTRY_DSN) Sentry.captureException(error);
};

/**
 * Started once by server/index.ts: migrate, seed jobcenters (and demo caseworkers), purge expired drafts hourly,
 * and deliver due outbox entries every few seconds.
 */
export async function startBackgroundJobs(): Promise<void> {
  const database = await db();
  // Demo caseworker accounts for demo jobcenters, outside production only (printed by scripts/start.sh).
  await ensureDemoCaseworkers(database, jobcenters(), env().NODE_ENV);
  let delivering = false;
  setInterval(async () => {
    if (delivering) return;
    delivering = true;
    try {
      await runDueDeliveries(database, { jobcenter: getJobcenter });
    } catch (error) {
      logError(error);
    } finally {
      delivering = false;
    }
  }, 5_000).unref();
  const purge = async () => {
    const removed = await deleteExpiredDrafts(database).catch(() => 0);
    if (removed > 0) console.log(JSON.stringify({ t: new Date().toISOString(), event: "drafts-expired", removed }));
  };
  await purge();
  setInterval(purge, 60 * 60_000).unref();
  // Rate-limit rows whose window or throttle has ended (ADR 0023); any instance may do it.
  const purgeLimits = () => purgeExpiredRateLimits(database).catch(logError);
  await purgeLimits();
  setInterval(purgeLimits, 10 * 60_000).unref();
}
