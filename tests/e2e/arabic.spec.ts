import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, expectAccessible, startFlow, submitReview } from "./helpers";

test("Arabic: right to left, translated throughout, German-free pages for the applicant", async ({ page }) => {
  await page.goto("/?lng=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expectAccessible(page);
  // The switcher names every language in itself.
  await expect(page.locator(".language-switcher a")).toHaveText(["Deutsch", "English", "العربية"]);

  const persona = personas.find((p) => p.name === "vermoegen-konto")!;
  await startFlow(page, persona.postcode);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl"); // the cookie keeps the language
  await page.locator("button.button--primary[type=submit]").click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expect(page.locator(".error-summary a").first()).toHaveText(/[\u0600-\u06FF]/);
  await expect(page).toHaveTitle(/^خطأ:/);
  await expectAccessible(page);

  await answerAll(page, persona.answers);
  await expect(page.locator("h1")).toHaveText(/[\u0600-\u06FF]/);
  // Amounts and IBANs keep Latin digits.
  await expect(page.locator("main")).toContainText("DE89 3704 0044 0532 0130 00");
  await expect(page.locator("main")).toContainText("8,400.00");
  await submitReview(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
  await expectAccessible(page);
});

test("English via the switcher, on any page", async ({ page }) => {
  await page.goto("/antrag/veraenderung");
  await page.locator('.language-switcher a[lang="en"]').click();
  await expect(page).toHaveURL(/\?lng=en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("h1")).not.toHaveText("Veränderung mitteilen");
  await expectAccessible(page);
});
