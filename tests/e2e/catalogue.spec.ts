/**
 * The accessibility catalogue: every declared page of every flow (each question step, each
 * group's list and item page), the common pages with their error states, and the caseworker
 * pages — each rendered once in German and once in Arabic (right to left), scanned with axe
 * (WCAG 2.1 A/AA, as BITV 2.0 requires; no violation tolerated) and checked for sideways
 * scrolling at 360 px.
 *
 * Pages are reached over plain HTTP (tests/http), exactly as the server sends them to a browser
 * without JavaScript; the browser only renders that HTML with the real styles and fonts (scripts
 * blocked) and scans it. The answer sets that reach every declared page come from
 * tests/fixtures/explore.ts; a test fails when a declared page of any flow, or a page route, is
 * not in the catalogue. ADR 0018.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { flowIds, getFlow } from "~/flows/registry.server";
import { EASY_LANGUAGE, LANGUAGE_TABLE, offeredLanguages } from "~/i18n/languages";
import { catalogueCovers } from "../fixtures/catalogue-sets";
import { declaredPageKinds } from "../fixtures/explore";
import { isoDaysFromNow, personas } from "../fixtures/veraenderung-personas";
import { BASE_URL, Client, type Served } from "../http/client";
import { answerAll, startFlow, walk } from "../http/walk";
import { ACCOUNTS, PASSWORD } from "./accounts";

/**
 * One offered language per script family (ADR 0018), the first of each in the language table
 * (app/i18n/languages.ts) — today German (Latin) and Arabic (right to left) — plus Leichte
 * Sprache once offered (other texts, other lengths). Offering a language in a new script
 * (Cyrillic, Ethiopic) adds it here by itself.
 */
const LANGUAGES: readonly string[] = [
  ...new Map(offeredLanguages().map((r) => [r.script, r.code] as const).reverse()).values(),
  ...(offeredLanguages().some((r) => r.code === EASY_LANGUAGE) ? [EASY_LANGUAGE] : []),
].sort((a, b) => LANGUAGE_TABLE.findIndex((r) => r.code === a) - LANGUAGE_TABLE.findIndex((r) => r.code === b));
const PAGES_PER_TEST = 30;

const covers = catalogueCovers();

/** The page kind a walk's page key stands for: "<step>" or "<step>/item" (also of a member's list, "<step>/<i>/item"). */
const kindOf = (key: string) => (key.endsWith("/item") ? `${key.split("/")[0]}/item` : key.split("/")[0]);

// ---- scanning ---------------------------------------------------------------------------------

/**
 * Renders served HTML with the real styles and fonts, scripts removed (what a browser without
 * JavaScript shows). setContent on a page already at the server's origin resolves the page's
 * relative URLs and keeps the browser cache (request routing would disable it).
 */
async function render(page: Page, served: Served) {
  if (!page.url().startsWith(BASE_URL)) await page.goto("/healthz");
  // An embedded document (the caseworker's PDF view) is not HTML to scan.
  const html = served.html.replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<iframe\b[^>]*\bsrc="[^"]*"/gi, (m) => m.replace(/\bsrc="[^"]*"/, 'src="about:blank"'));
  await page.setContent(html, { waitUntil: "load" });
}

const AXE_SOURCE: string = createRequire(import.meta.url)("axe-core").source;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe in the rendered page. setContent keeps the window, so axe is injected once per page
 * object, not once per scan (injecting costs ~1 s here, a run ~50–100 ms).
 */
async function axe(page: Page): Promise<string[]> {
  if ((await page.evaluate(() => typeof (window as { axe?: unknown }).axe)) !== "object") await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const result: Result = await (window as unknown as { axe: { run(c: Document, o: object): Promise<Result> } }).axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, WCAG);
}

async function scan(page: Page, served: Served, label: string) {
  expect(served.status, `${label}: ${served.path}`).toBeLessThan(500);
  expect(served.html, `${label}: a NUL byte in the served HTML`).not.toContain("\u0000");
  await render(page, served);
  expect.soft(await axe(page), `axe on ${label} (${served.path})`).toEqual([]);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(scroll, `sideways scroll at 360 px on ${label} (${served.path})`).toBeLessThanOrEqual(client);
}

test.use({ viewport: { width: 360, height: 740 } });

// ---- every declared page of every flow ------------------------------------------------------

for (const [flowId, cover] of Object.entries(covers)) {
  for (const { set, kinds } of cover.sets) {
    for (let from = 0; from < kinds.length; from += PAGES_PER_TEST) {
      const chunk = kinds.slice(from, from + PAGES_PER_TEST);
      for (const lng of LANGUAGES) {
        test(`${flowId} (${set.name}) ${lng}: ${chunk.join(", ")}`, async ({ page }) => {
          test.setTimeout(30_000 + chunk.length * 5_000);
          const served = new Map<string, Served>();
          const client = new Client();
          await startFlow(client, flowId, set.postcode, lng);
          await answerAll(client, set.answers, (s, key) => {
            const kind = kindOf(key);
            if (chunk.includes(kind) && !served.has(kind)) served.set(kind, s);
          });
          expect([...served.keys()].sort(), "the walk showed every page it was chosen for").toEqual([...chunk].sort());
          for (const [kind, s] of served) await scan(page, s, `${flowId}/${kind} (${lng})`);
        });
      }
    }
  }
}

