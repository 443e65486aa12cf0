import * as Sentry from "@sentry/remix";
import { scrubBreadcrumb, scrubEvent } from "./scrub";

export function initSentry(dsn: string) {
  Sentry.init({ dsn, sendDefaultPii: false, tracesSampleRate: 0, beforeSend: scrubEvent, beforeBreadcrumb: scrubBreadcrumb });
}
