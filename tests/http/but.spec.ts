/**
 * Bildung und Teilhabe over plain HTTP against the built server, without JavaScript (issue #16):
 * every persona end to end in its language with sealed, verified documents; what a child cannot
 * get is not offered and a forced answer is refused; SGB XII ends with the office named; the
 * school's form for Lernförderung; and the routing — an SGB II and a BKGG request from the same
 * postcode reach two offices, each sealed with its own key, neither seeing the other's.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { Answers, StepValues } from "~/flows/engine/types";
import { ACCOUNTS, PASSWORD } from "../e2e/accounts";
import { verifySealedPdf } from "../e2e/sealed";
import { butPersonas } from "../fixtures/but-personas";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { isoDaysFromNow } from "../fixtures/veraenderung-personas";
import { Client, pageKeyOf } from "./client";
import { answerAll, declareAndSend, sealedPdfOf, startFlow, walk } from "./walk";

const OFFICE_NAMES: Record<string, string> = {
  "demo-musterstadt": "Jobcenter Musterstadt (Demo)",
  "demo-beispielkreis-but": "Kreis Beispielkreis, Bildung und Teilhabe (Demo)",
  "demo-musterstadt-wohngeld": "Wohngeldstelle der Stadt Musterstadt (Demo)",
};

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw result.error;
  return `${result.stdout}${result.stderr}`;
}
const saved = (bytes: Buffer, name = "file.pdf") => {
  const file = join(mkdtempSync(join(tmpdir(), "but-")), name);
  writeFileSync(file, bytes);
  return file;
};
/** The common name of the certificate that sealed a PDF (pdfsig). */
const signerOf = (pdf: Buffer) => /Signer Certificate Common Name: (.+)/.exec(tool("pdfsig", [saved(pdf)]))?.[1]?.trim();

for (const persona of butPersonas) {
  test(`BuT ${persona.name} (${persona.language}): ${persona.title}`, async () => {
    const client = new Client();
    const { keys, receipt } = await walk(client, "but", persona.postcode, persona.answers, { lng: persona.language });
    expect(keys[0]).toBe("leistung");
    const pdf = await sealedPdfOf(client, receipt);
    const xml = verifySealedPdf(pdf);
    expect(xml).toContain("<BuT>");
    const leistungen = [...xml.matchAll(/<BuTKind>[\s\S]*?<\/BuTKind>/g)].flatMap((kind, i) =>
      [...kind[0].matchAll(/<(Ausflug|Klassenfahrt|Schulbedarf|Schuelerbefoerderung|Lernfoerderung|Mittagsverpflegung|SozialeTeilhabe)>/g)].map((m) => `${i + 1}:${m[1]}`));
    expect(leistungen).toEqual(persona.expected);
    // Received, named and sealed by the office the family's benefit belongs to.
    expect(signerOf(pdf)).toBe(`Test-Siegel ${OFFICE_NAMES[persona.recipient]}`);
    expect(receipt.document.querySelector("main")?.text).toContain(OFFICE_NAMES[persona.recipient]);
  });
}

test("a 19-year-old: Teilhabe is not offered, the reason is named, a forced answer is refused", async () => {
  const persona = butPersonas.find((p) => p.name === "5-sgb2-neunzehn")!;
  const client = new Client();
  await startFlow(client, "but", persona.postcode);
  const { "leistungen/1": _, "mittagessen/1": __, ...before } = persona.answers;
  await answerAll(client, before).catch(() => undefined);
  const page = client.page!;
  expect(pageKeyOf(page)).toBe("leistungen/1");
  expect(page.document.querySelectorAll('input[name="kategorien"]').map((i) => i.getAttribute("value"))).not.toContain("teilhabe");
  const notice = page.document.querySelector('[role="note"]')?.text ?? "";
  expect(notice).toContain("Mia Weber");
  expect(notice).toContain("nur für Kinder und Jugendliche unter 18 Jahren");
  // The Schulbedarf: paid by the Jobcenter without an application, said so.
  expect(notice).toContain("zahlt das Jobcenter den Schulbedarf ohne Antrag");
  // As a hand-made request would (a browser only offers what the page shows).
  const forced = await client.post(page.path, [["csrf", client.csrf()], ["kategorien", "teilhabe"]]);
  expect(forced.status).toBe(400);
  expect(forced.document.querySelector(".error-summary")).not.toBeNull();
});

