/**
 * Nachweise upload in the Veränderungsmitteilung, with JavaScript (XHR with progress to the
 * JSON endpoint) and without (plain multipart forms): a PNG and a PDF, a disguised program
 * refused with an error summary, a photo, a removal; submit; then a Nachreichung from the receipt
 * with the same reference. Fixture files are made in the test.
 */
import { expect, test, type Page } from "@playwright/test";
import { disguised, makePdf, makePng } from "../fixtures/files";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, expectAccessible, startFlow, submitAndLeave, submitReview, uploadNachweis as upload } from "./helpers";

test("Nachweise: upload before submitting, then a Nachreichung from the receipt @desktop-js @pixel-nojs", async ({ page }) => {
  const persona = personas.find((p) => p.name === "vermoegen-konto")!;
  await startFlow(page, persona.postcode);
  await answerAll(page, persona.answers);
  await expect(page.locator("h1")).toHaveText("Angaben prüfen");

  await submitAndLeave(page, page.getByRole("link", { name: "Nachweise jetzt hochladen oder später nachreichen" }));
  await expect(page).toHaveURL(/\/antrag\/veraenderung\/nachweise$/);
  await expect(page.locator("h1")).toHaveText("Nachweise hochladen");
  await expect(page.locator("section.nachweis h3")).toContainText([
    "Nachweis über das Vermögen, zum Beispiel Erbschein, Schenkungsvertrag oder Kontoauszug",
    "Nachweis über das neue Konto, zum Beispiel Kontoauszug oder Bestätigung der Bank",
    "Weitere Unterlagen",
  ]);
  await expect(page.locator('input[type="file"][capture="environment"]').first()).toHaveAttribute("accept", "image/*");
  await expect(page.locator("#f-datei-kontonachweis")).toHaveAttribute("multiple", "");
  await expectAccessible(page);

  // A PNG and a PDF at once.
  const png = makePng(60, 40);
  const pdf = await makePdf();
  const konto = await upload(page, "kontonachweis", [
    { name: "Kontoauszug.png", mimeType: "image/png", buffer: png },
    { name: "Bestätigung der Bank.pdf", mimeType: "application/pdf", buffer: pdf },
  ]);
  await expect(konto.locator(".file-list__name")).toHaveText(["Kontoauszug.png", "Bestätigung der Bank.pdf"]);

  // A program that calls itself a PDF: refused, named in the error summary; nothing lost.
  await upload(page, "vermoegensnachweis", [{ name: "Erbschein.pdf", mimeType: "application/pdf", buffer: disguised.exe }]);
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("„Erbschein.pdf“ ist ein Programm, kein Dokument.");
  await expect(summary.locator("a")).toHaveAttribute("href", "#f-datei-vermoegensnachweis");
  await expect(konto.locator(".file-list__name")).toHaveCount(2);
  await expectAccessible(page);

  // The camera input (a photo).
  const vermoegen = await upload(page, "vermoegensnachweis", [{ name: "Foto.png", mimeType: "image/png", buffer: makePng(30, 50) }], "foto");
  await expect(vermoegen.locator(".file-list__name")).toHaveText(["Foto.png"]);
  await expect(page.locator(".error-summary")).toHaveCount(0);

  // Remove one.
  const remove = konto.locator("button", { hasText: "Entfernen" }).last();
  const removed = page.waitForResponse((r) => r.request().method() === "POST");
  await remove.click();
  await removed;
  await expect(konto.locator(".file-list__name")).toHaveText(["Kontoauszug.png"]);

  await submitAndLeave(page, page.getByRole("link", { name: "Weiter zum Prüfen und Absenden" }));
  await expect(page.locator("main")).toContainText("Hochgeladene Dateien: 2");
  await submitReview(page);
  const receipt = page.url();
  await expect(page.locator("main")).toContainText("Hochgeladene Nachweise");
  await expect(page.locator("main")).toContainText("Kontoauszug.png");
  await expectAccessible(page);

  // Later, same reference: a sealed Nachreichung.
  await submitAndLeave(page, page.getByRole("link", { name: "Nachweise jetzt hochladen" }));
  await expect(page).toHaveURL(/\/eingang\/[0-9a-f-]{36}\/nachweise$/);
  await expect(page.locator("h1")).toHaveText("Nachweise nachreichen");
  const reference = await page.locator("p.lead").textContent();
  expect(reference).toMatch(/Aktenzeichen [2-9A-HJKMNP-TV-Z]{8}/);
  await expect(page.locator("section.nachweis").first().locator(".file-list__name")).toHaveText(["Foto.png"]);
  await expectAccessible(page);
  await upload(page, "sonstiges", [{ name: "Nachtrag zur Erbschaft.pdf", mimeType: "application/pdf", buffer: await makePdf(2) }]);
  await expect(page.locator(".notice")).toContainText("Ihre Nachreichung 1 ist beim Jobcenter eingegangen.");
  await expect(page.locator("main")).toContainText("Bereits nachgereicht");
  await expect(page.locator("main")).toContainText("Nachtrag zur Erbschaft.pdf");
  await expectAccessible(page);

  await page.goto(receipt);
  await expect(page.locator("main")).toContainText(/Nachreichung 1 vom \d{1,2}\. \w+ \d{4}/);
  await expect(page.locator("main")).toContainText("Nachtrag zur Erbschaft.pdf");
});
