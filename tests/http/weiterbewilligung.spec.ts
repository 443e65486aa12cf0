/**
 * The renewal over plain HTTP against the built server, without JavaScript (issue #15): every
 * persona end to end with sealed, verified documents; prefill from the sealed PDF of an earlier
 * Erstantrag (upload, confirm page by page, the caseworker's comparison); the refusals; the
 * hand-over to the Erstantrag after too long a gap; and the Kurzantrag that secures the date
 * and continues in the renewal.
 */
import { expect, test } from "@playwright/test";
import type { StepValues } from "~/flows/engine/types";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { isoDaysFromNow as d } from "../fixtures/veraenderung-personas";
import { nachLuecke, weiterbewilligungPersonas } from "../fixtures/weiterbewilligung-personas";
import { verifySealedPdf } from "../e2e/sealed";
import { Client, pageKeyOf, type Served } from "./client";
import { answerAll, declareAndSend, sealedPdfOf, startFlow, walk } from "./walk";

for (const persona of weiterbewilligungPersonas) {
  test(`Weiterbewilligung ${persona.name} (${persona.language}): ${persona.title}`, async () => {
    const client = new Client();
    const { keys, receipt } = await walk(client, "weiterbewilligung", persona.postcode, persona.answers, { lng: persona.language });
    expect(keys.slice(0, 2)).toEqual(["vorbefuellen", "bwz"]);
    const xml = verifySealedPdf(await sealedPdfOf(client, receipt));
    expect(xml).toContain("<Weiterbewilligungsantrag>");
    expect(xml).toContain(`<BwzEndeBisher>${(persona.answers.bwz as StepValues).ende}</BwzEndeBisher>`);
    const forms = [...xml.matchAll(/<Formular><Kuerzel>(\w+)<\/Kuerzel>(?:<PersonNr>(\d+)<\/PersonNr>)?<\/Formular>/g)].map((m) => (m[2] ? `${m[1]}:${m[2]}` : m[1]));
    expect(forms).toEqual(expect.arrayContaining(persona.expectedForms));
  });
}

/** Posts the sealed PDF with the prefill page's form, as a browser without JavaScript does. */
async function uploadPrevious(client: Client, pdf: Buffer): Promise<Served> {
  const page = client.page!;
  expect(page.path).toBe("/antrag/weiterbewilligung/vorbefuellen");
  const body = new FormData();
  body.append("csrf", client.csrf());
  body.append("vorantrag", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "antrag.pdf");
  const url = new URL(page.path, page.url).toString();
  return client.follow(await client.raw(url, { method: "POST", body }), url);
}

test("prefill: the sealed PDF of an Erstantrag fills the renewal; each page is confirmed; the caseworker sees what changed", async () => {
  const earlier = new Client();
  const persona = erstantragPersonas[0];
  const { receipt } = await walk(earlier, "erstantrag", persona.postcode, persona.answers);
  const pdf = await sealedPdfOf(earlier, receipt);

  const client = new Client();
  await startFlow(client, "weiterbewilligung", persona.postcode);
  // Not ours, then a changed copy: a message and the empty flow, never an error page.
  const refused = await uploadPrevious(client, Buffer.from("%PDF-1.7\n%%EOF\n"));
  expect(refused.status).toBe(400);
  expect(refused.document.querySelector(".error-summary")?.text).toContain("kein Antrag aus diesem Portal");
  const changed = Buffer.from(pdf);
  changed[changed.indexOf("/Producer") + 2] ^= 1;
  expect((await uploadPrevious(client, changed)).document.querySelector(".error-summary")?.text).toContain("nicht gültig");

  const done = await uploadPrevious(client, pdf);
  expect(done.status).toBe(200);
  expect(done.document.querySelector('[role="status"]')?.text).toMatch(/Wir haben \d+ Seiten/);
  const first = await client.get(done.document.querySelector("a.button--primary")!.getAttribute("href")!);
  expect(pageKeyOf(first)).toBe("bwz");
  await client.submit({ ende: d(80) });
  // The first prefilled page: filled in, asks to confirm.
  const person = client.page!;
  expect(pageKeyOf(person)).toBe("person");
  expect(person.document.querySelector('input[name="vorname"]')?.getAttribute("value")).toBe("Jonas");
  expect(person.document.querySelector("main")?.text).toContain("Stimmen sie noch?");

  // Confirm everything as it is, move house on the way, answer what is new or must be current.
  const answers: Record<string, StepValues> = {
    anschrift: { strasse: "Birkenallee", hausnummer: "3" },
    miete: { grundmiete: "410.00" },
    umzug: { umgezogen: "ja" },
    umzugDetails: { datum: d(-75), zusicherung: "erteilt" },
    abrechnung: { erhalten: "nein" },
    aenderungen: { arten: ["keine"] },
    gesondert: { antraege: ["keine"] },
    "taetigkeit/0": { selbststaendig: "nein" },
  };
  const keys: string[] = [];
  for (let guard = 0; guard < 80 && pageKeyOf(client.page!) !== "pruefen"; guard++) {
    const key = pageKeyOf(client.page!);
    keys.push(key);
    if (key === "vmKonten") {
      // The account is carried over with its bank and owner (VM-9), its balance is asked anew:
      // going on leads to the entry to complete, which keeps bank and owner.
      const itemPage = await client.submit({}, 'button[name="intent"][value="continue"]');
      expect(itemPage.path).toBe("/antrag/weiterbewilligung/vmKonten/0");
      expect(itemPage.document.querySelector('input[name="beschreibung"]')?.getAttribute("value")).toBe("Girokonto Sparkasse");
      expect(itemPage.document.querySelector('input[name="eigentuemer"]')?.getAttribute("value")).toBe("Jonas Becker");
      expect(itemPage.document.querySelector('input[name="wert"]')?.getAttribute("value")).toBe("");
      await client.submit({ wert: "240.00" });
      const next = await client.submit({}, 'button[name="intent"][value="continue"]');
      expect(next.document.querySelector(".error-summary")?.text ?? "", "the completed list accepted").toBe("");
      continue;
    }
    const next = await client.submit(answers[key] ?? {});
    expect(next.document.querySelector(".error-summary")?.text ?? "", `${key} accepted as prefilled`).toBe("");
  }
  expect(pageKeyOf(client.page!)).toBe("pruefen");
  // Pages carried over: confirmed by a plain "continue"; the Erstantrag's own pages never shown.
  expect(keys).toContain("kontodaten");
  expect(keys).not.toContain("antragsdatum");
  expect(keys).not.toContain("vorher/0");

  const final = await declareAndSend(client);
  const xml = verifySealedPdf(await sealedPdfOf(client, final));
  const reference = receipt.document.querySelector(".reference")!.text.trim();
  expect(xml).toContain(`<Vorantrag><Referenz>${reference}</Referenz>`);
  expect(xml).toContain("<Seite><Schluessel>anschrift</Schluessel><Status>geaendert</Status></Seite>");
  expect(xml).toContain("<Seite><Schluessel>person</Schluessel><Status>bestaetigt</Status></Seite>");
  expect(xml).toContain("<Strasse>Birkenallee</Strasse>");
  expect(xml).toContain("<Grundmiete>410.00</Grundmiete>");
});

