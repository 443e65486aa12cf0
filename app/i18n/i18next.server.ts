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

/** A Nachweis checklist page: the Nachweis names and the titles of the pages that asked for them. */
export function checklistTexts(lng: Language, ns: string, checklist: readonly { reason: string }[]): Bundle {
  return pageTexts(lng, ns, ["nachweise", ...new Set(checklist.map((n) => `steps.${n.reason}.title`))]);
}
