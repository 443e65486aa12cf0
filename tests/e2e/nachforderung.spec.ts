/**
 * The whole caseworker loop: an applicant sends an Erstantrag in Arabic on a phone; a
 * caseworker signs in, finds it, sees both seals checked "gültig", takes it and requests a
 * Nachweis with a deadline; the applicant opens the status page from another device with
 * reference + Zugangscode, sees the request in Arabic and uploads; the caseworker sees the
 * flagged addendum and marks the application vollständig; a Teamleitung (a second person) signs
 * off and the status is abgeschlossen — for the caseworkers and on the applicant's status page.
 * Runs with JavaScript on (desktop caseworker) and off (phone caseworker); axe in the full run.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { devices } from "@playwright/test";
import { makePdf } from "../fixtures/files";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { ACCOUNTS, PASSWORD } from "./accounts";
import { answerAll, expectAccessible, jsEnabled, startFlow, submitAndLeave, submitReview, uploadNachweis } from "./helpers";

async function signIn(page: Page, email: string) {
  await page.goto("/sachbearbeitung/anmelden");
  await expectAccessible(page);
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="password"]').fill(PASSWORD);
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await expect(page).toHaveURL(/\/sachbearbeitung$/);
}

async function openByReference(page: Page, reference: string) {
  await page.locator('[name="suche"]').fill(reference);
  await submitAndLeave(page, page.locator("form[role=search] button[type=submit]"));
  await expectAccessible(page);
  await submitAndLeave(page, page.locator("table tbody tr a", { hasText: reference }));
  await expect(page.locator("h1")).toContainText(reference);
}

async function phone(browser: Browser, js: boolean) {
  const context = await browser.newContext({ ...devices["Pixel 7"], javaScriptEnabled: js, locale: "ar", baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

test("caseworker requests a Nachweis, the applicant uploads it in Arabic on a phone, a second person signs off @desktop-js @pixel-nojs", async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const js = jsEnabled(info);
  const caseworker = ACCOUNTS.sachbearbeitung.email;
  const lead = ACCOUNTS.teamleitung.email;

  // The applicant: an Erstantrag in Arabic on a phone.
  const persona = erstantragPersonas.find((p) => p.language === "ar")!;
  const applicant = await phone(browser, js);
  await startFlow(applicant.page, persona.postcode, "?lng=ar", "erstantrag");
  await answerAll(applicant.page, persona.answers, async () => undefined);
  await submitReview(applicant.page);
  const reference = (await applicant.page.locator(".panel .reference").innerText()).trim();
  const accessCode = (await applicant.page.locator(".access-code").innerText()).trim();
  expect(accessCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // The caseworker finds it, checks the seals, takes it and asks for a Nachweis with a deadline.
  await signIn(page, caseworker);
  await openByReference(page, reference);
  await expect(page.locator('[data-seal="pdf"]')).toHaveText("gültig");
  await expect(page.locator('[data-seal="xml"]')).toHaveText("gültig");
  await expect(page.locator("[data-workflow-status]")).toHaveText("Eingegangen");
  await expectAccessible(page);
  await submitAndLeave(page, page.locator('button[name="intent"][value="uebernehmen"]'));
  await expect(page.locator("[data-workflow-status]")).toHaveText("In Bearbeitung");

  // A Nachforderung without a Nachweis is refused with an error summary; the note is kept.
  await page.locator("#f-nf-notiz").fill("Bitte alle Seiten des Mietvertrags.");
  await page.locator('button[name="intent"][value="nachfordern"]').click();
  await expect(page.locator(".error-summary")).toContainText("Wählen Sie mindestens einen Nachweis.");
  await expect(page.locator("#f-nf-notiz")).toHaveValue("Bitte alle Seiten des Mietvertrags.");
  await expectAccessible(page);
  const slot = (await page.locator("#f-nf-nachweise").getAttribute("value"))!;
  await page.locator("#f-nf-nachweise").check();
  const deadline = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  await page.locator("#f-nf-frist").fill(deadline);
  await submitAndLeave(page, page.locator('button[name="intent"][value="nachfordern"]'));
  await expect(page.locator("[data-workflow-status]")).toHaveText("Unterlagen angefordert");
  await expect(page.locator("[data-nachforderung]")).toContainText("offen");
  await expectAccessible(page);

  // The applicant, on another phone: reference + Zugangscode open the status page, in Arabic.
  const other = await phone(browser, js);
  await other.page.goto("/stand?lng=ar");
  await expectAccessible(other.page);
  await other.page.locator('[name="referenz"]').fill(reference.toLowerCase());
  await other.page.locator('[name="code"]').fill(accessCode);
  await submitAndLeave(other.page, other.page.locator("button.button--primary[type=submit]"));
  await expect(other.page).toHaveURL(/\/eingang\/[0-9a-f-]{36}\/stand$/);
  await expect(other.page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(other.page.locator(".panel__title")).toContainText("مطلوب مستندات");
  await expect(other.page.locator("[data-nachforderung]")).toContainText("Bitte alle Seiten des Mietvertrags.");
  await expectAccessible(other.page);
  await submitAndLeave(other.page, other.page.locator("a.button--primary"));
  await expectAccessible(other.page);
  await uploadNachweis(other.page, slot, [{ name: "Mietvertrag.pdf", mimeType: "application/pdf", buffer: await makePdf(2) }]);
  await expect(other.page.locator("#nachgereicht-title")).toBeVisible();
  await expectAccessible(other.page);

  // Back at the jobcenter: flagged in the inbox, the addendum among the attachments, the request answered.
  await page.goto("/sachbearbeitung?neu=1");
  await expect(page.locator("table tbody tr", { hasText: reference }).locator('[data-flag="neu"]')).toBeVisible();
  await expectAccessible(page);
  await openByReference(page, reference);
  await expect(page.locator('[data-flag="neu"]')).toBeVisible();
  await expect(page.locator("a", { hasText: "Mietvertrag.pdf" })).toBeVisible();
  await expect(page.locator("[data-nachforderung]")).toContainText("beantwortet");
  await submitAndLeave(page, page.locator('button[name="intent"][value="vollstaendig"]'));
  await expect(page.locator("[data-workflow-status]")).toHaveText("Vollständig");
  // Four eyes: the caseworker cannot close an Erstantrag.
  await expect(page.locator('button[name="intent"][value="abschliessen"], button[name="intent"][value="freigeben"]')).toHaveCount(0);
  await expectAccessible(page);
  await submitAndLeave(page, page.locator(".area-bar button[type=submit]"));

  // A second person, Teamleitung, signs off.
  await signIn(page, lead);
  await openByReference(page, reference);
  await submitAndLeave(page, page.locator('button[name="intent"][value="freigeben"]'));
  await expect(page.locator("[data-workflow-status]")).toHaveText("Abgeschlossen");
  await expect(page.locator(".workflow")).toContainText(ACCOUNTS.teamleitung.name);
  await expectAccessible(page);

  // The Teamleitung's dashboard counts it: server-rendered charts, readable without JavaScript.
  await submitAndLeave(page, page.locator(".area-bar a", { hasText: "Übersicht" }));
  await expect(page.locator("h1")).toHaveText("Übersicht");
  await expect(page.locator('svg[role="img"]')).toHaveCount(5);
  await expectAccessible(page);

  // The applicant sees it too.
  await other.page.goto(other.page.url().replace(/\/nachweise.*$/, "/stand"));
  await expect(other.page.locator(".panel__title")).toContainText("منتهٍ");
  await applicant.context.close();
  await other.context.close();
});
