import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, expectAccessible, fillStep, jsEnabled, startFlow, submitAndLeave } from "./helpers";

const submit = (page: import("@playwright/test").Page) => page.locator("button.button--primary[type=submit]");

test("invalid answers get an error summary that links to the fields, and nothing typed is lost", async ({ page }, info) => {
  await startFlow(page, "00150");
  await page.locator("#f-nachname").fill("Kovalenko");
  await page.locator("#f-geburtsdatum").fill("2099-01-01");
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
  await page.locator("#f-geburtsdatum").fill("1988-04-12");
  await page.locator("#f-telefon").fill("");
  await submitAndLeave(page, submit(page));
  await expect(page).toHaveURL(/\/bereiche$/);
});

test("a later step cannot be reached by typing its address", async ({ page }) => {
  await startFlow(page, "00150");
  await page.goto("/antrag/veraenderung/konto");
  await expect(page).toHaveURL(/\/person$/);
  await page.goto("/antrag/veraenderung/pruefen");
  await expect(page).toHaveURL(/\/person$/);
  await page.goto("/antrag/veraenderung/personen/7");
  await expect(page).toHaveURL(/\/person$/);
});

test("without a draft, flow pages lead back to the start with an explanation", async ({ page }) => {
  await page.goto("/antrag/veraenderung/bereiche");
  await expect(page).toHaveURL(/\/antrag\/veraenderung\?abgelaufen=1$/);
  await expect(page.locator(".notice")).toContainText("keinen gespeicherten Antrag");
  await expectAccessible(page);
});

test("a postcode outside every area gets a clear answer", async ({ page }) => {
  await page.goto("/antrag/veraenderung");
  await page.locator('[name="plz"]').fill("10115");
  await submit(page).click();
  await expect(page.locator(".notice--warning")).toContainText("10115");
  await expect(page).toHaveURL(/\/antrag\/veraenderung(\?index)?$/);
  await expectAccessible(page);
  await page.locator('[name="plz"]').fill("1011");
  await submit(page).click();
  await expect(page.locator(".error-summary")).toContainText("5 Ziffern");
});

test("leave and come back on another device with the resume code, or the link", async ({ page, browser }, info) => {
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

test("a double-clicked or resent submit yields one submission", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop-nojs", "server behaviour: once is enough");
  const persona = personas[2];
  await startFlow(page, persona.postcode);
  await answerAll(page, persona.answers);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const form = { csrf, erklaerung: "ja" };
  const [a, b] = await Promise.all([
    page.request.post("/antrag/veraenderung/pruefen", { form, maxRedirects: 0 }),
    page.request.post("/antrag/veraenderung/pruefen", { form, maxRedirects: 0 }),
  ]);
  expect(a.status()).toBe(302);
  expect(b.status()).toBe(302);
  expect(a.headers().location).toMatch(/^\/eingang\//);
  expect(b.headers().location).toBe(a.headers().location);
  const again = await page.request.post("/antrag/veraenderung/pruefen", { form, maxRedirects: 0 });
  expect(again.headers().location).toBe(a.headers().location);
  await page.goto(a.headers().location);
  await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
});

test("security headers, CSRF and receipts of others", async ({ page, browser }, info) => {
  test.skip(info.project.name !== "desktop-nojs", "server behaviour: once is enough");
  const response = await page.goto("/antrag/veraenderung");
  const h = response!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h["content-security-policy"]).not.toContain("unsafe-inline");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(await response!.headerValue("set-cookie")).toMatch(/csrf=.*HttpOnly.*SameSite=Lax/i);
  const forged = await page.request.post("/antrag/veraenderung", { form: { plz: "00150" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  const wrong = await page.request.post("/fortsetzen", { form: { csrf: "x".repeat(43), code: "x" }, maxRedirects: 0 });
  expect(wrong.status()).toBe(403);

  const persona = personas[2];
  await startFlow(page, persona.postcode);
  await answerAll(page, persona.answers);
  await page.locator('input[name="erklaerung"][value="ja"]').check();
  await submitAndLeave(page, submit(page));
  const receipt = page.url();
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const seen = await other.goto(receipt);
  expect(seen!.status()).toBe(404);
  for (const name of ["antrag.pdf", "eingangsbestaetigung.pdf"]) expect((await other.request.get(`${receipt}/${name}`)).status()).toBe(404);
  await stranger.close();

  // Operators see the delivery outbox by state; the inbox delivery happened with the commit.
  const health = await (await page.request.get("/healthz")).json();
  expect(health.status).toBe("ok");
  expect(health.outbox.delivered).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(health)).not.toMatch(/[A-Z2-9]{8}|@/);
});
