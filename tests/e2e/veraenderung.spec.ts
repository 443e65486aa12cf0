/**
 * The Veränderungsmitteilung in a browser with JavaScript: a move with a repeating group of
 * persons (add, item page, list), check-answers with change links, the receipt and both PDFs.
 * Every persona walks over HTTP in tests/http; every page is scanned in the catalogue.
 */
import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, fillStep, startFlow, submitReview } from "./helpers";

test("Veränderungsmitteilung with a repeating group of persons @desktop-js", async ({ page }) => {
  const persona = personas.find((p) => p.name === "umzug-familie")!;
  expect(Array.isArray(persona.answers.personen), "the persona moves people in or out").toBe(true);
  await startFlow(page, persona.postcode);
  await expect(page).toHaveURL(/\/antrag\/veraenderung\/person$/);
  await answerAll(page, persona.answers);

  await expect(page.locator("h1")).toHaveText("Angaben prüfen");
  const rows = page.locator(".summary-list__row");
  expect(await rows.count()).toBeGreaterThan(5);
  await expect(rows.first().locator("a")).toHaveAttribute("href", /\?zurueck=1$/);

  await submitReview(page);
  await expect(page.locator("h1")).toHaveText("Ihre Mitteilung ist eingegangen");
  await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
  for (const name of ["eingangsbestaetigung.pdf", "antrag.pdf"]) {
    const href = await page.locator(`a[href$="/${name}"]`).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  }
});

test("whom a change concerns: the name fields show only for another person, with JavaScript @desktop-js", async ({ page }) => {
  const persona = personas.find((p) => p.name === "arbeit-einkommen")!;
  await startFlow(page, persona.postcode);
  await answerAll(page, { ...persona.answers, arbeitBeginn: {} }, async (p) => {
    if (!p.url().endsWith("/arbeitBeginn")) return;
    // Hidden until "another person" is chosen; a name is then required, and kept.
    await expect(p.locator("#f-betrifftVorname")).toHaveCount(0);
    await p.locator('input[name="betrifft"][value="andere"]').check();
    await expect(p.locator("#f-betrifftVorname")).toBeVisible();
    await p.locator("button.button--primary[type=submit]").click();
    await expect(p.locator(".error-summary")).toContainText("Vorname der Person");
    await p.locator('input[name="betrifft"][value="selbst"]').check();
    await expect(p.locator("#f-betrifftNachname")).toHaveCount(0);
    await p.locator('input[name="betrifft"][value="andere"]').check();
    const { betrifft: _chosen, ...rest } = persona.answers.arbeitBeginn as Record<string, string>;
    await fillStep(p, rest);
  });
  await expect(page.locator("h1")).toHaveText("Angaben prüfen");
  await expect(page.locator("main")).toContainText("Laila");
});
