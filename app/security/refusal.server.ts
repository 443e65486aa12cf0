/**
 * Requests refused before an action reads them — 400 unreadable, 403 forged or from another
 * site, 413 too large, 415 not a form — answered with the portal's error page in the
 * applicant's language (German in the caseworker area), never with a 500. ADR 0019.
 */
import { isCaseworkerPath } from "~/caseworker/paths";
import { env } from "~/config/env.server";
import { direction, LANGUAGES } from "~/i18n/config";
import { bundleFor, detectLanguage, fixedT } from "~/i18n/i18next.server";
import type { RefusalKind, RefusalPage } from "~/ui/refusal";
import { ERROR_KINDS } from "~/ui/text-pages";

export type RefusalStatus = 400 | 403 | 413 | 415;

/**
 * The Response to throw: its JSON is the error page's shell (see app/ui/refusal.ts), and its
 * title and message for resource routes, whose thrown Responses reach the client as they are.
 */
export async function refusal(request: Request, status: RefusalStatus, kind?: RefusalKind): Promise<Response> {
  const caseworker = isCaseworkerPath(new URL(request.url).pathname);
  const lng = caseworker ? "de" : await detectLanguage(request);
  const t = fixedT(lng);
  const page: RefusalPage & { title: string; message: string } = {
    title: t(`errorPage.${kind ?? ERROR_KINDS[status]}.title`),
    message: t(`errorPage.${kind ?? ERROR_KINDS[status]}.body`),
    shell: {
      lng,
      dir: direction(lng),
      bundle: bundleFor(lng, ["common"]),
      languages: caseworker ? [] : LANGUAGES.map((code) => ({ code, name: fixedT(code)("languageName") })),
      csrfToken: "",
      sentryDsn: env().SENTRY_DSN ?? "",
    },
    ...(kind ? { kind } : {}),
  };
  return new Response(JSON.stringify(page), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });
}
