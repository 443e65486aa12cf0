import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse, Link, Links, Outlet, Scripts, ScrollRestoration,
  useLocation, useMatches, useRouteError, useRouteLoaderData, type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import "./context";
import { env } from "./config/env.server";
import { isCaseworkerPath } from "./caseworker/paths";
import { flowIds, getFlow } from "./flows/registry.server";
import { direction, htmlLang, isLanguage, LANGUAGES } from "./i18n/config";
import { languageRow, SCRIPT_FONTS, type WebFont } from "./i18n/languages";
import { I18nProvider, useI18n } from "./i18n/context";
import { bundleFor, detectLanguage, fixedT, languageCookie, PAGE_TEXTS } from "./i18n/i18next.server";
import { getSession, holdsAnything } from "./security/session.server";
import { createT, mergeBundles, type Bundle } from "./i18n/translate";
// Only what the shell and the error page show, for the rare error page without root data: named
// imports let the bundler leave the rest of common.json out of the browser's JavaScript.
import { errorPage, errorPrefix, footer, languageSwitcher, serviceName, skipLink } from "../locales/de/common.json";
import stylesHref from "./styles/app.css";
import tokensHref from "./styles/kern-tokens.css";
import { useNonce } from "./ui/nonce";
import { EndOnDeviceForm, END_ON_DEVICE_PATH, offersEndOnDevice } from "./ui/EndOnDevice";
import { LanguagePicker } from "./ui/LanguagePicker";
import { refusalPage } from "./ui/refusal";
import { DEFAULT_ERROR_KIND, ERROR_KINDS } from "./ui/text-pages";
import { usePageTitle } from "./ui/title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tokensHref },
  { rel: "stylesheet", href: stylesHref },
  { rel: "stylesheet", href: "/jobcenters.css" },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

/** The flow segment of /antrag/<flow>/…, which decides the flow namespace to send along. */
function flowSegment(pathname: string): string | undefined {
  return /^\/antrag\/([^/]+)/.exec(pathname)?.[1];
}

function namespacesFor(pathname: string): string[] {
  if (isCaseworkerPath(pathname)) return ["common", "sachbearbeitung"];
  const id = flowSegment(pathname);
  const flow = id ? getFlow(id) : undefined;
  if (flow) return ["common", flow.namespace];
  if (pathname.startsWith("/eingang/")) return ["common", ...flowIds().map((f) => getFlow(f)!.namespace)];
  return ["common"];
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const caseworker = isCaseworkerPath(url.pathname);
  const lng = caseworker ? "de" : await detectLanguage(request);
  const headers = new Headers();
  if (!caseworker && isLanguage(url.searchParams.get("lng"))) headers.append("Set-Cookie", await languageCookie.serialize(lng));
  return data(
    {
      lng,
      dir: direction(lng),
      bundle: bundleFor(lng, namespacesFor(url.pathname), PAGE_TEXTS),
      languages: caseworker ? [] : LANGUAGES.map((code) => ({ code, name: fixedT(code)("languageName") })),
      csrfToken: context.csrfToken,
      // Whether this browser holds a draft or a receipt: the footer then offers "Auf diesem Gerät beenden".
      applicantSession: !caseworker && holdsAnything(await getSession(request)),
      sentryDsn: env().SENTRY_DSN ?? "",
    },
    { headers },
  );
}

type LoaderData = Awaited<ReturnType<typeof loader>>["data"];
/** The root's data; error pages of refused requests bring their own, without a session. */
export type RootData = Omit<LoaderData, "applicantSession"> & { applicantSession?: boolean };

export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) =>
  currentUrl.searchParams.get("lng") !== nextUrl.searchParams.get("lng") ||
  flowSegment(currentUrl.pathname) !== flowSegment(nextUrl.pathname) ||
  currentUrl.pathname.startsWith("/eingang/") !== nextUrl.pathname.startsWith("/eingang/") ||
  isCaseworkerPath(currentUrl.pathname) !== isCaseworkerPath(nextUrl.pathname) ||
  // Ending the session on this device changes what the footer offers.
  currentUrl.pathname === END_ON_DEVICE_PATH || nextUrl.pathname === END_ON_DEVICE_PATH;

