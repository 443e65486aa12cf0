/**
 * Bildung und Teilhabe in a browser with JavaScript (issue #16): what the browser adds — the
 * conditional questions of a child (the school's name and training pay only for a pupil), the
 * choice page that offers only what the child can get (the client-side schema is built from the
 * reduced fields), and the school's form as a download. Every persona walks over HTTP without
 * JavaScript in tests/http/but.spec.ts; every page is scanned in the catalogue.
 */
import { expect, test } from "@playwright/test";
import { butPersonas } from "../fixtures/but-personas";
import { answerAll, fillDate, startFlow, submitReview } from "./helpers";

test("a Kita child and a 19-year-old pupil: conditional questions and only what each can get @desktop-js", async ({ page }) => {
  const persona = butPersonas.find((p) => p.name === "5-sgb2-neunzehn")!;
  await startFlow(page, persona.postcode, "", "but");
  await answerAll(page, { ...persona.answers, kinder: [] }, async (p) => {
    if (!p.url().endsWith("/antrag/but/kinder")) return;
    // Add the child by hand: the school's questions appear only for a pupil.
    await p.locator('button[name="intent"][value="add"]').click();
    await expect(p.locator("#f-einrichtungName")).toHaveCount(0);
    await expect(p.locator("#f-ausbildungsverguetung")).toHaveCount(0);
    await p.locator('input[name="einrichtung"][value="kita"]').check();
    await expect(p.locator("#f-einrichtungName")).toBeVisible();
    await expect(p.locator('input[name="ausbildungsverguetung"]')).toHaveCount(0);
    await p.locator('input[name="einrichtung"][value="schule"]').check();
    await expect(p.locator('input[name="ausbildungsverguetung"]').first()).toBeVisible();
    const child = (persona.answers.kinder as Record<string, string>[])[0];
    await p.locator('[name="vorname"]').fill(child.vorname);
    await p.locator('[name="nachname"]').fill(child.nachname);
    await fillDate(p, "geburtsdatum", child.geburtsdatum);
    await p.locator('[name="einrichtungName"]').fill(child.einrichtungName);
    await p.locator('input[name="ausbildungsverguetung"][value="nein"]').check();
    await p.locator("button.button--primary[type=submit]").click();
    await expect(p).toHaveURL(/\/antrag\/but\/kinder$/);
  });
  // answerAll's own walk continues from the list; the choice page offered no Teilhabe.
  await expect(page.locator("h1")).toHaveText("Angaben prüfen");
  await expect(page.locator("main")).toContainText("Mia Weber");
  await submitReview(page);
  await expect(page.locator(".reference")).toHaveText(/^[2-9A-HJKMNP-TV-Z]{8}$/);
});

test("the choice page names what a child cannot get, and the browser validates only what is offered @desktop-js", async ({ page }) => {
  const persona = butPersonas.find((p) => p.name === "5-sgb2-neunzehn")!;
  await startFlow(page, persona.postcode, "", "but");
  let seen = false;
  await answerAll(page, persona.answers, async (p) => {
    if (!p.url().endsWith("/leistungen/1")) return;
    seen = true;
    await expect(p.locator('input[name="kategorien"][value="teilhabe"]')).toHaveCount(0);
    await expect(p.locator('[role="note"]')).toContainText("unter 18 Jahren");
    // Nothing ticked: the browser's own check (the same schema as the server's) keeps the page.
    await p.locator("button.button--primary[type=submit]").click();
    await expect(p.locator(".error-summary")).toBeVisible();
    await expect(p).toHaveURL(/\/leistungen\/1$/);
  });
  expect(seen).toBe(true);
  await expect(page.locator("h1")).toHaveText("Angaben prüfen");
});
