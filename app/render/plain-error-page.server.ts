/**
 * The error page the HTTP server answers with itself when a request never reaches the app (an
 * address that cannot be decoded, an unreadable Host header): the portal's texts in the
 * visitor's language, a 4xx where the request was at fault, and never any detail of the error.
 */
import { direction, FALLBACK_LANGUAGE, htmlLang, type Language } from "~/i18n/config";
import { detectLanguage, fixedT } from "~/i18n/i18next.server";
import { DEFAULT_ERROR_KIND, ERROR_KINDS } from "~/ui/text-pages";

/** 4xx when the error says the request was at fault (express sets `status` on undecodable paths), else 500. */
export function errorStatus(error: unknown): number {
  const e = (error ?? {}) as { status?: unknown; statusCode?: unknown; code?: unknown };
  const status = Number(e.status ?? e.statusCode);
  if (status >= 400 && status < 500) return status;
  return e.code === "ERR_INVALID_URL" ? 400 : 500;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function languageOf(headers: { cookie?: string; "accept-language"?: string }): Promise<Language> {
  try {
    const forward: Record<string, string> = {};
    if (headers.cookie) forward.cookie = headers.cookie;
    if (headers["accept-language"]) forward["accept-language"] = headers["accept-language"];
    return await detectLanguage(new Request("http://localhost/", { headers: forward }));
  } catch {
    return FALLBACK_LANGUAGE;
  }
}

export async function plainErrorPage(status: number, headers: { cookie?: string; "accept-language"?: string }): Promise<string> {
  const lng = await languageOf(headers);
  const t = fixedT(lng);
  const kind = ERROR_KINDS[status as keyof typeof ERROR_KINDS] ?? DEFAULT_ERROR_KIND;
  const title = escape(t(`errorPage.${kind}.title`));
  return [
    `<!DOCTYPE html><html lang="${htmlLang(lng)}" dir="${direction(lng)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${escape(t("serviceName"))}</title></head>`,
    `<body><main><h1>${title}</h1><p>${escape(t(`errorPage.${kind}.body`))}</p>`,
    `<p><a href="/">${escape(t("errorPage.home"))}</a></p></main></body></html>`,
  ].join("");
}
