/**
 * i18next on the server: it holds every language's resources (read once from locales/),
 * detects the request's language (?lng=, cookie, Accept-Language) through remix-i18next, and
 * hands out fixed translators for text made outside React (titles, documents, e-mails).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type Resource } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { secureCookies } from "~/config/env.server";
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGES, type Language } from "./config";
import type { Bundle } from "./translate";

export const LOCALES_DIR = process.env.LOCALES_DIR ?? join(process.cwd(), "locales");

function readResources(): Resource {
  const resources: Resource = {};
  for (const lng of LANGUAGES) {
    resources[lng] = {};
    for (const file of readdirSync(join(LOCALES_DIR, lng)).filter((f) => f.endsWith(".json"))) {
      resources[lng][file.slice(0, -5)] = JSON.parse(readFileSync(join(LOCALES_DIR, lng, file), "utf8"));
    }
  }
  return resources;
}

let instance: I18n | undefined;

export function i18n(): I18n {
  if (!instance) {
    instance = createInstance();
    void instance.init({
      resources: readResources(),
      supportedLngs: [...LANGUAGES],
      fallbackLng: FALLBACK_LANGUAGE,
      defaultNS: "common",
      interpolation: { escapeValue: false },
      initImmediate: false,
    });
  }
  return instance;
}

export const languageCookie = createCookie("lng", {
  path: "/", sameSite: "lax", httpOnly: true, secure: secureCookies(), maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
    searchParamKey: "lng",
    order: ["searchParams", "cookie", "header"],
  },
});

export async function detectLanguage(request: Request): Promise<Language> {
  const lng = await detector.getLocale(request);
  return isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}

/** The message bundle for the browser: only the namespaces this page needs. */
export function bundleFor(lng: Language, namespaces: readonly string[]): Bundle {
  const store = i18n();
  const bundle: Bundle = {};
  for (const ns of namespaces) bundle[ns] = (store.getResourceBundle(lng, ns) ?? {}) as Bundle[string];
  return bundle;
}

/** A translator for server-made text, e.g. German output for the jobcenter. */
export function fixedT(lng: Language, ns = "common") {
  return i18n().getFixedT(lng, ns);
}
