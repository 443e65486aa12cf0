import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, expectAccessible, startFlow, submitReview } from "./helpers";

for (const persona of personas) {
  test(`Veränderungsmitteilung: ${persona.name}`, async ({ page }) => {
    await startFlow(page, persona.postcode);
    await expect(page).toHaveURL(/\/antrag\/veraenderung\/person$/);
    await answerAll(page, persona.answers);

    await expect(page.locator("h1")).toHaveText("Angaben prüfen");
    await expectAccessible(page);
    const rows = page.locator(".summary-list__row");
    expect(await rows.count()).toBeGreaterThan(5);
    // Every row can be changed, and the change link leads back to the review.
    const change = rows.first().locator("a");
    await expect(change).toHaveAttribute("href", /\?zurueck=1$/);

    await submitReview(page);
    await expectAccessible(page);
    await expect(page.locator("h1")).toHaveText("Ihre Mitteilung ist eingegangen");
    await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    await expect(page.locator("address")).toContainText("(Demo)");
    await expect(page.locator("main")).toContainText(/Eingegangen am \d{1,2}\. \w+ \d{4} um \d{2}:\d{2}/);
    // Both documents can be downloaded by the applicant, and by nobody else.
    for (const name of ["eingangsbestaetigung.pdf", "antrag.pdf"]) {
      const href = await page.locator(`a[href$="/${name}"]`).getAttribute("href");
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
}

test("a change from the review returns to the review, and new answers are asked", async ({ page }) => {
  const persona = personas.find((p) => p.name === "vermoegen-konto")!;
  await startFlow(page, persona.postcode);
  await answerAll(page, persona.answers);
  await page.locator('a[href="/antrag/veraenderung/bereiche?zurueck=1"]').first().click();
  await page.waitForURL(/bereiche\?zurueck=1/);
  await page.locator('input[name="bereiche"][value="abwesenheit"]').check();
  await page.locator("button.button--primary[type=submit]").click();
  await page.waitForURL(/\/abwesenheit/);
  await expectAccessible(page);
});
