import { expect, test, type Page } from "@playwright/test";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas } from "../fixtures/veraenderung-personas";
import { execFileSync } from "node:child_process";
import { answerAll, startFlow, submitAndLeave, submitReview } from "./helpers";

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
    const receipt = page.url();
    await page.goto(`${receipt}/stand`);
    await expectNoSidewaysScroll(page);
    await page.goto("/stand");
    await expectNoSidewaysScroll(page);
    await page.goto(`${receipt}/nachweise`);
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

test("360 px wide: the caseworker area fits the screen (inbox, submission, dashboard, accounts, audit log)", async ({ page }, info) => {
  test.skip(info.project.name !== "pixel-js", "one narrow run is enough; it measures layout with JavaScript");
  const email = `admin-360-${Date.now()}@e2e.example`;
  const password = "e2e-360-Administration-2026!";
  execFileSync("node_modules/.bin/tsx", ["scripts/admin.ts", "create-user", "--jobcenter", "demo-musterstadt", "--email", email, "--name", "Ada Schmal", "--role", "administration"], {
    input: `${password}\n`,
    env: { ...process.env, NODE_ENV: "test", DATA_DIR: process.env.E2E_DATA_DIR!, ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  await page.setViewportSize({ width: 360, height: 740 });
  const persona = personas[0];
  await startFlow(page, persona.postcode);
  await answerAll(page, persona.answers, async () => undefined);
  await submitReview(page);
  await page.goto("/sachbearbeitung/anmelden");
  await expectNoSidewaysScroll(page);
  await page.locator('[name="email"]').fill(email);
  await page.locator('[name="password"]').fill(password);
  await submitAndLeave(page, page.locator("button.button--primary[type=submit]"));
  await expectNoSidewaysScroll(page);
  await submitAndLeave(page, page.locator("table tbody tr a").first());
  await expectNoSidewaysScroll(page);
  for (const path of ["/sachbearbeitung/uebersicht", "/sachbearbeitung/konten", "/sachbearbeitung/protokoll", "/sachbearbeitung/konto"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
});
