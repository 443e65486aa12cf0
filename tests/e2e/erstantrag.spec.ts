/**
 * Erstantrag in a real browser, where a browser adds something: the family on a phone with
 * JavaScript (client-side validation, enhanced forms), the single adult on a phone without it
 * (native forms in a real browser), and the Kurzantrag continued as Erstantrag. Every persona
 * walks over HTTP in tests/http; every page is scanned in the catalogue. Sealed documents are
 * verified with pdfsig, xmllint and xmlsec1.
 */
import { expect, test } from "@playwright/test";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { answerAll, downloadSealedPdf, expectAccessible, fillStep, startFlow, submitAndLeave, submitReview } from "./helpers";
import { verifySealedPdf } from "./sealed";

const journeys = [
  { persona: erstantragPersonas.find((p) => p.name.startsWith("2-"))!, tag: "@pixel-js" },
  { persona: erstantragPersonas.find((p) => p.name.startsWith("1-"))!, tag: "@pixel-nojs" },
];

for (const { persona, tag } of journeys) {
  test(`Erstantrag ${persona.name}: ${persona.title} ${tag}`, async ({ page }) => {
    test.setTimeout(180_000);
    await startFlow(page, persona.postcode, `?lng=${persona.language}`, "erstantrag");
    await expect(page).toHaveURL(/\/antrag\/erstantrag\/antragsdatum$/);
    await answerAll(page, persona.answers);
    await expect(page).toHaveURL(/\/antrag\/erstantrag\/pruefen$/);
    await submitReview(page);
    await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    const xml = verifySealedPdf(await downloadSealedPdf(page));
    expect(xml).toContain(`<Regime>${persona.expectedRegime}</Regime>`);
    for (const form of persona.expectedForms) {
      const [kuerzel, nr] = form.split(":");
      expect(xml).toContain(`<Formular><Kuerzel>${kuerzel}</Kuerzel>${nr ? `<PersonNr>${nr}</PersonNr>` : ""}</Formular>`);
    }
  });
}

test("Kurzantrag secures the date, then continues as Erstantrag with the same date @desktop-js", async ({ page }) => {
  await startFlow(page, "00130", "", "kurzantrag");
  await expect(page).toHaveURL(/\/antrag\/kurzantrag\/person$/);
  const steps: Record<string, Record<string, string>> = {
    person: { vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" },
    anschrift: { strasse: "Ulmenweg", hausnummer: "8", plz: "00130", ort: "Musterstadt" },
    kontakt: { telefon: "0151 7654321" },
    haushalt: { personen: "1" },
  };
  for (const values of Object.values(steps)) {
    await expectAccessible(page);
    await fillStep(page, values);
    await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  }
  await submitReview(page);
  await expectAccessible(page);
  const kurzReference = await page.locator(".reference").innerText();
  const kurzXml = verifySealedPdf(await downloadSealedPdf(page));
  expect(kurzXml).toContain("<Kurzantrag>");

  // Continue: the draft starts with the Kurzantrag's answers; the question about earlier
  // applications is not asked, the date is the Kurzantrag's.
  await submitAndLeave(page, page.locator('form[action$="/weiter"] button'));
  await expect(page).toHaveURL(/\/antrag\/erstantrag\/beginn$/);
  const rest = { ...erstantragPersonas[0].answers };
  delete rest.antragsdatum;
  // Address and contact come from the Kurzantrag: the pages show them filled in and are confirmed as they are.
  rest.anschrift = {};
  rest.kontakt = {};
  rest.person = { ...(rest.person as object), vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" };
  await answerAll(page, rest, async () => undefined);
  await expect(page.locator("main")).toContainText("Olga");
  await submitReview(page);
  const xml = verifySealedPdf(await downloadSealedPdf(page));
  expect(xml).toContain(`<Antragsweg>kurzantrag</Antragsweg><KurzantragReferenz>${kurzReference}</KurzantragReferenz>`);
  expect(xml).toContain("<Strasse>Ulmenweg</Strasse>");
});
