import { expect, test, type Page } from "@playwright/test";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas } from "../fixtures/veraenderung-personas";
import { answerAll, startFlow, submitReview } from "./helpers";

/** Nothing may need sideways scrolling on a 360 px wide phone, in German or Arabic. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(client);
}

for (const lng of ["de", "ar"]) {
  test(`360 px wide, ${lng}: every page fits the screen`, async ({ page }, info) => {
    test.skip(info.project.name !== "pixel-js", "one narrow run is enough; it measures layout with JavaScript");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/?lng=${lng}`);
    await expectNoSidewaysScroll(page);
    const persona = personas[0];
    await startFlow(page, persona.postcode);
    await answerAll(page, persona.answers, expectNoSidewaysScroll);
    await expectNoSidewaysScroll(page);
    await page.goto("/antrag/veraenderung/spaeter");
    await expectNoSidewaysScroll(page);
    await page.goto("/antrag/veraenderung/nachweise");
    await expectNoSidewaysScroll(page);
    await page.goto("/antrag/veraenderung/pruefen");
    await submitReview(page);
    await expectNoSidewaysScroll(page);
    await page.goto(`${page.url()}/nachweise`);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `test-results/nachreichung-360-${lng}.png`, fullPage: true });
  });
}

for (const lng of ["de", "ar"]) {
  test(`360 px wide, ${lng}: the Erstantrag of a family fits the screen on every page`, async ({ page }, info) => {
    test.skip(info.project.name !== "pixel-js", "one narrow run is enough; it measures layout with JavaScript");
    await page.setViewportSize({ width: 360, height: 740 });
    const family = erstantragPersonas.find((p) => p.name.startsWith("2-"))!;
    await startFlow(page, family.postcode, `?lng=${lng}`, "erstantrag");
    await answerAll(page, family.answers, expectNoSidewaysScroll);
    await expectNoSidewaysScroll(page);
    await page.goto("/antrag/erstantrag/nachweise");
    await expectNoSidewaysScroll(page);
    await page.goto("/antrag/erstantrag/pruefen");
    await submitReview(page);
    await expectNoSidewaysScroll(page);
  });
}
