/**
 * The caseworker area end to end: an applicant sends a Veränderungsmitteilung; a caseworker of
 * the jobcenter signs in, finds it by its reference, opens it, sees both seals checked "gültig"
 * and downloads the PDF. The browser server runs in production mode, where demo accounts never
 * exist, so the caseworker is created the way an operator does: `npm run admin -- create-user`.
 */
import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { ACCOUNTS, PASSWORD } from "./accounts";
import { answerAll, expectAccessible, startFlow, submitAndLeave, submitReview } from "./helpers";

test("a caseworker finds a new Veränderungsmitteilung, checks its seals and downloads the PDF @desktop-js", async ({ page }, info) => {
  const email = ACCOUNTS.sachbearbeitung.email;

  const persona = personas.find((p) => p.postcode >= "00100" && p.postcode <= "00499")!;
  await startFlow(page, persona.postcode);
  await answerAll(page, persona.answers, async () => {});
  await submitReview(page);
  const reference = (await page.locator(".reference").textContent())!.trim();

  await page.goto("/sachbearbeitung");
  await expect(page).toHaveURL(/\/sachbearbeitung\/anmelden$/);
  await expectAccessible(page);
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="password"]').fill("falsch-falsch-falsch");
  await page.locator("button.button--primary[type=submit]").click();
  await expect(page.locator(".error-summary")).toContainText("E-Mail-Adresse oder Passwort ist falsch.");
  await expectAccessible(page);
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="password"]').fill(PASSWORD);
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await expect(page).toHaveURL(/\/sachbearbeitung$/);
  await expect(page.locator("h1")).toHaveText("Eingang");
  await expectAccessible(page);

  await page.locator('[name="suche"]').fill(reference);
  await submitAndLeave(page, page.locator("form[role=search] button[type=submit]"));
  const rows = page.locator("table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Veränderungsmitteilung");
  await rows.first().locator("a", { hasText: reference }).click();
  await expect(page).toHaveURL(/\/sachbearbeitung\/antrag\/[0-9a-f-]{36}\?suche=/);
  await expect(page.locator("h1")).toContainText(reference);
  await expect(page.locator('[data-seal="pdf"]')).toHaveText("gültig");
  await expect(page.locator('[data-seal="xml"]')).toHaveText("gültig");
  await expectAccessible(page);

  const href = await page.locator('a[href$="/antrag.pdf"]').getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain(`antrag-${reference}.pdf`);
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Signing out ends the session: the inbox asks for the sign-in again.
  await submitAndLeave(page, page.locator(".area-bar button[type=submit]"));
  await expect(page).toHaveURL(/\/sachbearbeitung\/anmelden\?grund=abgemeldet$/);
  await page.goto("/sachbearbeitung");
  await expect(page).toHaveURL(/\/sachbearbeitung\/anmelden$/);
});

test("an administrator creates a caseworker account, the new person signs in, the administrator locks it @pixel-nojs", async ({ page, browser }, info) => {
  const stamp = `${info.project.name}-${Date.now()}`;
  const admin = ACCOUNTS.administration.email;
  await page.goto("/sachbearbeitung/anmelden");
  await page.locator('[name="email"]').fill(admin);
  await page.locator('[name="password"]').fill(PASSWORD);
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await submitAndLeave(page, page.locator(".area-bar a", { hasText: "Konten" }));
  await expect(page.locator("h1")).toHaveText("Konten");
  await expectAccessible(page);

  // A too short password is refused with an error summary; name and e-mail stay.
  const email = `neu-${stamp}@e2e.example`;
  await page.locator("#f-name").fill("Nina Neu");
  await page.locator("#f-email").fill(email);
  await page.locator("#f-passwort").fill("kurz");
  const create = page.locator('form[aria-labelledby="anlegen-titel"] button[type=submit]');
  await create.click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expect(page.locator("#f-email")).toHaveValue(email);
  await expectAccessible(page);
  await page.locator("#f-passwort").fill("ein-ausreichend-langes-Passwort-2026");
  await submitAndLeave(page, create);
  const row = page.locator("table tbody tr", { hasText: email });
  await expect(row).toContainText("Sachbearbeitung");

  // The new person can sign in (another browser); after the lock, the session ends.
  const other = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: info.project.use.javaScriptEnabled });
  const newcomer = await other.newPage();
  await newcomer.goto("/sachbearbeitung/anmelden");
  await newcomer.locator('[name="email"]').fill(email);
  await newcomer.locator('[name="password"]').fill("ein-ausreichend-langes-Passwort-2026");
  await submitAndLeave(newcomer, newcomer.locator("button.button--primary[type=submit]"));
  await expect(newcomer).toHaveURL(/\/sachbearbeitung$/);
  await submitAndLeave(page, row.locator('button[name="intent"][value="sperren"]'));
  await expect(page.locator("table tbody tr", { hasText: email })).toContainText("gesperrt");
  await expectAccessible(page);
  await newcomer.goto("/sachbearbeitung");
  await expect(newcomer).toHaveURL(/\/sachbearbeitung\/anmelden/);
  await other.close();
});
