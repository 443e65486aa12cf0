/**
 * Erstantrag personas end to end on a phone (Pixel 7), with JavaScript on and off: every page
 * axe-checked, the check-answers page grouped by person, and the sealed PDF + XML verified
 * with pdfsig, xmllint and xmlsec1.
 */
import { expect, test, type Page } from "@playwright/test";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { answerAll, expectAccessible, fillStep, startFlow, submitAndLeave, submitReview } from "./helpers";
import { verifySealedPdf } from "./sealed";

test.beforeEach(({ page: _page }, info) => {
  test.skip(!info.project.name.startsWith("pixel"), "Erstantrag journeys run on the phone profiles (JavaScript on and off)");
});

async function downloadSealedPdf(page: Page): Promise<Buffer> {
  const href = await page.locator('a[href$="/antrag.pdf"]').getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  return response.body();
}

for (const persona of erstantragPersonas) {
  test(`Erstantrag ${persona.name}: ${persona.title}`, async ({ page }) => {
    // 40–60 pages, each axe-scanned (without JavaScript on a replay twin): on a cold 2-core CI
    // machine the longest journeys took close to 3 minutes, so they get three times the default.
    test.slow();
    await startFlow(page, persona.postcode, `?lng=${persona.language}`, "erstantrag");
    await expect(page).toHaveURL(/\/antrag\/erstantrag\/antragsdatum$/);
    await answerAll(page, persona.answers);

    // Check-your-answers: one section per person of the household, named after them.
    await expectAccessible(page);
    const members = [persona.answers.person, ...((persona.answers.haushalt as Record<string, string>[] | undefined) ?? [])] as Record<string, string>[];
    for (const m of members) {
      const inHousehold = page.locator("h2", { hasText: `${m.vorname} ${m.nachname}` });
      if (persona.answers[`lebenslage/${members.indexOf(m)}`] || persona.answers[`kind/${members.indexOf(m)}`] || persona.answers[`hg/${members.indexOf(m)}`]) {
        await expect(inHousehold).toHaveCount(1);
      }
    }

    await submitReview(page);
    await expectAccessible(page);
    await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    const xml = verifySealedPdf(await downloadSealedPdf(page));
    expect(xml).toContain(`<Regime>${persona.expectedRegime}</Regime>`);
    for (const form of persona.expectedForms) {
      const [kuerzel, nr] = form.split(":");
      expect(xml).toContain(`<Formular><Kuerzel>${kuerzel}</Kuerzel>${nr ? `<PersonNr>${nr}</PersonNr>` : ""}</Formular>`);
    }
  });
}

test("Kurzantrag secures the date, then continues as Erstantrag with the same date", async ({ page }) => {
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

test("an address outside the chosen jobcenter's area is named on check-answers and can be corrected", async ({ page }) => {
  await startFlow(page, "00130", "", "kurzantrag");
  const steps: Record<string, string>[] = [
    { vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" },
    { strasse: "Hafenstraße", hausnummer: "21", plz: "00650", ort: "Beispielstadt" },
    { telefon: "0151 7654321" },
    { personen: "1" },
  ];
  for (const values of steps) {
    await fillStep(page, values);
    await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  }
  await expect(page).toHaveURL(/\/pruefen$/);
  const notice = page.locator("#other-jobcenter");
  await expect(notice).toContainText("00650");
  await expect(notice).toContainText("Jobcenter Musterstadt (Demo)");
  await expect(notice).toContainText("Kommunales Jobcenter Beispielkreis (Demo)");
  await expectAccessible(page);
  await submitAndLeave(page, notice.getByRole("link"));
  await expect(page).toHaveURL(/\/antrag\/kurzantrag\/anschrift\?zurueck=1$/);
  await fillStep(page, { plz: "00130", ort: "Musterstadt" });
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await expect(page).toHaveURL(/\/pruefen$/);
  await expect(page.locator("#other-jobcenter")).toHaveCount(0);
});
