/**
 * The language picker without JavaScript (ADR 0025): a disclosure of plain links, each language
 * named in itself with its own `lang` and `dir`; choosing one answers in that language and the
 * cookie keeps it on the next page. Languages in preparation are neither listed nor chosen.
 */
import { expect, test } from "@playwright/test";
import { direction, htmlLang, LANGUAGES } from "~/i18n/config";
import { EASY_LANGUAGE, LANGUAGE_TABLE } from "~/i18n/languages";
import { Client, expectReadable, type Served } from "./client";

const html = (served: Served) => served.document.querySelector("html")!;
const pickerLinks = (served: Served) => served.document.querySelectorAll("nav.language-switcher details.language-picker a[data-lng]");

test.describe("language picker", () => {
  test("lists every offered language, named in itself, with its lang and dir", async () => {
    const page = await new Client().get("/antrag/veraenderung");
    expect(page.status).toBe(200);
    expect(page.document.querySelector("nav.language-switcher details.language-picker > summary"), "a disclosure").toBeTruthy();
    const links = pickerLinks(page);
    expect(links.map((a) => a.getAttribute("data-lng"))).toEqual([...LANGUAGES]);
    for (const a of links) {
      const code = a.getAttribute("data-lng")!;
      expect(a.getAttribute("lang"), code).toBe(htmlLang(code));
      expect(a.getAttribute("dir"), code).toBe(direction(code));
      expect(a.getAttribute("href"), code).toBe(`/antrag/veraenderung?lng=${code}`);
      expect(a.text.trim(), code).not.toBe("");
    }
    expect(links.find((a) => a.getAttribute("data-lng") === "de")?.getAttribute("aria-current")).toBe("true");
  });

  for (const lng of LANGUAGES.filter((l) => l !== "de")) {
    test(`choosing ${lng} answers in it and the cookie keeps it on the next page`, async () => {
      const client = new Client();
      const start = await client.get("/antrag/veraenderung");
      const href = pickerLinks(start).find((a) => a.getAttribute("data-lng") === lng)!.getAttribute("href")!;
      const chosen = await client.get(href);
      expect(chosen.status).toBe(200);
      expect(html(chosen).getAttribute("lang")).toBe(htmlLang(lng));
      expect(html(chosen).getAttribute("dir")).toBe(direction(lng));
      expect(client.cookies.get("lng"), "the language cookie").toBeTruthy();
      expectReadable(chosen);
      // The next page, without ?lng=: the cookie decides.
      const next = await client.get("/fortsetzen");
      expect(html(next).getAttribute("lang")).toBe(htmlLang(lng));
      expect(html(next).getAttribute("dir")).toBe(direction(lng));
      expect(pickerLinks(next).find((a) => a.getAttribute("data-lng") === lng)?.getAttribute("aria-current")).toBe("true");
      // And back to German the same way.
      const back = await client.get(pickerLinks(next).find((a) => a.getAttribute("data-lng") === "de")!.getAttribute("href")!);
      expect(html(back).getAttribute("lang")).toBe("de");
      expect(html(await client.get("/")).getAttribute("lang")).toBe("de");
    });
  }

  test("a language in preparation is not offered and breaks nothing", async () => {
    const preparation = LANGUAGE_TABLE.filter((r) => r.status === "preparation");
    for (const r of preparation) {
      const client = new Client({ "Accept-Language": `${r.code},de;q=0.1` });
      const page = await client.get(`/?lng=${r.code}`);
      expect(page.status, r.code).toBe(200);
      expect(html(page).getAttribute("lang"), r.code).toBe("de");
      expect(client.cookies.has("lng"), `${r.code}: no cookie`).toBe(false);
      expect(pickerLinks(page).some((a) => a.getAttribute("data-lng") === r.code), r.code).toBe(false);
    }
  });

  test("the start page links to Leichte Sprache only once it is offered, and to no DGS video unless configured", async () => {
    const start = await new Client().get("/");
    const easy = start.document.querySelector(`.access-links a[data-lng="${EASY_LANGUAGE}"]`);
    expect(Boolean(easy)).toBe(LANGUAGES.includes(EASY_LANGUAGE));
    if (easy) expect(easy.getAttribute("href")).toBe(`/?lng=${EASY_LANGUAGE}`);
    expect(start.document.querySelector('.access-links a[hreflang="gsg"]')).toBeNull();
  });
});
