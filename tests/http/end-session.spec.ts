/**
 * "Auf diesem Gerät beenden" (issue 19 item 11, ADR 0022), over plain HTTP from the forms the
 * pages serve: every flow page and the receipt offer it; the confirmation page says what
 * happens and shows the resume code, reference and Zugangscode; afterwards this browser has no
 * draft and no receipt, while the resume code and the reference + Zugangscode still work. The
 * cookie itself never shows the resume code.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { personas } from "../fixtures/veraenderung-personas";
import { Client, type Served } from "./client";
import { startFlow, walk } from "./walk";

type Common = typeof import("../../locales/de/common.json");
const de: Common = JSON.parse(readFileSync("locales/de/common.json", "utf8"));

const END_BUTTON = 'form[action="/beenden"] button[type=submit]';
const text = (served: Served, selector: string) => served.document.querySelector(selector)?.text.trim();
const pressEnd = (client: Client) => client.submit({}, END_BUTTON);

test("end the session on this device: the draft resumes with its code, the receipt only with reference and Zugangscode", async () => {
  const client = new Client();

  // A sent submission: its receipt offers the button too.
  const { receipt } = await walk(client, "veraenderung", "00150", personas[0].answers);
  expect(receipt.document.querySelector(END_BUTTON)?.text.trim()).toBe(de.endSession.button);
  const reference = text(receipt, ".reference")!;
  const accessCode = text(receipt, ".access-code")!;

  // A new draft: start, answer a page.
  await startFlow(client, "veraenderung", "00150");
  const bereiche = await client.submit({ vorname: "Olena", nachname: "Kovalenko", geburtsdatum: "1988-04-12" });
  expect(bereiche.path).toBe("/antrag/veraenderung/bereiche");
  const code = text(await client.get("/antrag/veraenderung/spaeter"), ".code-display")!;
  expect(code).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}$/);
  // The cookie holds both, but shows neither.
  const cookie = client.cookies.get("antrag")!;
  expect(cookie).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  for (const reading of [cookie, ...cookie.split(".").map((p) => Buffer.from(p, "base64url").toString("latin1"))]) {
    expect(reading).not.toContain(code.replace(/-/g, ""));
    expect(reading).not.toContain(receipt.path.split("/").pop());
    expect(reading).not.toMatch(/\{\s*"\w+"\s*:/);
  }

  // The flow page serves the form; it leads to the confirmation, which explains and shows the codes.
  const page = await client.get("/antrag/veraenderung/bereiche");
  const form = page.document.querySelector('form[action="/beenden"]')!;
  expect(form.getAttribute("method")).toBe("post");
  expect(form.querySelector('input[name="csrf"]')?.getAttribute("value")).toBeTruthy();
  const confirm = await pressEnd(client);
  expect(confirm.status).toBe(200);
  expect(confirm.path).toBe(`/beenden?zurueck=${encodeURIComponent("/antrag/veraenderung/bereiche")}`);
  expect(text(confirm, "h1")).toBe(de.endSession.title);
  expect(confirm.html).toContain(de.endSession.whatBody);
  expect(confirm.html).toContain(de.endSession.draftsBody);
  expect(confirm.html).toContain(de.endSession.receiptsBody);
  expect(text(confirm, ".code-display")).toBe(code);
  expect(confirm.html).toContain(reference);
  expect(confirm.html).toContain(accessCode);
  // "Abbrechen" leads back to the page, and nothing has ended yet.
  expect(confirm.document.querySelector(`a[href="/antrag/veraenderung/bereiche"]`)?.text.trim()).toBe(de.endSession.cancel);
  expect((await client.get("/antrag/veraenderung/bereiche")).path).toBe("/antrag/veraenderung/bereiche");

  // End it.
  await pressEnd(client);
  const ended = await client.submit({ bestaetigt: "ja" }, "button.button--primary[type=submit]");
  expect(ended.path).toBe("/beenden?beendet=1");
  expect(text(ended, "h1")).toBe(de.endSession.doneTitle);
  expect(client.cookies.has("antrag"), "the cookie is gone").toBe(false);
  expect(ended.document.querySelector(END_BUTTON), "nothing left to end").toBeNull();

  // Flow pages lead to the start, with the explanation.
  for (const path of ["/antrag/veraenderung/bereiche", "/antrag/veraenderung/person", "/antrag/veraenderung/pruefen", "/antrag/veraenderung/spaeter"]) {
    const served = await client.get(path);
    expect(served.path, path).toBe("/antrag/veraenderung?abgelaufen=1");
    expect(text(served, ".notice")).toBe(de.start.expired);
  }
  // The receipt and its documents are 404 for this browser.
  expect((await client.get(receipt.path)).status).toBe(404);
  expect((await client.get(`${receipt.path}/stand`)).status).toBe(404);
  expect((await client.raw(`${receipt.path}/antrag.pdf`)).status).toBe(404);
  // The home page offers no button any more.
  expect((await client.get("/")).document.querySelector(END_BUTTON)).toBeNull();

  // The resume code still works, with the answers kept.
  await client.get("/fortsetzen");
  const resumed = await client.submit({ code }, "button[type=submit]");
  expect(resumed.path).toBe("/antrag/veraenderung/bereiche");
  const person = await client.get("/antrag/veraenderung/person");
  expect(person.document.querySelector("#f-nachname")?.getAttribute("value")).toBe("Kovalenko");
  // And reference + Zugangscode open the submission again.
  await client.get("/stand");
  const status = await client.submit({ referenz: reference, code: accessCode }, "button[type=submit]");
  expect(status.path).toBe(`${receipt.path}/stand`);
  expect((await client.get(receipt.path)).status).toBe(200);
});

test("the confirmation without a session, a forged end and a foreign way back", async () => {
  const client = new Client();
  const nothing = await client.get("/beenden");
  expect(nothing.status).toBe(200);
  expect(nothing.html).toContain(de.endSession.nothing);
  expect(nothing.document.querySelector("main form"), "nothing to end, no button").toBeNull();

  // With a draft, a POST without the CSRF field ends nothing.
  await startFlow(client, "veraenderung", "00150");
  const forged = await client.raw("/beenden", { method: "POST", body: new URLSearchParams({ bestaetigt: "ja" }), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  expect(forged.status).toBe(403);
  expect(forged.headers.getSetCookie().some((c) => c.startsWith("antrag="))).toBe(false);
  expect((await client.get("/antrag/veraenderung/person")).path).toBe("/antrag/veraenderung/person");

  // "Zurück" never leads to another site.
  for (const back of ["//evil.example/", "https://evil.example/", "/\\evil.example", "/sachbearbeitung"]) {
    const served = await client.get(`/beenden?zurueck=${encodeURIComponent(back)}`);
    expect(served.document.querySelector("main form a")?.getAttribute("href"), back).toBe("/");
  }
});