/**
 * The faces a page in this language draws with (by the script's web font in the language
 * table), fetched together with the stylesheets. With `font-display: optional` (app.css) the page
 * is drawn in these fonts when they are there by the first paint and keeps its fallback when
 * they are late, instead of jumping when they arrive (CLS; ADR 0025).
 */
const LATIN_FACES = ["/fonts/fira-sans-400-latin.woff2", "/fonts/fira-sans-600-latin.woff2"];
const FONT_PRELOAD: Record<WebFont, readonly string[]> = {
  "Fira Sans": LATIN_FACES,
  "Noto Sans Arabic": ["/fonts/noto-sans-arabic-400.woff2", "/fonts/noto-sans-arabic-700.woff2", ...LATIN_FACES],
  "Noto Sans Ethiopic Web": ["/fonts/noto-sans-ethiopic-400.woff2", ...LATIN_FACES],
};
function FontPreload({ lng }: { lng: string }) {
  const files = FONT_PRELOAD[(languageRow(lng) ?? SCRIPT_FONTS.Latin).webFont];
  return <>{files.map((href) => <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossOrigin="anonymous" />)}</>;
}

function Shell({ children, root, pageTitle, endOnDevice = false }: { children: ReactNode; root: RootData; pageTitle?: string; endOnDevice?: boolean }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const nonce = useNonce();
  const computedTitle = usePageTitle(t);
  // The caseworker area is a desktop workspace: full width, denser text (ADR 0029).
  const wide = isCaseworkerPath(pathname) ? " container--wide" : "";
  return (
    <html lang={htmlLang(root.lng)} dir={root.dir} data-sentry-dsn={root.sentryDsn || undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle ?? computedTitle}</title>
        <FontPreload lng={root.lng} />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">{t("skipLink")}</a>
        <header className="site-header">
          <div className={`container site-header__inner${wide}`}>
            <Link to="/" className="site-header__name">{t("serviceName")}</Link>
            {root.languages.length > 0 && <LanguagePicker languages={root.languages} />}
          </div>
        </header>
        <main id="main" className={`container main${wide}${wide ? " main--workspace" : ""}`} tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className={`container${wide}`}>
            {endOnDevice && root.csrfToken && offersEndOnDevice(pathname, root.applicantSession === true) ? <EndOnDeviceForm /> : null}
            <ul className="site-footer__links">
              <li><Link to="/fortsetzen">{t("footer.resume")}</Link></li>
              <li><Link to="/stand">{t("footer.status")}</Link></li>
              <li><Link to="/datenschutz">{t("footer.privacy")}</Link></li>
              <li><Link to="/barrierefreiheit">{t("footer.accessibility")}</Link></li>
            </ul>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The page's own texts (`texts` in its loader data), merged into the root's bundle. */
function usePageBundle(root: RootData): Bundle {
  const matches = useMatches();
  const texts = (matches.at(-1)?.data as { texts?: Bundle } | undefined)?.texts;
  return useMemo(() => mergeBundles(root.bundle, texts), [root.bundle, texts]);
}

export default function App() {
  const root = useRouteLoaderData<RootData>("root")!;
  const bundle = usePageBundle(root);
  return (
    <I18nProvider lng={root.lng} dir={root.dir} bundle={bundle}>
      <Shell root={root} endOnDevice>
        <Outlet />
      </Shell>
    </I18nProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<RootData>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A refused request brings its own shell: after an action fails the root loader does not run.
  const refused = refusalPage(error);
  const fallback: RootData = root ?? refused?.shell ?? {
    lng: "de", dir: "ltr", bundle: { common: { errorPage, errorPrefix, footer, languageSwitcher, serviceName, skipLink } }, languages: [], csrfToken: "", sentryDsn: "",
  };
  const t = createT(fallback.lng, fallback.bundle);
  const kind = refused?.kind ?? ERROR_KINDS[status as keyof typeof ERROR_KINDS] ?? DEFAULT_ERROR_KIND;
  return (
    <I18nProvider lng={fallback.lng} dir={fallback.dir} bundle={fallback.bundle}>
      <Shell root={fallback} pageTitle={`${t(`errorPage.${kind}.title`)} – ${t("serviceName")}`}>
        <h1>{t(`errorPage.${kind}.title`)}</h1>
        <p>{t(`errorPage.${kind}.body`)}</p>
        <p><Link to="/">{t("errorPage.home")}</Link></p>
      </Shell>
    </I18nProvider>
  );
}