test("the scanner finds what it must: a page with violations and a page too wide", async ({ page }) => {
  const client = new Client();
  const start = await client.get("/antrag/veraenderung");
  const broken = start.html.replace("</main>", '<img src="/favicon.ico"><input type="text"><svg width="900" height="10" aria-hidden="true"></svg></main>');
  await render(page, { ...start, html: broken });
  const found = await axe(page);
  expect(found.some((v) => v.startsWith("image-alt"))).toBe(true);
  expect(found.some((v) => v.startsWith("label"))).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(true);
});

test("every declared page of every flow is in the catalogue", () => {
  for (const id of flowIds()) {
    const cover = covers[id];
    expect(cover.missing, `${id}: declared pages no answer set reaches`).toEqual([]);
    expect(cover.sets.flatMap((s) => s.kinds).sort()).toEqual(declaredPageKinds(getFlow(id)!).sort());
  }
});

// ---- common pages, their error states, and the caseworker area ------------------------------

/** Page routes (app/routes/*.tsx) and the catalogue entries that render them. */
const ROUTES_SCANNED = new Set<string>();
const scanned = (route: string) => ROUTES_SCANNED.add(route);
/** Routes with no page of their own (an action that redirects, a link that resumes). */
const NO_PAGE = new Set(["eingang.$id.weiter.tsx", "fortsetzen.$code.tsx"]);

async function commonPages(lng: string, visit: (label: string, served: Served) => Promise<void>) {
  const q = `?lng=${lng}`;
  const applicant = new Client();
  await visit("start page", await applicant.get(`/${q}`)); scanned("_index.tsx");
  await visit("privacy", await applicant.get("/datenschutz")); scanned("datenschutz.tsx");
  await visit("accessibility statement", await applicant.get("/barrierefreiheit")); scanned("barrierefreiheit.tsx");
  await visit("not found", await applicant.get("/gibt-es-nicht"));
  for (const id of flowIds()) {
    await visit(`${id}: start`, await applicant.get(`/antrag/${id}`)); scanned("antrag.$flow._index.tsx");
  }
  await visit("veraenderung: start, postcode malformed", await applicant.submit({ plz: "1011" }));
  await visit("veraenderung: start, postcode outside every area", await applicant.submit({ plz: "10115" }));
  await visit("veraenderung: draft expired", await applicant.get("/antrag/veraenderung?abgelaufen=1"));
  await visit("resume", await applicant.get("/fortsetzen")); scanned("fortsetzen._index.tsx");
  await visit("resume, code malformed", await applicant.submit({ code: "ABCD-EFGH" }, "button[type=submit]"));
  await visit("status lookup", await applicant.get("/stand")); scanned("stand._index.tsx");
  await visit("status lookup, nothing entered", await applicant.submit({}, "button[type=submit]"));
  await visit("end on this device, nothing to end", await applicant.get("/beenden")); scanned("beenden.tsx");

  // The renewal: its upload page for an earlier application, a refused file, and the hand-over
  // to the Erstantrag after too long a gap (the Erstantrag's first page with its notice).
  const renewal = new Client();
  const upload = await startFlow(renewal, "weiterbewilligung", "00150", lng);
  await visit("renewal: prefill upload", upload); scanned("antrag.$flow.vorbefuellen.tsx");
  const body = new FormData();
  body.append("csrf", renewal.csrf());
  body.append("vorantrag", new Blob([new TextEncoder().encode("%PDF-1.7\n%%EOF\n")], { type: "application/pdf" }), "antrag.pdf");
  await visit("renewal: prefill upload refused", await renewal.follow(await renewal.raw(upload.url, { method: "POST", body }), upload.url));
  await renewal.get(upload.document.querySelector("a.button--secondary")!.getAttribute("href")!);
  await visit("renewal: hand-over to the Erstantrag", await renewal.submit({ ende: isoDaysFromNow(-200) }));

  const persona = personas.find((p) => p.name === "vermoegen-konto")!;
  await startFlow(applicant, "veraenderung", persona.postcode);
  await visit("step with errors", await applicant.submit({ vorname: "", nachname: "" }));
  scanned("antrag.$flow.$step.($index).($item).tsx");
  await answerAll(applicant, persona.answers);
  await visit("check answers", applicant.page!); scanned("antrag.$flow.pruefen.tsx");
  await visit("check answers, no declaration", await applicant.submit({}));
  await visit("continue later", await applicant.get("/antrag/veraenderung/spaeter")); scanned("antrag.$flow.spaeter.tsx");
  await visit("end on this device, confirmation with a draft", await applicant.submit({}, 'form[action="/beenden"] button[type=submit]'));
  await visit("Nachweise before sending", await applicant.get("/antrag/veraenderung/nachweise")); scanned("antrag.$flow.nachweise.tsx");
  await applicant.get("/antrag/veraenderung/pruefen");
  const receipt = await applicant.submit({ erklaerung: "ja" });
  await visit("receipt", receipt); scanned("eingang.$id.tsx");
  await visit("status of one's own submission", await applicant.get(`${receipt.path}/stand`)); scanned("eingang.$id_.stand.tsx");
  await visit("Nachweise after sending", await applicant.get(`${receipt.path}/nachweise`)); scanned("eingang.$id_.nachweise.tsx");
  // "Auf diesem Gerät beenden" from the receipt: the confirmation with reference and Zugangscode, then the end.
  await applicant.get(receipt.path);
  await visit("end on this device, confirmation", await applicant.submit({}, 'form[action="/beenden"] button[type=submit]'));
  await visit("end on this device, ended", await applicant.submit({}, "button.button--primary[type=submit]"));
  return receipt;
}