test("SGB XII and AsylbLG end on a page naming the Sozialamt; it takes no answers", async () => {
  const client = new Client();
  await startFlow(client, "but", "00150");
  const end = await client.submit({ leistung: "sozialhilfe" });
  expect(pageKeyOf(end)).toBe("andereStelle");
  expect(end.document.querySelector("main")?.text).toContain("Sozialamt");
  expect(end.document.querySelector("main form button.button--primary")).toBeNull();
  const url = new URL(end.path, end.url).toString();
  const posted = await client.raw(url, { method: "POST", body: new URLSearchParams({ csrf: client.csrf() }), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  expect(posted.status).toBe(400);
  // Check-answers stays out of reach.
  expect(pageKeyOf(await client.get("/antrag/but/pruefen"))).toBe("andereStelle");
});

test("Lernförderung: the school's form (Teil B) in German, with the child filled in", async () => {
  const persona = butPersonas.find((p) => p.name === "2-sgb2-lernfoerderung")!;
  const client = new Client();
  await startFlow(client, "but", persona.postcode, persona.language);
  let href: string | undefined;
  await answerAll(client, persona.answers, (served, key) => {
    if (key === "lernfoerderung/1") href = served.document.querySelector("main a[download]")?.getAttribute("href") ?? undefined;
  });
  expect(href).toBe("/antrag/but/formular/schulbestaetigung?person=1");
  const response = await client.raw(href!);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const text = tool("pdftotext", ["-enc", "UTF-8", saved(Buffer.from(await response.arrayBuffer())), "-"]);
  expect(text).toContain("Bestätigung der Schule zur Lernförderung (Teil B)");
  expect(text).toContain("Taras Kovalenko");
  expect(text).toContain("Realschule Beispielkreis");
  expect((await client.raw("/antrag/but/formular/unbekannt")).status).toBe(404);
});

test("several day trips of one child: a list per child, each trip changed or removed on its own", async () => {
  const persona = butPersonas.find((p) => p.name === "4-kinderzuschlag-kita")!;
  const client = new Client();
  await startFlow(client, "but", persona.postcode);
  const keys = await answerAll(client, persona.answers);
  expect(keys).toContain("ausflug/1");
  // Check-answers: one row per trip, each linking to its own entry of the child's list.
  const review = client.page!;
  expect(pageKeyOf(review)).toBe("pruefen");
  const hrefs = review.document.querySelectorAll("main a").map((a) => a.getAttribute("href"));
  expect(hrefs).toEqual(expect.arrayContaining(["/antrag/but/ausflug/1/0?zurueck=1", "/antrag/but/ausflug/1/1?zurueck=1"]));
  const second = await client.get("/antrag/but/ausflug/1/1?zurueck=1");
  expect(second.document.querySelector('input[name="beschreibung"]')?.getAttribute("value")).toBe("Theater im Stadtpark");
  expect(second.document.querySelector("h1")?.text).toContain("Kofi Mensah");
  // A URL naming no entry (or an item of a page that has none) leads back to the list or the page.
  expect((await client.get("/antrag/but/ausflug/1/7")).path).toBe("/antrag/but/ausflug/1");
  expect((await client.get("/antrag/but/mittagessen/1/0")).path).toBe("/antrag/but/mittagessen/1");
  expect((await client.get("/antrag/but/ausflug/2")).path).toBe("/antrag/but/pruefen");
  // Removing one trip leaves the other.
  const list = await client.get("/antrag/but/ausflug/1?zurueck=1");
  expect(list.document.querySelectorAll(".item-list__item")).toHaveLength(2);
  const after = await client.submit({}, 'button[name="intent"][value="remove:1"]');
  expect(after.document.querySelectorAll(".item-list__name").map((n) => n.text.trim())).toEqual(["Bauernhof-Besuch der Bärengruppe"]);
  const back = await client.submit({}, 'button[name="intent"][value="continue"]');
  expect(pageKeyOf(back)).toBe("pruefen");
  const links = back.document.querySelectorAll("main a").map((a) => a.getAttribute("href"));
  expect(links).toContain("/antrag/but/ausflug/1/0?zurueck=1");
  expect(links).not.toContain("/antrag/but/ausflug/1/1?zurueck=1");
});

async function signIn(email: string) {
  const client = new Client();
  await client.get("/sachbearbeitung/anmelden");
  expect((await client.submit({ email, password: PASSWORD })).path).toBe("/sachbearbeitung");
  return client;
}

test("routing: an SGB II and a Wohngeld request of one postcode reach two offices, each with its own seal, neither seeing the other's", async () => {
  const stamp = `Routing${Date.now().toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)])}`;
  const renamed = (answers: Answers): Answers => ({ ...answers, antragsteller: { ...(answers.antragsteller as StepValues), nachname: stamp } });
  const sgb2 = butPersonas.find((p) => p.name === "1-sgb2-zwei-schulkinder")!;
  const bkgg = butPersonas.find((p) => p.name === "3-wohngeld-schulbedarf")!;
  const send = async (answers: Answers) => {
    const client = new Client();
    await startFlow(client, "but", "00150");
    await answerAll(client, renamed(answers));
    const receipt = await declareAndSend(client);
    return { reference: receipt.document.querySelector(".reference")!.text.trim(), pdf: await sealedPdfOf(client, receipt) };
  };
  const a = await send(sgb2.answers);
  const b = await send({ ...bkgg.answers, anschrift: { ...(bkgg.answers.anschrift as StepValues), plz: "00150" } });
  expect(signerOf(a.pdf)).toBe("Test-Siegel Jobcenter Musterstadt (Demo)");
  expect(signerOf(b.pdf)).toBe("Test-Siegel Wohngeldstelle der Stadt Musterstadt (Demo)");

  const jobcenter = await signIn(ACCOUNTS.sachbearbeitung.email);
  const wohngeld = await signIn(ACCOUNTS.wohngeld.email);
  const rows = async (client: Client) => (await client.get(`/sachbearbeitung?suche=${stamp}`)).document
    .querySelectorAll("table tbody tr").map((r) => r.getAttribute("data-reference"));
  expect(await rows(jobcenter)).toEqual([a.reference]);
  expect(await rows(wohngeld)).toEqual([b.reference]);
  // Not even by its address: the other office's submission is not found.
  const idOf = async (client: Client, reference: string) => (await client.get(`/sachbearbeitung?suche=${reference}`)).document
    .querySelector(`tr[data-reference="${reference}"] a`)?.getAttribute("href");
  const bUrl = await idOf(wohngeld, b.reference);
  expect(bUrl).toMatch(/^\/sachbearbeitung\/antrag\//);
  expect((await jobcenter.raw(bUrl!)).status).toBe(404);
  const aUrl = await idOf(jobcenter, a.reference);
  expect((await wohngeld.raw(aUrl!)).status).toBe(404);
});

test("an Erstantrag that asks for Lernförderung continues here from its receipt, with the family filled in", async () => {
  test.setTimeout(60_000);
  const erstantrag = erstantragPersonas.find((p) => p.name === "2-familie-minijob")!;
  const client = new Client();
  const { receipt } = await walk(client, "erstantrag", erstantrag.postcode, erstantrag.answers);
  const reference = receipt.document.querySelector(".reference")!.text.trim();
  expect(receipt.document.querySelector('form[action$="/weiter"] input[name="flow"]')?.getAttribute("value")).toBe("but");
  // The family is there; the child still needs the school's details: the list opens her entry.
  const kinder = await client.submit({}, 'form[action$="/weiter"] button');
  expect(pageKeyOf(kinder)).toBe("kinder");
  expect(kinder.document.querySelector("main")?.text).toContain("Lina Haddad");
  const entry = await client.submit({}, 'button[name="intent"][value="continue"]');
  expect(pageKeyOf(entry)).toBe("kinder/0");
  await client.submit({ einrichtungName: "Gesamtschule Musterstadt", klasse: "10a", ausbildungsverguetung: "nein" });
  // Lernförderung is already ticked for her; confirm it and describe the tutoring.
  const choice = await client.submit({}, 'button[name="intent"][value="continue"]');
  expect(pageKeyOf(choice)).toBe("leistungen/1");
  expect(choice.document.querySelector('input[name="kategorien"][value="lernfoerderung"]')?.getAttribute("checked")).not.toBeNull();
  expect(pageKeyOf(await client.submit())).toBe("lernfoerderung/1");
  await client.submit({
    faecher: ["mathematik"], grund: "Lücken nach dem Schulwechsel.", stundenProWoche: "2", von: isoDaysFromNow(10), bis: isoDaysFromNow(120),
    anbieter: "Lernhilfe Musterstadt", preisProStunde: "20.00", leistungen35a: "nein", schuleBestaetigt: "ja", zahlung: "anbieter",
  });
  expect(pageKeyOf(client.page!)).toBe("pruefen");
  const xml = verifySealedPdf(await sealedPdfOf(client, await declareAndSend(client)));
  expect(xml).toContain(`<BezugReferenz>${reference}</BezugReferenz>`);
  expect(xml).toContain("<Lernfoerderung>");
  expect(xml).toContain("<Vorname>Lina</Vorname>");
});
