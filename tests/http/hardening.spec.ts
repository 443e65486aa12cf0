/**
 * Hostile requests get a clear 4xx with a page, never a 500 (issue 19, items 3, 4, 8, 9;
 * ADR 0019): every action refuses bodies that are no form (415) or unreadable ones (400) and
 * keeps working for the next real request; a POST from another site gets 403 with a page in the
 * applicant's language; page numbers in the caseworker area are bounded; and no error page shows
 * a stack trace or a file path. X-Forwarded-For spoofing (item 7) is proven in
 * tests/unit/hardening.test.ts: this server runs without TRUST_PROXY.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "../e2e/accounts";
import { Client } from "./client";
import { startFlow } from "./walk";

type Common = typeof import("../../locales/de/common.json");
const common = (lng: string): Common => JSON.parse(readFileSync(`locales/${lng}/common.json`, "utf8"));
const de = common("de");
const en = common("en");

const ACTIONS = [
  "/antrag/veraenderung/person",
  "/antrag/veraenderung",
  "/fortsetzen",
  "/stand",
  "/sachbearbeitung/anmelden",
  "/antrag/veraenderung/nachweise/senden",
  "/antrag/veraenderung/nachweise",
];

/** Bodies no page of the portal sends; each carries the right CSRF token, so only the type is wrong. */
const hostileBodies = (csrf: string): [string, RequestInit, number][] => [
  ["JSON", { body: JSON.stringify({ csrf, plz: "00150" }), headers: { "Content-Type": "application/json" } }, 415],
  ["text/plain", { body: `csrf=${csrf}\r\nplz=00150`, headers: { "Content-Type": "text/plain" } }, 415],
  ["XML", { body: `<form><csrf>${csrf}</csrf></form>`, headers: { "Content-Type": "application/xml" } }, 415],
  ["empty", {}, 415],
  ["multipart without boundary", { body: `--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--x--\r\n`, headers: { "Content-Type": "multipart/form-data" } }, 400],
];

/** Stack frames, source paths and installed packages: nothing of them belongs in a page. */
const STACK = /\bat \S+ \(|\bat (?:file:)?\/|\/work\/|node_modules|\.(?:ts|tsx|js):\d+:\d+/;

async function signIn(client: Client, email: string) {
  await client.get("/sachbearbeitung/anmelden");
  expect((await client.submit({ email, password: PASSWORD })).path).toBe("/sachbearbeitung");
}

test("every action refuses bodies that are no form with 400/415 and a page, and the next real request works", async () => {
  const client = new Client();
  await startFlow(client, "veraenderung", "00150");
  const csrf = client.csrf();
  expect((await client.submit({ vorname: "Olena", nachname: "Kovalenko", geburtsdatum: "1988-04-12" })).path).toBe("/antrag/veraenderung/bereiche");

  for (const path of ACTIONS) {
    for (const [name, init, status] of hostileBodies(csrf)) {
      const response = await client.raw(path, { ...init, method: "POST" });
      const body = await response.text();
      expect(response.status, `${name} to ${path}`).toBe(status);
      // The upload script's JSON endpoint answers in JSON; a page is HTML.
      expect(response.headers.get("content-type"), `${name} to ${path}`).toMatch(path.endsWith("/senden") ? /^application\/json/ : /^text\/html/);
      expect(body, `${name} to ${path}`).toContain(de.errorPage[status === 415 ? "unsupportedType" : "badRequest"].title);
      expect(body).not.toMatch(STACK);
    }
  }

  // Nothing was lost or changed: the draft still holds the person, and leads on.
  const person = await client.get("/antrag/veraenderung/person");
  expect(person.document.querySelector("#f-nachname")?.getAttribute("value")).toBe("Kovalenko");
  await client.get("/antrag/veraenderung/bereiche");
  expect((await client.submit({ bereiche: ["wohnen"] })).path).toBe("/antrag/veraenderung/wohnen");
  // And the caseworker sign-in still answers a real form.
  await signIn(new Client(), ACCOUNTS.sachbearbeitung.email);
});

test("a POST from another site gets 403 with a page in the applicant's language, and changes nothing", async () => {
  const client = new Client({ "Accept-Language": "en" });
  await startFlow(client, "veraenderung", "00150");
  const form = new URLSearchParams({ csrf: client.csrf(), vorname: "Mallory", nachname: "Evil", geburtsdatum: "1970-01-01" });
  for (const origin of ["https://evil.example", "null", "not a url", "http://127.0.0.1:1"]) {
    const response = await client.raw("/antrag/veraenderung/person", { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin } });
    const body = await response.text();
    expect(response.status, origin).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(body).toContain(en.errorPage.crossOrigin.title);
    expect(body).toContain('<html lang="en"');
  }
  expect((await client.get("/antrag/veraenderung/bereiche")).path, "the person step was not answered").toBe("/antrag/veraenderung/person");

  // The caseworker area answers in German; a JSON body from another site is refused as such too.
  const json = await new Client().raw("/sachbearbeitung/anmelden", { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Origin: "https://evil.example" } });
  expect(json.status).toBe(403);
  expect(await json.text()).toContain(de.errorPage.crossOrigin.title);

  // The same site's own Origin is fine.
  const own = await client.raw("/antrag/veraenderung/person", {
    method: "POST", body: new URLSearchParams({ csrf: client.csrf(), vorname: "Olena", nachname: "Kovalenko", geburtsdatum: "1988-04-12" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(client.page!.url).origin },
  });
  expect(own.status).toBe(302);
  expect(own.headers.get("location")).toBe("/antrag/veraenderung/bereiche");
});

test("page numbers in the caseworker area are bounded: huge, negative or not a number is never a 500", async () => {
  const admin = new Client();
  await signIn(admin, ACCOUNTS.administration.email);
  for (const base of ["/sachbearbeitung/protokoll", "/sachbearbeitung"]) {
    for (const seite of ["99999999999999999999", "-1", "0", "abc", "1e309", "9007199254740993", "%00"]) {
      const served = await admin.get(`${base}?seite=${seite}`);
      expect(served.status, `${base}?seite=${seite}`).toBe(200);
      expect(served.html).not.toMatch(STACK);
    }
  }
});

test("error pages show no stack trace or file path", async () => {
  const client = new Client();
  for (const [path, status] of [
    ["/gibt-es-nicht", 404], ["/antrag/gibt-es-nicht/schritt", 404], ["/sachbearbeitung/antrag/x/anlage/y", 302],
    ["/%E0%A4%A", 400], ["/build/%ZZ", 400], ["/antrag/veraenderung/%", 400],
  ] as const) {
    const response = await client.raw(path);
    const body = await response.text();
    expect(response.status, path).toBe(status);
    expect(body, path).not.toMatch(STACK);
    if (status !== 302) expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
  }
});