async function signIn(client: Client, email: string) {
  await client.get("/sachbearbeitung/anmelden");
  const inbox = await client.submit({ email, password: PASSWORD });
  expect(inbox.path).toBe("/sachbearbeitung");
  return inbox;
}

async function caseworkerPages(reference: string, visit: (label: string, served: Served) => Promise<void>) {
  const anonymous = new Client();
  await visit("caseworker: sign-in", await anonymous.get("/sachbearbeitung/anmelden")); scanned("sachbearbeitung.anmelden.tsx");
  await visit("caseworker: sign-in, wrong password", await anonymous.submit({ email: "niemand@e2e.example", password: "falsch-falsch-falsch" }));

  const caseworker = new Client();
  await visit("caseworker: inbox", await signIn(caseworker, ACCOUNTS.sachbearbeitung.email)); scanned("sachbearbeitung._index.tsx");
  const found = await caseworker.get(`/sachbearbeitung?suche=${reference}`);
  await visit("caseworker: inbox, search", found);
  const href = found.document.querySelector("table tbody tr a")?.getAttribute("href");
  expect(href, "the submission in the inbox").toMatch(/^\/sachbearbeitung\/antrag\//);
  await visit("caseworker: submission", await caseworker.get(href!)); scanned("sachbearbeitung.antrag.$id.tsx");
  await visit("caseworker: inbox, view with filters as chips", await caseworker.get(`/sachbearbeitung?ansicht=neu&verfahren=veraenderung&sortierung=faellig&suche=${reference}`));
  await visit("caseworker: submission taken from a view", await caseworker.submit({}, `form[data-take="${reference}"] button[value="uebernehmen"]`));
  await visit("caseworker: own account", await caseworker.get("/sachbearbeitung/konto")); scanned("sachbearbeitung.konto.tsx");

  const lead = new Client();
  await signIn(lead, ACCOUNTS.teamleitung.email);
  await visit("caseworker: dashboard", await lead.get("/sachbearbeitung/uebersicht")); scanned("sachbearbeitung.uebersicht.tsx");
  await visit("caseworker: the Teamleitung's Freigaben", await lead.get("/sachbearbeitung?ansicht=freigaben"));

  const admin = new Client();
  await signIn(admin, ACCOUNTS.administration.email);
  await visit("caseworker: accounts", await admin.get("/sachbearbeitung/konten")); scanned("sachbearbeitung.konten.tsx");
  await visit("caseworker: accounts, invalid new account", await admin.submit({ name: "", email: "", passwort: "kurz" }, 'form[aria-labelledby="anlegen-titel"] button[type=submit]'));
  await visit("caseworker: audit log", await admin.get("/sachbearbeitung/protokoll")); scanned("sachbearbeitung.protokoll.tsx");
}

for (const lng of LANGUAGES) {
  test(`common pages and error states (${lng})`, async ({ page }) => {
    test.setTimeout(180_000);
    await commonPages(lng, (label, served) => scan(page, served, `${label} (${lng})`));
  });
}

test("the caseworker area (German, as the jobcenter works)", async ({ page }) => {
  test.setTimeout(180_000);
  const applicant = new Client();
  const { receipt } = await walk(applicant, "veraenderung", "00150", personas[0].answers);
  const reference = receipt.document.querySelector(".reference")!.text.trim();
  await caseworkerPages(reference, (label, served) => scan(page, served, label));
});

test("every page route is in the catalogue", async () => {
  // Collect the routes the two tests above visit, without scanning: plain HTTP only.
  const noop = async () => undefined;
  const receipt = await commonPages("de", noop);
  await caseworkerPages(receipt.document.querySelector(".reference")!.text.trim(), noop);
  const pages = readdirSync("app/routes").filter((f) => f.endsWith(".tsx") && !NO_PAGE.has(f));
  expect(pages.filter((f) => !ROUTES_SCANNED.has(f)), "page routes no catalogue entry renders").toEqual([]);
});
