/**
 * Server behaviour without a browser, over plain HTTP against the built server: error
 * summaries, URL guards, expired drafts, postcodes, resuming on another device, idempotent
 * sending, security headers and CSRF, languages and direction, the other-jobcenter notice,
 * changes from the review, and well-formed HTML. Moved from the browser journeys
 * (tests/e2e/journey, arabic, erstantrag, veraenderung), whose JavaScript-free parts these are;
 * the browser keeps what needs a browser (focus, axe).
 */
import { expect, test } from "@playwright/test";
import { direction, htmlLang, LANGUAGES } from "~/i18n/config";
import { languageRow } from "~/i18n/languages";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { makePdf, makePng } from "../fixtures/files";
import { personas } from "../fixtures/veraenderung-personas";
import { Client, type Served } from "./client";
import { answerAll, declareAndSend, startFlow, walk } from "./walk";

const vermoegenKonto = personas.find((p) => p.name === "vermoegen-konto")!;
const RESUME_CODE = /^([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}$/;
const REFERENCE = /^[2-9A-HJKMNP-TV-Z]{8}$/;

const html = (served: Served) => served.document.querySelector("html")!;
const text = (served: Served, selector: string) => served.document.querySelector(selector)?.text.trim();
const texts = (served: Served, selector: string) => served.document.querySelectorAll(selector).map((e) => e.text.trim());
const attribute = (served: Served, selector: string, name: string) => served.document.querySelector(selector)?.getAttribute(name);

/** A POST as a script sends it, not from a served form: no redirect followed. */
const postForm = (client: Client, path: string, form: Record<string, string>) =>
  client.raw(path, { method: "POST", body: new URLSearchParams(form), headers: { "Content-Type": "application/x-www-form-urlencoded" } });

test.describe("journey", () => {
  test("invalid answers get an error summary that links to the fields, and nothing typed is lost", async () => {
    const client = new Client();
    await startFlow(client, "veraenderung", "00150");
    const invalid = await client.submit({ nachname: "Kovalenko", geburtsdatum: "2099-01-01", telefon: "12" });
    expect(invalid.path).toBe("/antrag/veraenderung/person");
    expect(texts(invalid, ".error-summary a")).toEqual([
      "Bitte füllen Sie „Vorname“ aus.",
      "Das Datum bei „Geburtsdatum“ darf nicht in der Zukunft liegen.",
      "Bitte geben Sie bei „Telefonnummer für Rückfragen“ eine Telefonnummer mit mindestens 6 Ziffern ein.",
    ]);
    expect(invalid.document.querySelectorAll(".error-summary a").map((a) => a.getAttribute("href"))).toEqual(["#f-vorname", "#f-geburtsdatum", "#f-telefon"]);
    expect(attribute(invalid, "#f-vorname", "aria-describedby")).toBe("f-vorname-error");
    expect(attribute(invalid, "#f-telefon", "aria-describedby")).toBe("f-telefon-hint f-telefon-error");
    expect(attribute(invalid, "#f-nachname", "value")).toBe("Kovalenko");
    expect(text(invalid, "title")).toMatch(/^Fehler: Ihre Daten – /);

    // The corrected form, sent with what the page kept (the surname), leads on.
    const next = await client.submit({ vorname: "Olena", geburtsdatum: "1988-04-12", telefon: "" });
    expect(next.path).toBe("/antrag/veraenderung/bereiche");
    // A page of one question names its question in the error, not the instruction under it ("Wählen Sie alles aus, was zutrifft.").
    const none = await client.submit({});
    expect(texts(none, ".error-summary a")).toEqual(["Bitte wählen Sie bei „Was hat sich geändert?“ eine Antwort aus."]);
  });

  test("a later step cannot be reached by typing its address", async () => {
    const client = new Client();
    await startFlow(client, "veraenderung", "00150");
    for (const path of ["/antrag/veraenderung/konto", "/antrag/veraenderung/pruefen", "/antrag/veraenderung/personen/7"]) {
      expect((await client.get(path)).path, path).toBe("/antrag/veraenderung/person");
    }
  });

  test("without a draft, flow pages lead back to the start with an explanation", async () => {
    const served = await new Client().get("/antrag/veraenderung/bereiche");
    expect(served.path).toBe("/antrag/veraenderung?abgelaufen=1");
    expect(text(served, ".notice")).toContain("keinen gespeicherten Antrag");
  });

  test("a postcode outside every area gets a clear answer", async () => {
    const client = new Client();
    await client.get("/antrag/veraenderung");
    const outside = await client.submit({ plz: "10115" });
    expect(outside.path).toMatch(/^\/antrag\/veraenderung(\?index)?$/);
    expect(text(outside, ".notice--warning")).toContain("10115");
    const short = await client.submit({ plz: "1011" });
    expect(text(short, ".error-summary")).toContain("5 Ziffern");
  });

  test("leave and come back on another device with the resume code, or the link", async () => {
    const persona = vermoegenKonto;
    const laptop = new Client();
    await startFlow(laptop, "veraenderung", persona.postcode);
    expect((await laptop.submit(persona.answers.person as Record<string, string>)).path).toBe("/antrag/veraenderung/bereiche");
    expect(laptop.page!.document.querySelector('a[href="/antrag/veraenderung/spaeter"]'), "a link to continue later").toBeTruthy();
    const later = await laptop.get("/antrag/veraenderung/spaeter");
    expect(text(later, "h1")).toBe("Später fortsetzen");
    const code = text(later, ".code-display")!;
    expect(code).toMatch(RESUME_CODE);
    const link = attribute(later, ".break a", "href")!;
    expect(link).toMatch(/\/fortsetzen\/[^/]+$/);

    const phone = new Client();
    await phone.get("/fortsetzen");
    const wrongShape = await phone.submit({ code: "ABCD-EFGH" }, "button[type=submit]");
    expect(text(wrongShape, ".error-summary")).toContain("nicht die richtige Form");
    const resumed = await phone.submit({ code: code.toLowerCase().replace(/-/g, " ") }, "button[type=submit]");
    expect(resumed.path).toBe("/antrag/veraenderung/bereiche");
    await answerAll(phone, persona.answers);
    expect(text(phone.page!, "h1")).toBe("Angaben prüfen");

    const tablet = new Client();
    expect((await tablet.get(link)).path).toBe("/antrag/veraenderung/pruefen");
  });

  test("a double-clicked or resent submit yields one submission", async () => {
    const persona = vermoegenKonto;
    const client = new Client();
    await startFlow(client, "veraenderung", persona.postcode);
    await answerAll(client, persona.answers);
    const form = { csrf: client.csrf(), erklaerung: "ja" };
    const [a, b] = await Promise.all([postForm(client, "/antrag/veraenderung/pruefen", form), postForm(client, "/antrag/veraenderung/pruefen", form)]);
    expect(a.status).toBe(302);
    expect(b.status).toBe(302);
    const location = a.headers.get("location")!;
    expect(location).toMatch(/^\/eingang\//);
    expect(b.headers.get("location")).toBe(location);
    const again = await postForm(client, "/antrag/veraenderung/pruefen", form);
    expect(again.headers.get("location")).toBe(location);
    expect(text(await client.get(location), ".reference")).toMatch(REFERENCE);
  });

  test("security headers, CSRF and receipts of others", async () => {
    const client = new Client();
    const response = await client.raw("/antrag/veraenderung");
    await response.arrayBuffer();
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    const csrfCookie = response.headers.getSetCookie().find((c) => c.startsWith("csrf="));
    expect(csrfCookie).toMatch(/HttpOnly/i);
    expect(csrfCookie).toMatch(/SameSite=Lax/i);
    // With the cookie but without the form's token, or with a wrong one: refused.
    expect((await postForm(client, "/antrag/veraenderung", { plz: "00150" })).status).toBe(403);
    expect((await postForm(client, "/fortsetzen", { csrf: "x".repeat(43), code: "x" })).status).toBe(403);

    const { receipt } = await walk(client, "veraenderung", vermoegenKonto.postcode, vermoegenKonto.answers);
    const reference = text(receipt, ".reference")!;
    const stranger = new Client();
    expect((await stranger.get(receipt.path)).status).toBe(404);
    for (const name of ["antrag.pdf", "eingangsbestaetigung.pdf"]) {
      const pdf = await stranger.raw(`${receipt.path}/${name}`);
      await pdf.arrayBuffer();
      expect(pdf.status, name).toBe(404);
    }
    // The Nachreichung page belongs to the browser that submitted.
    expect((await stranger.get(`${receipt.path}/nachweise`)).status).toBe(404);

    // Operators see the delivery outbox by state; the inbox delivery happened with the commit.
    const health = await (await client.raw("/healthz")).json();
    expect(health.status).toBe("ok");
    expect(health.outbox.delivered).toBeGreaterThanOrEqual(1);
    const published = JSON.stringify(health);
    expect(published).not.toContain(reference);
    expect(published).not.toMatch(/[A-Z2-9]{8}|@/);
  });
});

test.describe("languages", () => {
  test("Arabic: right to left, translated throughout, Latin digits for amounts and IBANs", async () => {
    const client = new Client();
    const home = await client.get("/?lng=ar");
    expect(html(home).getAttribute("lang")).toBe("ar");
    expect(html(home).getAttribute("dir")).toBe("rtl");
    // The picker names every offered language in itself.
    expect(texts(home, ".language-switcher a").length).toBe(LANGUAGES.length);
    expect(texts(home, ".language-switcher a").slice(0, 4)).toEqual(["Deutsch", "Leichte Sprache", "English", "العربية"]);

    const persona = vermoegenKonto;
    await startFlow(client, "veraenderung", persona.postcode);
    expect(html(client.page!).getAttribute("dir"), "the cookie keeps the language").toBe("rtl");
    const invalid = await client.submit();
    expect(invalid.document.querySelector(".error-summary"), "an error summary").toBeTruthy();
    expect(text(invalid, ".error-summary a")).toMatch(/[\u0600-\u06FF]/);
    expect(text(invalid, "title")).toMatch(/^خطأ:/);

    await answerAll(client, persona.answers);
    const review = client.page!;
    expect(text(review, "h1")).toMatch(/[\u0600-\u06FF]/);
    expect(text(review, "main")).toContain("DE89 3704 0044 0532 0130 00");
    expect(text(review, "main")).toContain("8,400.00");
    const receipt = await declareAndSend(client);
    expect(html(receipt).getAttribute("dir")).toBe("rtl");
    expect(html(receipt).getAttribute("lang")).toBe("ar");
  });

  test("English via the switcher, on any page", async () => {
    const client = new Client();
    const start = await client.get("/antrag/veraenderung");
    const href = attribute(start, '.language-switcher a[lang="en"]', "href");
    expect(href, "a link to English").toBeTruthy();
    const english = await client.get(href!);
    expect(english.path).toMatch(/\?lng=en$/);
    expect(html(english).getAttribute("lang")).toBe("en");
    expect(html(english).getAttribute("dir")).toBe("ltr");
    expect(text(english, "h1")).not.toBe("Veränderung mitteilen");
  });

  for (const lng of LANGUAGES) {
    test(`the start page in "${lng}" says so, with its direction`, async () => {
      const start = await new Client().get(`/?lng=${lng}`);
      expect(start.status).toBe(200);
      expect(html(start).getAttribute("lang")).toBe(htmlLang(lng));
      expect(languageRow(lng)?.status).toBe("offered");
      expect(html(start).getAttribute("dir")).toBe(direction(lng));
      if (lng === "ar") expect(html(start).getAttribute("dir")).toBe("rtl");
    });
  }
});

test.describe("check-answers", () => {
  test("an address outside the chosen jobcenter's area is named on check-answers and can be corrected", async () => {
    const client = new Client();
    await startFlow(client, "kurzantrag", "00130");
    await answerAll(client, {
      person: { vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" },
      anschrift: { strasse: "Hafenstraße", hausnummer: "21", plz: "00650", ort: "Beispielstadt" },
      kontakt: { telefon: "0151 7654321" },
      haushalt: { personen: "1" },
    });
    const review = client.page!;
    expect(review.path).toBe("/antrag/kurzantrag/pruefen");
    const notice = text(review, "#other-jobcenter-anschrift");
    expect(notice).toContain("00650");
    expect(notice).toContain("Jobcenter Musterstadt (Demo)");
    expect(notice).toContain("Kommunales Jobcenter Beispielkreis (Demo)");
    const links = review.document.querySelectorAll("#other-jobcenter-anschrift a");
    expect(links).toHaveLength(1);

    const address = await client.get(links[0].getAttribute("href")!);
    expect(address.path).toBe("/antrag/kurzantrag/anschrift?zurueck=1");
    const corrected = await client.submit({ plz: "00130", ort: "Musterstadt" });
    expect(corrected.path).toBe("/antrag/kurzantrag/pruefen");
    expect(corrected.document.querySelector("#other-jobcenter-anschrift")).toBeNull();
  });

  test("a move out of the jobcenter's area is named on the Veränderungsmitteilung's check-answers (§ 36 SGB II, audit V4)", async () => {
    const client = new Client();
    const move = personas.find((p) => p.answers.neueAnschrift)!;
    await startFlow(client, "veraenderung", move.postcode);
    await answerAll(client, { ...move.answers, neueAnschrift: { ...(move.answers.neueAnschrift as Record<string, string>), plz: "00650", ort: "Beispielstadt" } });
    const review = client.page!;
    const notice = text(review, "#other-jobcenter-neueAnschrift");
    expect(notice).toContain("00650");
    expect(notice).toContain("Kommunales Jobcenter Beispielkreis (Demo)");
    expect(notice).toContain("§ 22 Abs. 4 SGB II");
    expect(attribute(review, "#other-jobcenter-neueAnschrift a", "href")).toBe("/antrag/veraenderung/neueAnschrift?zurueck=1");
    expect(review.document.querySelector("#other-jobcenter-anschrift")).toBeNull();
  });

  test("a resent declaration whose first answer was lost still opens the receipt (no 404 for the applicant)", async () => {
    const client = new Client();
    await startFlow(client, "veraenderung", vermoegenKonto.postcode);
    await answerAll(client, vermoegenKonto.answers);
    const review = client.page!;
    const cookiesBefore = new Map(client.cookies);
    const receipt = await client.submit({ erklaerung: "ja" });
    expect(receipt.path).toMatch(/^\/eingang\/[0-9a-f-]{36}$/);
    // The answer to the first POST never arrived: the browser still has its cookies from before and sends again.
    client.cookies.clear();
    for (const [k, v] of cookiesBefore) client.cookies.set(k, v);
    client.page = review;
    const again = await client.submit({ erklaerung: "ja" });
    expect(again.path).toBe(receipt.path);
    expect(again.status).toBe(200);
    expect(text(again, ".reference")).toBe(text(receipt, ".reference"));
  });

  test("a change from the review returns to the review, and new answers are asked", async () => {
    const client = new Client();
    await startFlow(client, "veraenderung", vermoegenKonto.postcode);
    await answerAll(client, vermoegenKonto.answers);
    const change = attribute(client.page!, 'a[href="/antrag/veraenderung/bereiche?zurueck=1"]', "href");
    expect(change, "a change link for the areas").toBeTruthy();
    const areas = await client.get(change!);
    expect(areas.path).toBe("/antrag/veraenderung/bereiche?zurueck=1");
    const chosen = areas.document.querySelectorAll('input[name="bereiche"][checked]').map((i) => i.getAttribute("value")!);
    expect(chosen.sort()).toEqual(["kontoKontakt", "vermoegen"]);
    const next = await client.submit({ bereiche: [...chosen, "abwesenheit"] });
    expect(next.path).toMatch(/^\/antrag\/veraenderung\/abwesenheit/);
  });
});

test.describe("HTML", () => {
  // Every persona's whole walk in Arabic (two-byte characters throughout the streamed HTML): no
  // page may carry a NUL byte, which browsers drop or show as U+FFFD and validators reject.
  test("no page of a Veränderungsmitteilung in Arabic contains a NUL byte", async () => {
    const pages: { name: string; body: Buffer }[] = [];
    for (const persona of personas) {
      const { receipt } = await walk(new Client(), "veraenderung", persona.postcode, persona.answers, {
        lng: "ar",
        onPage: (served, key) => void pages.push({ name: `${persona.name}: ${key}`, body: served.body }),
      });
      pages.push({ name: `${persona.name}: receipt`, body: receipt.body });
    }
    expect(pages.length).toBeGreaterThan(40);
    // React 18.3 writes stray zero bytes at its 2 KiB buffer boundaries (facebook/react#24985,
    // #31134); app/render/without-nul.server.ts drops them where the stream leaves the server.
    const withNul = pages.filter((p) => p.body.includes(0)).map((p) => p.name);
    expect(withNul, "pages with U+0000").toEqual([]);
  });
});

test.describe("Erstantrag dates", () => {
  // Audit R3: an informal application dated before the parameter table (2023-07-01) raised a
  // RangeError and a 500. It is now a clear validation message, and a date in range leads on.
  test("an informal application date before the law table gets a clear error, not a crash", async () => {
    const client = new Client();
    await startFlow(client, "erstantrag", "00120");
    const formlos = await client.submit({ formlos: "ja" });
    expect(formlos.path).toBe("/antrag/erstantrag/formlos");
    const refused = await client.submit({ datum: "2023-03-15", weg: "telefonisch" });
    expect(refused.status).toBe(400);
    expect(refused.document.querySelector(".error-summary")?.text).toContain("01.07.2023");
    const next = await client.submit({ datum: "2024-03-15", weg: "telefonisch" });
    expect(next.status).toBe(200);
    expect(next.path).toBe("/antrag/erstantrag/beginn");
  });
});

test.describe("dates as day, month and year (#18, ADR 0037)", () => {
  // The native date picker followed the phone's settings, not the page's language, and made a
  // birth year a long scroll. Three labelled fields, day–month–year left to right in every script.
  test("a birth date in Arabic without JavaScript: three labelled fields, an incomplete date said so, nothing typed lost", async () => {
    const client = new Client();
    const page = await startFlow(client, "veraenderung", "00150", "ar");
    expect(page.document.querySelector('input[type="date"]'), "no native date picker").toBeNull();
    const group = page.document.querySelector("#f-geburtsdatum")!.closest("fieldset")!;
    expect(group.querySelector(".date-input")?.getAttribute("dir")).toBe("ltr");
    expect(group.querySelectorAll("input").map((i) => [i.getAttribute("name"), i.getAttribute("inputmode"), i.getAttribute("autocomplete")])).toEqual([
      ["geburtsdatum-day", "numeric", "bday-day"], ["geburtsdatum-month", "numeric", "bday-month"], ["geburtsdatum-year", "numeric", "bday-year"],
    ]);
    for (const input of group.querySelectorAll("input")) expect(group.querySelector(`label[for="${input.id}"]`)?.text.trim(), input.id).toBeTruthy();
    expect(group.querySelector(".hint")?.text).toContain("1987");

    const incomplete = await client.submit({ vorname: "Olena", nachname: "Kovalenko", geburtsdatum: ["١٢", "", "1988"], telefon: "" });
    expect(incomplete.status).toBe(400);
    expect(incomplete.document.querySelectorAll(".error-summary a").map((a) => a.getAttribute("href"))).toEqual(["#f-geburtsdatum"]);
    expect(text(incomplete, ".error-summary a")).toContain("السنة");
    expect(attribute(incomplete, "#f-geburtsdatum", "value")).toBe("١٢");
    expect(attribute(incomplete, "#f-geburtsdatum-year", "value")).toBe("1988");
    expect(attribute(incomplete, "#f-geburtsdatum", "aria-invalid")).toBe("true");

    const shortYear = await client.submit({ geburtsdatum: ["12", "4", "88"] });
    expect(shortYear.status).toBe(400);
    expect(text(shortYear, ".error-summary a")).toContain("1987");

    const next = await client.submit({ geburtsdatum: ["12", "4", "1988"] });
    expect(next.path).toBe("/antrag/veraenderung/bereiche");
    // The stored date comes back in its three fields.
    const back = await client.get("/antrag/veraenderung/person");
    expect(["#f-geburtsdatum", "#f-geburtsdatum-month", "#f-geburtsdatum-year"].map((id) => attribute(back, id, "value"))).toEqual(["12", "4", "1988"]);
  });
});

test.describe("uploading later (#18, ADR 0038)", () => {
  // Eight forms with eight buttons made eight sealed Nachreichungen; now one form, one send, one Nachreichung.
  test("one form for every Nachweis after submission: nothing chosen is named, everything chosen is one Nachreichung", async () => {
    const client = new Client();
    const { receipt } = await walk(client, "veraenderung", vermoegenKonto.postcode, vermoegenKonto.answers);
    const page = await client.get(`${receipt.path}/nachweise`);
    const forms = page.document.querySelectorAll('form[enctype="multipart/form-data"]');
    expect(forms.length, "one upload form").toBe(1);
    expect(forms[0].querySelectorAll('button[type="submit"]').length, "one send button").toBe(1);
    const slots = forms[0].querySelectorAll('input[type="file"][multiple]').map((i) => i.getAttribute("name")!.replace(/^datei-/, ""));
    expect(slots.length, "a Nachweis to send besides 'other documents'").toBeGreaterThan(1);
    expect(slots.at(-1)).toBe("sonstiges");

    // A send with no file chosen: a browser sends the empty file inputs, which carry nothing.
    const post = async (files: [string, Blob, string][]) => {
      const body = new FormData();
      body.append("csrf", client.csrf());
      for (const [name, blob, filename] of files) body.append(name, blob, filename);
      const url = new URL(page.path, page.url).toString();
      return client.follow(await client.raw(url, { method: "POST", body }), url);
    };
    const nothing = await post(slots.map((slot) => [`datei-${slot}`, new Blob([]), ""]));
    expect(nothing.status).toBe(400);
    expect(nothing.document.querySelectorAll(".error-summary a").map((a) => a.getAttribute("href"))).toEqual([`#f-datei-${slots[0]}`]);

    await client.get(`${receipt.path}/nachweise`);
    const sent = await client.uploadAll({
      [slots[0]]: [{ name: "Kontoauszug.pdf", bytes: await makePdf(1), type: "application/pdf" }],
      sonstiges: [{ name: "Brief.png", bytes: makePng(40, 30), type: "image/png" }],
    });
    expect(sent.path).toBe(`${receipt.path}/nachweise?gesendet=1`);
    expect(text(sent, ".notice")).toContain("1");
    expect(texts(sent, "#nachgereicht-title + ul > li")).toHaveLength(1);
    expect(texts(sent, "#nachgereicht-title + ul > li li")).toEqual(["Kontoauszug.pdf", "Brief.png"]);

    // A file for a Nachweis the submission does not list is a forged request: 400, nothing sent.
    const forged = await post([["datei-ausweisFremd", new Blob([new Uint8Array(await makePdf(1))], { type: "application/pdf" }), "x.pdf"]]);
    expect(forged.status).toBe(400);
    expect(texts(await client.get(`${receipt.path}/nachweise`), "#nachgereicht-title + ul > li")).toHaveLength(1);
  });
});

test.describe("residence, one question per page (#18, ADR 0039)", () => {
  // Seven questions on one 3,374 px page became one per page, each paper described, and only
  // what the status concerns: a Duldung gets AsylbLG, no sponsor's declaration.
  test("in Arabic without JavaScript: the status page describes each paper; a Duldung is asked AsylbLG, not a Verpflichtungserklärung", async () => {
    const client = new Client();
    await startFlow(client, "erstantrag", "00120", "ar");
    await client.submit({ formlos: "nein" });
    await client.submit({ ab: "sofort" });
    await client.submit({ vorname: "Zahra", nachname: "Ahmadi", geburtsdatum: "1994-02-11", geschlecht: "weiblich" });
    const land = await client.submit({ geburtsort: "Herat", geburtsland: "AF", staatsangehoerigkeit: "andere" });
    expect(land.path).toBe("/antrag/erstantrag/staatsangehoerigkeit");
    expect(land.document.querySelectorAll("main form .form-group")).toHaveLength(1);
    const status = await client.submit({ land: "AF" });
    expect(status.path).toBe("/antrag/erstantrag/aufenthalt");
    const options = status.document.querySelectorAll('input[name="status"]');
    expect(options).toHaveLength(6);
    for (const option of options) {
      const hint = status.document.querySelector(`#${option.getAttribute("aria-describedby")}`);
      expect(hint?.text.trim(), option.getAttribute("value")!).toMatch(/[\u0600-\u06FF]/);
      // The explanation describes the option; it is not part of its name.
      expect(status.document.querySelector(`label[for="${option.id}"]`)?.text).not.toContain(hint!.text.trim());
    }
    expect(status.document.querySelector('input[value="gestattungDuldung"]')?.getAttribute("aria-describedby")).toBe("f-status-gestattungDuldung-hint");
    expect(status.document.querySelector("#f-status-gestattungDuldung-hint")?.text).toContain("Duldung");

    const einreise = await client.submit({ status: "gestattungDuldung" });
    expect(einreise.path).toBe("/antrag/erstantrag/einreise");
    const asyl = await client.submit({});
    expect(asyl.path).toBe("/antrag/erstantrag/asyl");
    const bezug = await client.submit({ asylbewerberleistungen: "ja" });
    expect(bezug.path).toBe("/antrag/erstantrag/asylbezug");
    const nummern = await client.submit({});
    expect(nummern.path, "no Verpflichtungserklärung for a Duldung").toBe("/antrag/erstantrag/nummern");
    expect(nummern.document.querySelector("#f-azrNummer-hint")?.text).toContain("Ankunftsnachweis");
  });
});

test.describe("household builder (#18)", () => {
  // The list showed names only, nobody said who counts in the Bedarfsgemeinschaft and why, and
  // "Section 4 of 7" stood still for 28 screens.
  test("the list shows relationship and age; the household as the jobcenter counts it, with reasons; the bar moves within a section", async () => {
    const family = erstantragPersonas.find((p) => p.name === "2-familie-minijob")!;
    const client = new Client();
    await startFlow(client, "erstantrag", family.postcode);
    await answerAll(client, family.answers);

    const list = await client.get("/antrag/erstantrag/haushalt");
    expect(texts(list, ".item-list__detail")).toEqual([expect.stringMatching(/^Ehe- oder eingetragene Lebenspartner.* · Alter: 41$/), expect.stringMatching(/ · Alter: 16$/), expect.stringMatching(/ · Alter: 8$/)]);

    const overview = await client.get("/antrag/erstantrag/uebersicht");
    expect(overview.status).toBe(200);
    expect(texts(overview, ".overview-group h2")).toEqual(["Bedarfsgemeinschaft"]);
    expect(texts(overview, ".overview-group li")).toEqual([
      "Amira Haddad: Sie stellen den Antrag.",
      "Karim Haddad: Ehe- und eingetragene Lebenspartner gehören immer dazu.",
      "Lina Haddad: Unverheiratete Kinder unter 25 gehören dazu, wenn sie im Haushalt leben.",
      "Yusuf Haddad: Unverheiratete Kinder unter 25 gehören dazu, wenn sie im Haushalt leben.",
    ]);

    // Two pages of the same section ("Personen"): the words stay, the bar moves on.
    const bar = (served: Served) => Number(attribute(served, ".progress__bar", "value"));
    const first = await client.get("/antrag/erstantrag/wep/1");
    const later = await client.get("/antrag/erstantrag/kind/3");
    expect(text(first, ".progress__text")).toBe(text(later, ".progress__text"));
    expect(bar(later)).toBeGreaterThan(bar(first));
    // The spouse's numbers have the hints the applicant got.
    expect(text(first, "#f-steuerId-hint")).toContain("11 Ziffern");
    expect(text(first, "#f-rvNummer-hint")).toContain("Sozialversicherungsausweis");
  });
});

