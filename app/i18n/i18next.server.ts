/**
 * i18next on the server: it holds every language's resources (read once from locales/),
 * detects the request's language (?lng=, cookie, Accept-Language) through remix-i18next, and
 * hands out fixed translators for text made outside React (titles, documents, e-mails).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type InitOptions, type Resource } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { secureCookies } from "~/config/env.server";
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGES, type Language } from "./config";
import type { Bundle } from "./translate";

export const LOCALES_DIR = process.env.LOCALES_DIR ?? join(process.cwd(), "locales");

/** Only offered languages are read: a folder in preparation may be half written (ADR 0025). */
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
    instance = createI18n(readResources(), LANGUAGES);
  }
  return instance;
}

/**
 * An i18next instance over the given resources. Codes are lower case everywhere (URL, cookie,
 * folders), so i18next must not re-case them ("de-x-ls", "prs"); a text missing in a regional
 * or private-use code falls back through its language ("de-x-ls" → "de") to German.
 */
export function createI18n(resources: Resource, languages: readonly string[]): I18n {
  const i = createInstance();
  const options: InitOptions = {
    resources,
    supportedLngs: [...languages],
    fallbackLng: FALLBACK_LANGUAGE,
    lowerCaseLng: true,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initImmediate: false,
  };
  void i.init(options);
  return i;
}

export const languageCookie = createCookie("lng", {
  path: "/", sameSite: "lax", httpOnly: true, secure: secureCookies(), maxAge: 60 * 60 * 24 * 365,
});

/** Accept-Language only: `?lng=` and the cookie must name an offered language exactly. */
const headerDetector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    order: ["header"],
  },
});

/**
 * The request's language: `?lng=`, then the language cookie, then Accept-Language — each only
 * when it names an offered language. Exact codes for the first two: the loose matching of
 * Accept-Language would read "de-x-ls" (Leichte Sprache) as "de", and a language in preparation
 * as nothing at all, which is right for a header but not for a choice the applicant made.
 */
export async function detectLanguage(request: Request): Promise<Language> {
  const param = new URL(request.url).searchParams.get("lng")?.toLowerCase();
  if (isLanguage(param)) return param;
  const cookie: unknown = await languageCookie.parse(request.headers.get("Cookie")).catch(() => undefined);
  if (isLanguage(cookie)) return cookie;
  const lng = await headerDetector.getLocale(request);
  return isLanguage(lng) ? lng : FALLBACK_LANGUAGE;
}

/** The message bundle for the browser: only the namespaces this page needs. */
/**
 * The texts a page needs. A flow's step texts and Nachweis names are most of its namespace
 * (the Erstantrag's: 80 % of 35 KiB), so the root sends the namespace without them
 * (`PAGE_TEXTS`) and each route adds the part it shows (`pageTexts`).
 */
export const PAGE_TEXTS = ["steps", "nachweise"] as const;

export function bundleFor(lng: Language, namespaces: readonly string[], omit: readonly string[] = []): Bundle {
  const store = i18n();
  const bundle: Bundle = {};
  for (const ns of namespaces) {
    const all = (store.getResourceBundle(lng, ns) ?? {}) as Bundle[string];
    bundle[ns] = ns === "common" || omit.length === 0 ? all : Object.fromEntries(Object.entries(all).filter(([k]) => !omit.includes(k)));
  }
  return bundle;
}

/** Two page bundles as one (a namespace in both keeps the keys of both). */
export function mergeBundles(a: Bundle, b: Bundle): Bundle {
  const out: Bundle = { ...a };
  for (const [ns, texts] of Object.entries(b)) out[ns] = { ...(out[ns] ?? {}), ...texts };
  return out;
}

/** Sub-trees of a namespace ("steps.person", "nachweise") for one page, as a bundle to merge. */
export function pageTexts(lng: Language, ns: string, paths: readonly string[]): Bundle {
  const all = (i18n().getResourceBundle(lng, ns) ?? {}) as Bundle[string];
  const out: Bundle[string] = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: Bundle[string] | string | undefined = all;
    let to = out;
    parts.forEach((part, i) => {
      if (from === undefined || typeof from === "string") return;
      from = from[part];
      if (from === undefined) return;
      if (i === parts.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Bundle[string];
    });
  }
  return { [ns]: out };
}

/** A translator for server-made text, e.g. German output for the jobcenter. */
export function fixedT(lng: Language, ns = "common") {
  return i18n().getFixedT(lng, ns);
}

