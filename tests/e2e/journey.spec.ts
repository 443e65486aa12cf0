/**
 * Where the browser adds something to the journey: focus moves to the error summary and from
 * its links to the fields (JavaScript), and resuming on another device. Server behaviour
 * (guard, CSRF, headers, double submit) is tested over HTTP in tests/http.
 */
import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, expectAccessible, fillDate, fillStep, jsEnabled, startFlow, submitAndLeave } from "./helpers";

const submit = (page: import("@playwright/test").Page) => page.locator("button.button--primary[type=submit]");

test("invalid answers get an error summary that links to the fields, focus moves to it, nothing typed is lost @desktop-js", async ({ page }, info) => {
  await startFlow(page, "00150");
  await page.locator("#f-nachname").fill("Kovalenko");
  await fillDate(page, "geburtsdatum", "2099-01-01");
  await page.locator("#f-telefon").fill("12");
  await submit(page).click();

  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.locator("a")).toHaveText([
    "Bitte füllen Sie „Vorname“ aus.",
    "Das Datum bei „Geburtsdatum“ darf nicht in der Zukunft liegen.",
    "Bitte geben Sie bei „Telefonnummer für Rückfragen“ eine Telefonnummer mit mindestens 6 Ziffern ein.",
  ]);
  await expect(summary.locator("a").first()).toHaveAttribute("href", "#f-vorname");
  await expect(page.locator("#f-vorname")).toHaveAttribute("aria-describedby", "f-vorname-error");
  await expect(page.locator("#f-telefon")).toHaveAttribute("aria-describedby", "f-telefon-hint f-telefon-error");
  await expect(page.locator("#f-nachname")).toHaveValue("Kovalenko");
  await expect(page).toHaveTitle(/^Fehler: Ihre Daten – /);
  if (jsEnabled(info)) await expect(summary).toBeFocused();
  await expectAccessible(page);

  await summary.locator("a").first().click();
  if (jsEnabled(info)) await expect(page.locator("#f-vorname")).toBeFocused();
  await page.locator("#f-vorname").fill("Olena");
  await fillDate(page, "geburtsdatum", "1988-04-12");
  await page.locator("#f-telefon").fill("");
  await submitAndLeave(page, submit(page));
  await expect(page).toHaveURL(/\/bereiche$/);
});

test("leave and come back on another device with the resume code, or the link @pixel-js", async ({ page, browser }, info) => {
  const persona = personas[2];
  await startFlow(page, persona.postcode);
  await fillStep(page, persona.answers.person as Record<string, string>);
  await submitAndLeave(page, submit(page));
  await page.locator('a[href="/antrag/veraenderung/spaeter"]').click();
  await expect(page.locator("h1")).toHaveText("Später fortsetzen");
  await expectAccessible(page);
  const code = (await page.locator(".code-display").textContent())!.trim();
  expect(code).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}$/);
  const link = (await page.locator(".break a").getAttribute("href"))!;

  const other = await browser.newContext({ ...info.project.use, locale: "de-DE", baseURL: info.project.use.baseURL });
  const phone = await other.newPage();
  await phone.goto("/fortsetzen");
  await expectAccessible(phone);
  await phone.locator("#f-code").fill("ABCD-EFGH");
  await phone.locator("button[type=submit]").click();
  await expect(phone.locator(".error-summary")).toContainText("nicht die richtige Form");
  await phone.locator("#f-code").fill(code.toLowerCase().replace(/-/g, " "));
  await submitAndLeave(phone, phone.locator("button[type=submit]"));
  await expect(phone).toHaveURL(/\/antrag\/veraenderung\/bereiche$/);
  await answerAll(phone, persona.answers);
  await expect(phone.locator("h1")).toHaveText("Angaben prüfen");
  await other.close();

  const third = await browser.newContext({ ...info.project.use, locale: "de-DE" });
  const tablet = await third.newPage();
  await tablet.goto(link);
  await expect(tablet).toHaveURL(/\/antrag\/veraenderung\/pruefen$/);
  await third.close();
});
