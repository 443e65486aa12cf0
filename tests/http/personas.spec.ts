/**
 * Every persona of every flow, without JavaScript, over plain HTTP against the built server:
 * each page's form must offer the persona's answers, the server accepts them and leads on, the
 * declaration sends, and the sealed PDF and XML verify with pdfsig, xmllint and xmlsec1.
 * A fraction of a second per page: the no-JS guarantee for every persona.
 */
import { expect, test } from "@playwright/test";
import type { StepValues } from "~/flows/engine/types";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas } from "../fixtures/veraenderung-personas";
import { verifySealedPdf } from "../e2e/sealed";
import { Client, pageKeyOf } from "./client";
import { answerAll, declareAndSend, sealedPdfOf, walk } from "./walk";

for (const persona of erstantragPersonas) {
  test(`Erstantrag ${persona.name} (${persona.language}): ${persona.title}`, async () => {
    const client = new Client();
    const { keys, review, receipt } = await walk(client, "erstantrag", persona.postcode, persona.answers, { lng: persona.language });
    expect(keys[0]).toBe("antragsdatum");
    expect(review.document.querySelector("html")?.getAttribute("lang")).toBe(persona.language);

    // Check-answers: one section per person of the household who was asked about, named after them.
    const members = [persona.answers.person, ...((persona.answers.haushalt as StepValues[] | undefined) ?? [])] as Record<string, string>[];
    const headings = review.document.querySelectorAll("h2").map((h) => h.text.trim());
    members.forEach((m, i) => {
      if (persona.answers[`lebenslage/${i}`] || persona.answers[`kind/${i}`] || persona.answers[`hg/${i}`]) {
        expect(headings.filter((h) => h.includes(`${m.vorname} ${m.nachname}`)), `a section for ${m.vorname}`).toHaveLength(1);
      }
    });

    const xml = verifySealedPdf(await sealedPdfOf(client, receipt));
    expect(xml).toContain(`<Regime>${persona.expectedRegime}</Regime>`);
    for (const form of persona.expectedForms) {
      const [kuerzel, nr] = form.split(":");
      expect(xml).toContain(`<Formular><Kuerzel>${kuerzel}</Kuerzel>${nr ? `<PersonNr>${nr}</PersonNr>` : ""}</Formular>`);
    }
  });
}

for (const persona of personas) {
  test(`Veränderungsmitteilung ${persona.name}`, async () => {
    const client = new Client();
    const { keys, review, receipt } = await walk(client, "veraenderung", persona.postcode, persona.answers);
    expect(keys[0]).toBe("person");
    // Every row of check-answers can be changed, and the change link returns to the review.
    const rows = review.document.querySelectorAll(".summary-list__row");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0].querySelector("a")?.getAttribute("href")).toMatch(/\?zurueck=1$/);

    expect(receipt.document.querySelector("h1")?.text).toBe("Ihre Mitteilung ist eingegangen");
    expect(receipt.document.querySelector("address")?.text).toContain("(Demo)");
    expect(receipt.document.querySelector("main")?.text).toMatch(/Eingegangen am \d{1,2}\. \S+ \d{4} um \d{2}:\d{2}/);
    const receiptPdf = await client.raw(receipt.document.querySelector('a[href$="/eingangsbestaetigung.pdf"]')!.getAttribute("href")!);
    expect(receiptPdf.status).toBe(200);
    expect(Buffer.from(await receiptPdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const xml = verifySealedPdf(await sealedPdfOf(client, receipt));
    expect(xml).toContain(`<Nachname>${(persona.answers.person as StepValues).nachname}</Nachname>`);
  });
}

test("Kurzantrag secures the date, then continues as Erstantrag with the same date", async () => {
  const client = new Client();
  const kurz = {
    person: { vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" },
    anschrift: { strasse: "Ulmenweg", hausnummer: "8", plz: "00130", ort: "Musterstadt" },
    kontakt: { telefon: "0151 7654321" },
    haushalt: { personen: "1" },
  };
  const { keys, receipt } = await walk(client, "kurzantrag", "00130", kurz);
  expect(keys).toEqual(["person", "anschrift", "kontakt", "haushalt"]);
  const reference = receipt.document.querySelector(".reference")!.text.trim();
  // The receipt offers uploads; it must not say at the same time that nothing may be sent.
  expect(receipt.document.querySelector('a[href$="/nachweise"]'), "an upload offer").toBeTruthy();
  expect(receipt.document.querySelector("main")!.text).not.toContain("keine Unterlagen nachreichen");
  expect(verifySealedPdf(await sealedPdfOf(client, receipt))).toContain("<Kurzantrag>");

  // Continue: the draft starts with the Kurzantrag's answers; the question about earlier
  // applications is not asked, and the date is the Kurzantrag's.
  const next = await client.submit({}, 'form[action$="/weiter"] button');
  expect(next.path).toBe("/antrag/erstantrag/beginn");
  const rest = { ...erstantragPersonas[0].answers };
  delete rest.antragsdatum;
  // Address and contact come from the Kurzantrag: shown filled in, confirmed as they are.
  rest.anschrift = {};
  rest.kontakt = {};
  rest.person = { ...(rest.person as StepValues), vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" };
  await answerAll(client, rest, (served, key) => {
    if (key === "anschrift") expect(served.document.querySelector('input[name="strasse"]')?.getAttribute("value")).toBe("Ulmenweg");
  });
  expect(pageKeyOf(client.page!)).toBe("pruefen");
  expect(client.page!.document.querySelector("main")?.text).toContain("Olga");
  const final = await declareAndSend(client);
  const xml = verifySealedPdf(await sealedPdfOf(client, final));
  expect(xml).toContain(`<Antragsweg>kurzantrag</Antragsweg><KurzantragReferenz>${reference}</KurzantragReferenz>`);
  expect(xml).toContain("<Strasse>Ulmenweg</Strasse>");
});
