import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import type { Answers, StepValues } from "~/flows/engine/types";
import { DATE_PARTS, datePartsOf } from "~/flows/engine/fields";

export const jsEnabled = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;
/** `npm run test:full`: every journey in every browser project, axe on every page it shows. */
export const FULL = process.env.FULL === "1";

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * axe with the WCAG 2.1 A/AA rules BITV 2.0 refers to; no violation is tolerated (full run only). axe runs as
 * a script in the page, which a JavaScript-disabled context forbids: there the very HTML the
 * server sent (scripts removed) is replayed at the same URL in a JavaScript-enabled twin page
 * with the same viewport, styles and fonts, and scanned.
 */
export async function expectAccessible(page: Page) {
  // CI scans every page once in the catalogue (catalogue.spec.ts); journeys scan only in `npm run test:full`.
  if (!FULL) return;
  if (test.info().project.use.javaScriptEnabled !== false) {
    expect(await axe(page), `axe on ${page.url()}`).toEqual([]);
    return;
  }
  expect(await axeOnReplay(page), `axe on ${page.url()} (no JavaScript)`).toEqual([]);
}

const twins = new WeakMap<BrowserContext, Promise<Page>>();

/** One JavaScript-enabled twin page per test context, closed with it. */
function twinOf(page: Page): Promise<Page> {
  const context = page.context();
  let twin = twins.get(context);
  if (!twin) {
    twin = (async () => {
      const other = await context.browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true, locale: "de-DE" });
      return other.newPage();
    })();
    twins.set(context, twin);
  }
  return twin;
}

test.afterEach(async ({ context }) => {
  const twin = twins.get(context);
  if (twin) await (await twin).context().close();
});

async function axeOnReplay(page: Page) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const replay = await twinOf(page);
  await replay.unrouteAll();
  await replay.route("**/*", (route) => {
    const request = route.request();
    if (request.url() === url && request.resourceType() === "document") return route.fulfill({ body: html, contentType: "text/html; charset=utf-8" });
    if (request.resourceType() === "script") return route.abort();
    return route.continue();
  });
  await replay.goto(url);
  return axe(replay);
}

/** Click a submit button and wait until the browser has left this URL (full load or client navigation). */
export async function submitAndLeave(page: Page, button: ReturnType<Page["locator"]>) {
  const before = page.url();
  await button.click();
  await page.waitForURL((url) => url.toString() !== before);
  await page.waitForLoadState();
}

/** Fill one step's fields as a person would: amounts typed the German way. */
export async function fillStep(page: Page, values: StepValues) {
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? value : [value];
    // A date is three fields: day, month, year. Wait until the page shows the field in either
    // shape (counting at once raced the page load after the previous step).
    await page.locator(`[name="${name}"], [name="${name}-day"]`).first().waitFor({ state: "attached" });
    if ((await page.locator(`[name="${name}"]`).count()) === 0) {
      await fillDate(page, name, list[0]);
      continue;
    }
    const first = page.locator(`[name="${name}"]`).first();
    const type = await first.getAttribute("type");
    if (type === "checkbox" || type === "radio") {
      for (const v of list) await page.locator(`input[name="${name}"][value="${v}"]`).check();
    } else if ((await first.evaluate((e) => e.tagName)) === "SELECT") {
      await first.selectOption(list[0]);
    } else {
      const isMoney = ((await first.getAttribute("class")) ?? "").includes("input--money");
      await first.fill(isMoney ? list[0].replace(".", ",") : list[0]);
    }
  }
}

/** Types a date ("1990-05-17") into its three fields as a person does: 17, 5, 1990. */
export async function fillDate(page: Page, name: string, iso: string) {
  const parts = datePartsOf(iso);
  for (const [i, part] of DATE_PARTS.entries()) await page.locator(`[name="${name}-${part}"]`).fill(parts[i]);
}

export const stepOf = (page: Page) => new URL(page.url()).pathname.split("/")[3];
/** The page's answer key: the step, or "<step>/<person>" on a per-person page. */
export const pageKeyOf = (page: Page) => new URL(page.url()).pathname.split("/").slice(3).join("/");

/** Starts a flow: postcode → first step. */
export async function startFlow(page: Page, postcode: string, query = "", flow = "veraenderung") {
  await page.goto(`/antrag/${flow}${query}`);
  await expectAccessible(page);
  await page.locator('[name="plz"]').fill(postcode);
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
}

/** Answers every step the portal shows, from the persona's answers, checking each page (axe by default). */
export async function answerAll(page: Page, answers: Answers, check: (page: Page) => Promise<void> = expectAccessible) {
  for (let guard = 0; guard < 200; guard++) {
    const step = pageKeyOf(page);
    if (step === "pruefen") return;
    await check(page);
    const stored = answers[step];
    if (Array.isArray(stored)) {
      for (const item of stored) {
        await submitAndLeave(page, page.locator('button[name="intent"][value="add"]'));
        await check(page);
        await fillStep(page, item);
        await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
        await check(page);
      }
      await submitAndLeave(page, page.locator('button[name="intent"][value="continue"]'));
    } else {
      if (!stored) throw new Error(`No answers for step ${step}`);
      await fillStep(page, stored);
      await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
    }
  }
  throw new Error("Flow did not reach the review");
}

export async function submitReview(page: Page) {
  await page.locator('input[name="erklaerung"][value="ja"]').check();
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await expect(page).toHaveURL(/\/eingang\/[0-9a-f-]{36}$/);
}

export type Upload = { name: string; mimeType: string; buffer: Buffer };

/**
 * Chooses files in one Nachweis card and sends its form — the card's own (draft) or the page's
 * one form (Nachreichung); waits for the answer (page or JSON).
 */
export async function uploadNachweis(page: Page, nachweis: string, files: Upload[], input: "datei" | "foto" = "datei") {
  const card = page.locator("section.nachweis").filter({ has: page.locator(`#f-datei-${nachweis}`) });
  await card.locator(input === "datei" ? `#f-datei-${nachweis}` : `#f-datei-${nachweis}-foto`).setInputFiles(files);
  const js = jsEnabled(test.info());
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && (js ? r.url().endsWith("/senden") : r.url().includes("/nachweise")));
  await page.locator("form").filter({ has: page.locator(`#f-datei-${nachweis}`) }).locator('button[type="submit"]').last().click();
  await answered;
  await page.waitForLoadState();
  return card;
}

/** The receipt page's download of the sealed caseworker PDF. */
export async function downloadSealedPdf(page: Page): Promise<Buffer> {
  const href = await page.locator('a[href$="/antrag.pdf"]').getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  return response.body();
}
