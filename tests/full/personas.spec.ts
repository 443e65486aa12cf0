/**
 * Release run only (`npm run test:full`): every persona of every flow in every browser project
 * (desktop and Pixel 7, JavaScript on and off), axe on every page it shows. CI covers the same
 * ground cheaper: the personas over HTTP (tests/http/personas.spec.ts) and every declared page
 * once per script in the catalogue (tests/e2e/catalogue.spec.ts). ADR 0018.
 */
import { expect, test } from "@playwright/test";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, downloadSealedPdf, expectAccessible, startFlow, submitReview } from "../e2e/helpers";
import { verifySealedPdf } from "../e2e/sealed";

for (const persona of erstantragPersonas) {
  test(`Erstantrag ${persona.name}: ${persona.title}`, async ({ page }) => {
    test.setTimeout(540_000);
    await startFlow(page, persona.postcode, `?lng=${persona.language}`, "erstantrag");
    await answerAll(page, persona.answers);
    await expectAccessible(page);
    await submitReview(page);
    await expectAccessible(page);
    const xml = verifySealedPdf(await downloadSealedPdf(page));
    expect(xml).toContain(`<Regime>${persona.expectedRegime}</Regime>`);
  });
}

for (const persona of personas) {
  test(`Veränderungsmitteilung ${persona.name}`, async ({ page }) => {
    test.setTimeout(240_000);
    await startFlow(page, persona.postcode);
    await answerAll(page, persona.answers);
    await expectAccessible(page);
    await submitReview(page);
    await expectAccessible(page);
    verifySealedPdf(await downloadSealedPdf(page));
  });
}
