/**
 * Fuzzing every form the portal serves, applicant and caseworker: each form of each page a
 * journey shows is sent back with hostile values in every field (overlong, NUL, markup,
 * emoji, huge and negative numbers, impossible dates, repeated fields, unknown fields), with the
 * right CSRF token so the action's own validation is reached, and with none. Nothing may answer
 * ≥ 500, and the page must still work afterwards. Seeded, bounded: a few hundred requests.
 *
 * Field values are always hostile, never the served ones (except the pressed button's intent),
 * so the fuzzer cannot lock the shared test accounts or sign off a case by chance. The
 * caseworker sign-in is left out: failed sign-ins throttle the test machine's address (ADR 0020).
 */
import { expect, test } from "@playwright/test";
import type { HTMLElement } from "node-html-parser";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas } from "../fixtures/veraenderung-personas";
import { ACCOUNTS, PASSWORD } from "../e2e/accounts";
import { Client, type Served } from "./client";
import { walk } from "./walk";

const MUTATIONS_PER_FORM = 4;

const HOSTILE = [
  "", " ", "x".repeat(70_000), "\u0000", "a\u0000b", "<script>alert(1)</script>", "💥".repeat(2000), "-1", "0",
  "99999999999999999999999", "1e309", "NaN", "2026-02-30", "31.12.1899", "../../etc/passwd", "%00", "\r\n\r\n",
  "DE00000000000000000000", "remove:-1", "remove:99999", "add", "continue", "null", "[object Object]", "١٢٣",
];

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The POST forms of a page (urlencoded; upload forms are fuzzed in the hostile-file tests). */
function postForms(served: Served): HTMLElement[] {
  return served.document.querySelectorAll("form").filter((f) => (f.getAttribute("method") ?? "").toLowerCase() === "post" && f.getAttribute("enctype") !== "multipart/form-data");
}

async function fuzzPage(client: Client, served: Served, seed: number, counts: { requests: number }) {
  const rng = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
  for (const form of postForms(served)) {
    const action = new URL(form.getAttribute("action") ?? served.url, served.url).toString();
    if (new URL(action).pathname === "/sachbearbeitung/anmelden") continue;
    const names = [...new Set(form.querySelectorAll("input, select, textarea").map((e) => e.getAttribute("name")).filter((n): n is string => !!n && n !== "csrf"))];
    const buttons = form.querySelectorAll("button[name]").map((b) => [b.getAttribute("name")!, b.getAttribute("value") ?? ""] as [string, string]);
    for (let m = 0; m < MUTATIONS_PER_FORM; m++) {
      const entries: [string, string][] = [];
      if (m !== MUTATIONS_PER_FORM - 1) entries.push(["csrf", client.csrf()]); // the last one without a token
      for (const name of names) {
        const repeat = rng() < 0.2 ? 3 : 1;
        for (let r = 0; r < repeat; r++) entries.push([name, pick(HOSTILE)]);
      }
      if (buttons.length) entries.push(pick(buttons));
      if (rng() < 0.3) entries.push([pick(["__proto__", "constructor", "x".repeat(300), "intent"]), pick(HOSTILE)]);
      const response = await client.raw(action, { method: "POST", body: new URLSearchParams(entries), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      counts.requests++;
      const body = await response.text();
      expect(response.status, `${action} answered ${response.status}: ${body.slice(0, 200)}`).toBeLessThan(500);
    }
  }
  // The page still works after the hostile posts (nothing stored broke it).
  const again = await client.get(served.path);
  expect(again.status, `${served.path} after fuzzing`).toBeLessThan(500);
}

test("every applicant form of every flow refuses hostile values with a 4xx or a validation page, never a 5xx", async () => {
  test.setTimeout(240_000);
  const counts = { requests: 0 };
  const journeys = [
    { flow: "veraenderung", postcode: personas[0].postcode, answers: personas[0].answers },
    { flow: "erstantrag", postcode: erstantragPersonas[1].postcode, answers: erstantragPersonas[1].answers },
  ];
  for (const [j, journey] of journeys.entries()) {
    // Every page the journey shows is fuzzed in its draft at that point, then answered properly.
    const client = new Client();
    let seed = j * 1000;
    const { receipt } = await walk(client, journey.flow, journey.postcode, journey.answers, { onPage: (served) => fuzzPage(client, served, ++seed, counts) });
    for (const path of [`/antrag/${journey.flow}`, "/fortsetzen", "/stand", `${receipt.path}`, `${receipt.path}/nachweise`]) {
      await fuzzPage(client, await client.get(path), counts.requests, counts);
    }
  }
  console.log(`fuzz (applicant): ${counts.requests} hostile requests, none ≥ 500`);
  expect(counts.requests).toBeGreaterThan(100);
});

test("every caseworker form refuses hostile values with a 4xx or a validation page, never a 5xx", async () => {
  test.setTimeout(180_000);
  const counts = { requests: 0 };
  const applicant = new Client();
  const { receipt } = await walk(applicant, "veraenderung", "00150", personas[2].answers);
  const reference = receipt.document.querySelector(".reference")!.text.trim();
  for (const account of [ACCOUNTS.sachbearbeitung, ACCOUNTS.teamleitung, ACCOUNTS.administration]) {
    const caseworker = new Client();
    await caseworker.get("/sachbearbeitung/anmelden");
    expect((await caseworker.submit({ email: account.email, password: PASSWORD })).path).toBe("/sachbearbeitung");
    const inbox = await caseworker.get(`/sachbearbeitung?suche=${reference}`);
    const href = inbox.document.querySelector("table tbody tr a")!.getAttribute("href")!;
    const pages = ["/sachbearbeitung", href, "/sachbearbeitung/konto", "/sachbearbeitung/uebersicht", "/sachbearbeitung/konten", "/sachbearbeitung/protokoll"];
    for (const [i, path] of pages.entries()) {
      const served = await caseworker.get(path);
      if (served.status === 200) await fuzzPage(caseworker, served, i + 100, counts);
    }
  }
  console.log(`fuzz (caseworker): ${counts.requests} hostile requests, none ≥ 500`);
  expect(counts.requests).toBeGreaterThan(20);
});
