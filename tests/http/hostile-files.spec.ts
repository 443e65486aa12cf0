/**
 * The hostile-file corpus against the built server, the way a browser without JavaScript sends
 * it (issue 19, items 1, 2, 10; ADR 0021): a persona walks to the check-answers page, opens the
 * Nachweise page and posts its multipart form. Every hostile file gets a 4xx with the reason in
 * plain words (never a 5xx); a decompression bomb is answered at once while /healthz stays
 * quick, also while an allowed but heavy image is converted; a retried upload is stored once; and
 * normal uploads still work afterwards.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { MAX_FILE_BYTES, MAX_FILE_MB, MAX_FILES, MAX_IMAGE_MEGAPIXELS } from "~/uploads/limits";
import {
  disguised, makeJpeg, makePdf, makePng, pdfWithEmbeddedFile, pdfWithJavaScript, pngBomb, polyglot, withDeclaredSize,
} from "../fixtures/files";
import { personas } from "../fixtures/veraenderung-personas";
import { BASE_URL, Client, type Served } from "./client";
import { answerAll, startFlow } from "./walk";

const persona = personas.find((p) => p.name === "vermoegen-konto")!;
const errors = JSON.parse(readFileSync("locales/de/common.json", "utf8")).nachweisUpload.errors as Record<string, string>;
const message = (code: string, file: string) =>
  errors[code].replace("{{file}}", file).replace("{{mb}}", String(MAX_FILE_MB)).replace("{{max}}", String(MAX_FILES)).replace("{{mp}}", String(MAX_IMAGE_MEGAPIXELS));
/** The files the page lists for a Nachweis. */
const listed = (served: Served, nachweis: string) =>
  served.document.querySelectorAll(".card.nachweis").filter((card) => card.querySelector(`input[name="nachweis"][value="${nachweis}"]`))
    .flatMap((card) => card.querySelectorAll(".file-list__name").map((n) => n.text.trim()));

async function toNachweise(): Promise<Client> {
  const client = new Client();
  await startFlow(client, "veraenderung", persona.postcode);
  await answerAll(client, persona.answers);
  const page = await client.get("/antrag/veraenderung/nachweise");
  expect(page.status).toBe(200);
  return client;
}

async function healthzTime(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${BASE_URL}/healthz`);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return performance.now() - started;
}

test.describe.configure({ mode: "serial" });

test("every hostile file is refused with its reason in plain words, never with a 5xx", async () => {
  test.setTimeout(120_000);
  const client = await toNachweise();
  const jpeg = await makeJpeg(40, 20);
  const corpus: [string, Buffer, string][] = [
    ["scan.png", pngBomb(), "imageTooLarge"],
    ["foto.jpg", withDeclaredSize(jpeg), "imageTooLarge"],
    ["Kontoauszug.pdf", await pdfWithJavaScript(), "activeContent"],
    ["Mietvertrag.pdf", await pdfWithEmbeddedFile(), "activeContent"],
    ["Lohnabrechnung.pdf", disguised.exe, "executable"],
    ["Bescheid.pdf", Buffer.alloc(0), "empty"],
    ["riesig.pdf", Buffer.alloc(MAX_FILE_BYTES + 1, 0x20), "tooLarge"],
  ];
  for (const [name, bytes, code] of corpus) {
    await client.get("/antrag/veraenderung/nachweise");
    const served = await client.upload("sonstiges", [{ name, bytes }]);
    expect(served.status, `${name}: status`).toBeGreaterThanOrEqual(400);
    expect(served.status, `${name}: status`).toBeLessThan(500);
    expect(served.document.querySelector(".error-summary")?.text, `${name}: error summary`).toContain(message(code, name));
  }
  const page = await client.get("/antrag/veraenderung/nachweise");
  expect(listed(page, "sonstiges")).toEqual([]);
});

test("a JPEG+ZIP polyglot is taken as its picture (tests/unit/hostile-files.test.ts proves the ZIP is dropped)", async () => {
  const client = await toNachweise();
  const served = await client.upload("sonstiges", [{ name: "urlaub.jpg", bytes: polyglot(await makeJpeg(60, 40), "HTTP-POLYGLOT-4711") }]);
  expect(served.status).toBe(200);
  expect(served.path).toBe("/antrag/veraenderung/nachweise");
  expect(listed(served, "sonstiges")).toEqual(["urlaub.jpg"]);
});

test("the bomb is answered at once, and /healthz stays quick while a heavy image is converted", async () => {
  test.setTimeout(90_000);
  const client = await toNachweise();
  const started = performance.now();
  const bomb = client.upload("sonstiges", [{ name: "bombe.png", bytes: pngBomb() }]);
  const health = await healthzTime();
  const served = await bomb;
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(health).toBeLessThan(1_000);
  expect(served.status).toBe(400);

  // 6000 × 6000 pixels (36 MP, within the limit) in 4 KB: decoded for real, in a worker thread.
  await client.get("/antrag/veraenderung/nachweise");
  const heavy = client.upload("sonstiges", [{ name: "gross.png", bytes: pngBomb(6000, 6000) }]);
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    times.push(await healthzTime());
    await new Promise((r) => setTimeout(r, 150));
  }
  const answer = await heavy;
  expect(answer.status).toBeLessThan(500);
  expect(Math.max(...times), `healthz during the conversion: ${times.map((t) => Math.round(t)).join(", ")} ms`).toBeLessThan(1_000);
});

test("an upload retried after a lost answer is stored once; normal uploads still work", async () => {
  const client = await toNachweise();
  const pdf = await makePdf(1, "Kontoauszug Testbank Wiederholung");
  const form = client.page!;
  await client.upload("sonstiges", [{ name: "Kontoauszug.pdf", bytes: pdf }]);
  client.page = form; // the answer was lost: the browser posts the same form again
  const again = await client.upload("sonstiges", [{ name: "Kontoauszug.pdf", bytes: pdf }]);
  expect(again.status).toBe(200);
  expect(listed(again, "sonstiges")).toEqual(["Kontoauszug.pdf"]);
  expect(again.document.querySelector(".error-summary")).toBeNull();

  const png = await client.upload("sonstiges", [{ name: "Foto.png", bytes: makePng(40, 30) }]);
  expect(png.status).toBe(200);
  expect(listed(png, "sonstiges")).toEqual(["Kontoauszug.pdf", "Foto.png"]);
});
