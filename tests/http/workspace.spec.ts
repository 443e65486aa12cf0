/**
 * The caseworker workspace without JavaScript, over plain HTTP (ADR 0029): saved views and
 * filter chips, "Übernehmen" in the inbox that takes and opens in one POST, the submission page
 * decision first (what needs attention before the answers), only the actions the status allows,
 * and "next" and every action staying within the inbox view the submission was opened from.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD } from "../e2e/accounts";
import { Client, expectReadable, type Served } from "./client";
import { sendAs, surnameStamp } from "./workspace-seed";

async function signIn(email: string) {
  const client = new Client();
  await client.get("/sachbearbeitung/anmelden");
  expect((await client.submit({ email, password: PASSWORD })).path).toBe("/sachbearbeitung");
  return client;
}

const rowsOf = (page: Served) => page.document.querySelectorAll("table tbody tr").map((r) => r.getAttribute("data-reference"));
const buttonsOf = (page: Served) => page.document.querySelectorAll(".workflow button[name=intent]").map((b) => b.getAttribute("value"));

test("views, chips, take-and-open, decision first and next within the view, without JavaScript", async () => {
  test.setTimeout(90_000);
  const name = surnameStamp();
  const older = await sendAs("veraenderung", name);
  const newer = await sendAs("veraenderung", name);
  const caseworker = await signIn(ACCOUNTS.sachbearbeitung.email);

  // The saved views are links; the active one is marked. Filters fold away; active ones are chips.
  const inbox = await caseworker.get(`/sachbearbeitung?ansicht=neu&suche=${name}&verfahren=veraenderung`);
  expectReadable(inbox);
  expect(inbox.document.querySelector('.views a[aria-current="page"]')?.text).toBe("Neu");
  expect(rowsOf(inbox)).toEqual([newer, older]);
  expect(inbox.document.querySelector(".filter-panel summary")?.text).toContain("1 aktiv");
  const chips = inbox.document.querySelectorAll(".chips a.chip").map((a) => [a.text.replace(/\s+/g, " ").trim(), a.getAttribute("href")]);
  expect(chips).toEqual([
    [`Suche: ${name} – Filter entfernen×`, "/sachbearbeitung?ansicht=neu&verfahren=veraenderung"],
    ["Verfahren: Veränderungsmitteilung – Filter entfernen×", `/sachbearbeitung?ansicht=neu&suche=${name}`],
  ]);

  // "Übernehmen" takes the newer one and opens it in the same view.
  const opened = await caseworker.submit({}, `form[data-take="${newer}"] button[value="uebernehmen"]`);
  expect(opened.path).toMatch(new RegExp(`^/sachbearbeitung/antrag/[0-9a-f-]{36}\\?ansicht=neu&suche=${name}&verfahren=veraenderung&meldung=uebernehmen$`));
  expectReadable(opened);
  expect(opened.document.querySelector("[data-workflow-status]")?.text).toBe("In Bearbeitung");
  // Decision first: "Zu beachten" comes before the answers, the seal check is in it.
  const html = opened.html;
  expect(html.indexOf('id="beachten-title"')).toBeLessThan(html.indexOf('id="angaben"'));
  expect(html.indexOf('id="angaben"')).toBeLessThan(html.indexOf('id="dokumente"'));
  expect(opened.document.querySelector('[data-attention="siegelGueltig"]')).not.toBeNull();
  expect(opened.document.querySelector("iframe")).toBeNull();
  // Taken out of "Neu", it still knows its place: the older one is next, and the page offers no way back into a state it is in.
  const next = opened.document.querySelector('a[rel="next"]');
  expect(next?.getAttribute("href")).toMatch(new RegExp(`\\?ansicht=neu&suche=${name}&verfahren=veraenderung$`));
  expect(buttonsOf(opened)).toEqual(["vollstaendig", "zuweisen"]);
  expect(opened.document.querySelectorAll(".shortcuts kbd").map((k) => k.text)).toEqual(["j", "e", "v", "n", "a", "p"]);

  // One click to the next submission's answers; a brand-new one offers "take", not "take back into work".
  const second = await caseworker.get(next!.getAttribute("href")!);
  expect(second.document.querySelector("h1")?.text).toContain(older);
  expect(second.document.querySelector(".answers .summary-list__row")).not.toBeNull();
  expect(buttonsOf(second)).toEqual(["uebernehmen", "zuweisen"]);
  // The one taken before is no longer "Neu": nothing before this one in the view.
  expect(second.document.querySelector('a[rel="prev"]')).toBeNull();
  expect(second.document.querySelector(".case-nav__position")?.text).toBe("Antrag 1 von 1 in dieser Ansicht");

  // An action keeps the view: POST → redirect back to the submission within it.
  const taken = await caseworker.submit({}, 'button[value="uebernehmen"]');
  expect(taken.path).toMatch(new RegExp(`\\?ansicht=neu&suche=${name}&verfahren=veraenderung&meldung=uebernehmen$`));
  const complete = await caseworker.submit({}, 'button[value="vollstaendig"]');
  expect(complete.document.querySelector("[data-workflow-status]")?.text).toBe("Vollständig");
  expect(complete.document.querySelector('.back-link')?.getAttribute("href")).toBe(`/sachbearbeitung?ansicht=neu&suche=${name}&verfahren=veraenderung`);

  // "Meine" lists both now. A take from a list that is out of date meanwhile is a clear 409 on the inbox, not an error page.
  const mine = await caseworker.get(`/sachbearbeitung?ansicht=meine&suche=${name}`);
  expect(rowsOf(mine)).toEqual([newer, older]);
  const colleague = await signIn(ACCOUNTS.sachbearbeitung2.email);
  await colleague.get(`/sachbearbeitung?suche=${name}`);
  caseworker.page = complete;
  expect((await caseworker.submit({}, 'button[value="bearbeiten"]')).document.querySelector("[data-workflow-status]")?.text).toBe("In Bearbeitung");
  const refused = await colleague.submit({}, `form[data-take="${older}"] button[value="uebernehmen"]`);
  expect(refused.status).toBe(409);
  expect(refused.document.querySelector('[role="alert"]')?.text).toContain(older);
});
