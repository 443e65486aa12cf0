/**
 * Golden master of the documents: the XML (as rendered before sealing) of every persona of
 * every flow and the text of its caseworker PDF, on a fixed day. Taken before the building-block
 * redesign (issue #14), which must leave every file in tests/golden/ byte for byte as it is.
 * A deliberate change of a document regenerates them: `UPDATE_GOLDEN=1 npx vitest run
 * tests/unit/golden-master.test.ts`, and the diff is reviewed like code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, test, vi } from "vitest";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { recipientOf } from "~/flows/recipient";

// Personas compute birth dates and "past"/"future" dates from today when they load: fix the day first.
const DAY = new Date("2026-12-06T09:15:00Z");
vi.useFakeTimers({ toFake: ["Date"], now: DAY });

const { flowIds, getFlow } = await import("~/flows/registry.server");
const { prune, viewOf } = await import("~/flows/engine/journey");
const { todayIso } = await import("~/flows/engine/fields");
const { buildDocument } = await import("~/submission/build-document.server");
const { renderXml } = await import("~/submission/xml/render.server");
const { renderCaseworkerPdf } = await import("~/submission/pdf/caseworker.server");
const { jobcenterForPostcode, jobcenterListSchema } = await import("~/tenants/jobcenter");
const { erstantragPersonas } = await import("../fixtures/erstantrag-personas");
const { personas } = await import("../fixtures/veraenderung-personas");
const { weiterbewilligungPersonas } = await import("../fixtures/weiterbewilligung-personas");
const { butPersonas } = await import("../fixtures/but-personas");

const GOLDEN = "tests/golden";
const update = process.env.UPDATE_GOLDEN === "1";
const jobcenters = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")));

const kurzantrag = {
  name: "olga", postcode: "00130", language: "de",
  answers: {
    person: { vorname: "Olga", nachname: "Schmidt", geburtsdatum: "1990-05-17" },
    anschrift: { strasse: "Ulmenweg", hausnummer: "8", plz: "00130", ort: "Musterstadt" },
    kontakt: { telefon: "0151 7654321" },
    haushalt: { personen: "2" },
  } as Answers,
};
const PERSONAS: Record<string, { name: string; postcode: string; language?: string; answers: Answers }[]> = {
  erstantrag: erstantragPersonas, veraenderung: personas, kurzantrag: [kurzantrag], weiterbewilligung: weiterbewilligungPersonas,
  but: butPersonas,
};

function documentOf(flow: FlowDefinition, persona: { name: string; postcode: string; language?: string; answers: Answers }, i: number) {
  const view = viewOf(flow, prune(flow, persona.answers));
  const language = persona.language ?? "de";
  const model = flow.toModel(view, { receivedAt: DAY, language });
  // The office the flow routes it to (BuT), as submitting does.
  const found = jobcenterForPostcode(jobcenters, persona.postcode)!;
  const receiver = recipientOf(flow, view, found);
  return buildDocument({
    reference: `G${"ABCDEFGHJKMNPQRSTVWXYZ"[i]}234567`, flow, rechtsstand: flow.rechtsstand?.(view, todayIso(DAY)) ?? todayIso(DAY),
    receivedAt: DAY, language, jobcenter: jobcenters.find((j) => j.id === receiver)!, model: model as never,
  });
}

const pdfText = (pdf: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), "golden-")), "antrag.pdf");
  writeFileSync(file, pdf);
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
};

function expectGolden(file: string, actual: string) {
  const path = join(GOLDEN, file);
  if (update || !existsSync(path)) {
    if (!update && process.env.CI) throw new Error(`${path} is missing: run with UPDATE_GOLDEN=1 and commit it`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `${path} changed`).toBe(readFileSync(path, "utf8"));
}

test("every flow with personas has golden documents", () => {
  for (const id of flowIds()) expect(PERSONAS[id]?.length, `personas of ${id}`).toBeGreaterThan(0);
});

for (const id of flowIds()) {
  describe(`golden documents: ${id}`, () => {
    (PERSONAS[id] ?? []).forEach((persona, i) => {
      it(persona.name, async () => {
        const document = documentOf(getFlow(id)!, persona, i + 1);
        const xml = renderXml(document);
        expectGolden(`${id}-${persona.name}.xml`, xml);
        expectGolden(`${id}-${persona.name}.pdf.txt`, pdfText(await renderCaseworkerPdf(document, xml)));
      });
    });
  });
}