test("too long a gap: the renewal becomes an Erstantrag with what was answered", async () => {
  const client = new Client();
  await startFlow(client, "weiterbewilligung", "00120");
  await client.get(client.page!.document.querySelector("a.button--secondary")!.getAttribute("href")!);
  const erst = await client.submit(nachLuecke.bwz as StepValues);
  expect(erst.path).toMatch(/^\/antrag\/erstantrag\/antragsdatum/);
  expect(erst.document.querySelector('[role="status"] h2')?.text).toBe("Sie brauchen einen neuen Antrag");
  // The renewal's draft is let go: its start page offers a new one.
  const again = await client.get("/antrag/weiterbewilligung");
  expect(again.document.querySelector('input[name="plz"]')).toBeTruthy();
});

test("soon: secure the date with a Kurzantrag, then continue in the renewal with that date", async () => {
  const client = new Client();
  await startFlow(client, "weiterbewilligung", "00120");
  await client.get(client.page!.document.querySelector("a.button--secondary")!.getAttribute("href")!);
  const ende = d(10);
  const vorgehen = await client.submit({ ende, bgNummer: "12345BG0012345" });
  expect(pageKeyOf(vorgehen)).toBe("bwzVorgehen");
  expect(vorgehen.document.querySelector(".notice--warning")?.text).toContain("pünktlich");
  const kurz = await client.submit({ weg: "formlos" });
  expect(kurz.path).toBe("/antrag/kurzantrag/person");
  await answerAll(client, {
    person: { vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" },
    anschrift: { strasse: "Ulmenweg", hausnummer: "8", plz: "00120", ort: "Musterstadt" },
    kontakt: { telefon: "0151 7654321" },
    haushalt: { personen: "1" },
  });
  const receipt = await declareAndSend(client);
  const kurzXml = verifySealedPdf(await sealedPdfOf(client, receipt));
  expect(kurzXml).toContain(`<Anliegen><Verfahren>weiterbewilligung</Verfahren><BwzEndeBisher>${ende}</BwzEndeBisher><BgNummer>12345BG0012345</BgNummer></Anliegen>`);
  // The receipt offers the renewal, not an Erstantrag.
  const offers = receipt.document.querySelectorAll('form[action$="/weiter"] input[name="flow"]').map((i) => i.getAttribute("value"));
  expect(offers).toEqual(["weiterbewilligung"]);
  const next = await client.submit({}, 'form[action$="/weiter"] button');
  expect(next.path).toBe("/antrag/weiterbewilligung/person");
  expect(next.document.querySelector('input[name="vorname"]')?.getAttribute("value")).toBe("Olga");
});
