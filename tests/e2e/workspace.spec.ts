/**
 * A caseworker's morning in a browser at 1366 × 768 (ADR 0029, issue 20): sign in, open the
 * inbox, take the first of five new submissions in one step and work through them with
 * "Nächster Antrag" and the keyboard — marking complete, requesting a Nachweis — then a
 * Teamleitung signs off the two Erstanträge from the "Freigaben" queue. On every screen: no
 * horizontal scrolling at 1366 px and at 200 % zoom (683 CSS px), and the first answer of a
 * submission within the first screen. The measurements go into the test's annotations.
 */
import { expect, test, type Page } from "@playwright/test";
import { sendAs, surnameStamp } from "../http/workspace-seed";
import { ACCOUNTS, PASSWORD } from "./accounts";
import { expectAccessible, submitAndLeave } from "./helpers";

const DESKTOP = { width: 1366, height: 768 };
/** 200 % zoom of a 1366 × 768 screen: the page lays out for half the CSS pixels. */
const ZOOMED = { width: 683, height: 384 };

async function noSidewaysScroll(page: Page, where: string) {
  for (const viewport of [DESKTOP, ZOOMED]) {
    await page.setViewportSize(viewport);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tables: [...document.querySelectorAll(".table-wrap")].map((t) => t.scrollWidth - t.clientWidth),
    }));
    expect(widths.page, `${where} at ${viewport.width} px: the page scrolls sideways`).toBeLessThanOrEqual(0);
    expect(Math.max(0, ...widths.tables), `${where} at ${viewport.width} px: a table scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(DESKTOP);
}

async function signIn(page: Page, email: string) {
  await page.goto("/sachbearbeitung/anmelden");
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="password"]').fill(PASSWORD);
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await expect(page).toHaveURL(/\/sachbearbeitung$/);
}

/** Top of the first answer, in CSS pixels from the top of the page (scrolled to the top). */
const firstAnswerTop = (page: Page) => page.evaluate(() => { window.scrollTo(0, 0); return document.querySelector(".answers .summary-list__row")!.getBoundingClientRect().top; });

const status = (page: Page) => page.locator("[data-workflow-status]");

test("a caseworker works through five submissions with 'next', a Teamleitung signs two off @desktop-js", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  const name = surnameStamp();
  // Oldest first: three Veränderungsmitteilungen, then two Erstanträge. The search lists the newest first.
  const sent: string[] = [];
  for (const flow of ["veraenderung", "veraenderung", "veraenderung", "erstantrag", "erstantrag"] as const) sent.push(await sendAs(flow, name));
  const [v1, v2, v3, e1, e2] = sent;

  await signIn(page, ACCOUNTS.sachbearbeitung.email);
  await noSidewaysScroll(page, "inbox");
  await page.locator('[name="suche"]').fill(name);
  await submitAndLeave(page, page.locator("form[role=search] button[type=submit]"));
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(5);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-reference")))).toEqual([e2, e1, v3, v2, v1]);
  await noSidewaysScroll(page, "inbox with results");
  await expectAccessible(page);

  // One step from the inbox to the first submission's answers: take and open.
  await submitAndLeave(page, rows.first().locator('button[value="uebernehmen"]'));
  await expect(page.locator("h1")).toContainText(e2);
  await expect(status(page)).toHaveText("In Bearbeitung");
  const tops: number[] = [await firstAnswerTop(page)];
  await noSidewaysScroll(page, "submission");
  await expectAccessible(page);

  // e2: complete. Then "next" (one click) to each following one.
  await submitAndLeave(page, page.locator('button[value="vollstaendig"]'));
  await expect(status(page)).toHaveText("Vollständig");
  let clicksToNext = 0;
  const next = async (reference: string, how: "click" | "key") => {
    if (how === "click") await submitAndLeave(page, page.locator('a[rel="next"]'));
    else await Promise.all([page.waitForURL((url) => !url.search.includes("meldung=")), page.keyboard.press("j")]);
    clicksToNext = 1;
    await expect(page.locator("h1")).toContainText(reference);
    tops.push(await firstAnswerTop(page));
  };

  // e1: with the keyboard — "j" for next, "u" to take it, "v" for complete.
  await next(e1, "key");
  await Promise.all([page.waitForURL(/meldung=uebernehmen/), page.keyboard.press("u")]);
  await expect(status(page)).toHaveText("In Bearbeitung");
  await Promise.all([page.waitForURL(/meldung=vollstaendig/), page.keyboard.press("v")]);
  await expect(status(page)).toHaveText("Vollständig");

  // v3: take it and request a Nachweis with the deadline offered.
  await next(v3, "click");
  await submitAndLeave(page, page.locator('button[value="uebernehmen"]'));
  await page.locator(".nachforderung input[type=checkbox]").first().check();
  await submitAndLeave(page, page.locator('button[value="nachfordern"]'));
  await expect(status(page)).toHaveText("Unterlagen angefordert");
  await expect(page.locator('[data-attention="fristLaeuft"]')).toBeVisible();

  // v2 and v1: take and complete.
  for (const reference of [v2, v1]) {
    await next(reference, "click");
    await submitAndLeave(page, page.locator('button[value="uebernehmen"]'));
    await submitAndLeave(page, page.locator('button[value="vollstaendig"]'));
    await expect(status(page)).toHaveText("Vollständig");
  }
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  await noSidewaysScroll(page, "last submission");

  // The Teamleitung: the Freigaben queue holds exactly the two complete Erstanträge.
  const lead = await browser.newContext({ baseURL: info.project.use.baseURL, viewport: DESKTOP, locale: "de-DE" });
  const leadPage = await lead.newPage();
  await signIn(leadPage, ACCOUNTS.teamleitung.email);
  await submitAndLeave(leadPage, leadPage.locator(".views a", { hasText: "Freigaben" }));
  await leadPage.locator('[name="suche"]').fill(name);
  await submitAndLeave(leadPage, leadPage.locator("form[role=search] button[type=submit]"));
  const queue = leadPage.locator("table tbody tr");
  expect(await queue.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-reference")))).toEqual([e2, e1]);
  await noSidewaysScroll(leadPage, "Freigaben");
  await submitAndLeave(leadPage, queue.first().locator("th a"));
  for (const reference of [e2, e1]) {
    await expect(leadPage.locator("h1")).toContainText(reference);
    await submitAndLeave(leadPage, leadPage.locator('button[value="freigeben"]'));
    await expect(status(leadPage)).toHaveText("Abgeschlossen");
    if (reference === e2) await submitAndLeave(leadPage, leadPage.locator('a[rel="next"]'));
  }
  await expect(leadPage.locator('a[rel="next"]')).toHaveCount(0);
  await lead.close();

  const worst = Math.max(...tops);
  info.annotations.push({ type: "first answer (px from top, 1366 × 768)", description: tops.map(Math.round).join(", ") });
  info.annotations.push({ type: "clicks from a submission to the next one's answers", description: String(clicksToNext) });
  console.log(`workspace: first answer at ${tops.map(Math.round).join(", ")} px (screen 768); clicks to the next submission's answers: ${clicksToNext}`);
  expect(worst, "the first answer is on the first screen").toBeLessThan(DESKTOP.height);
});
