/**
 * Audit E8 (#18, § 67a SGB X): the Merkzeichen G only matters for a person who cannot work
 * (Mehrbedarf, § 23 Nr. 4 SGB II). Only they are asked, and only then is the
 * Schwerbehindertenausweis a Nachweis; everyone else's document has no Merkzeichen at all.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { firstIncomplete, prune, reachablePages, viewOf } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import type { Erstantrag } from "~/model/erstantrag";
import { buildDocument } from "~/submission/build-document.server";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { jobcenterListSchema } from "~/tenants/jobcenter";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { isoDaysFromNow as d } from "../fixtures/veraenderung-personas";

const flow = erstantrag as FlowDefinition;
const single = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!;
const jobcenter = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")))[0];
const withDisability = (lage: string[], more: Answers = {}): Answers => ({ ...single.answers, "lebenslage/0": { lage }, "behinderung/0": { teilhabe: "keine" }, ...more });

it("asks the Merkzeichen G only of a person who cannot work", () => {
  const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);
  expect(keys(withDisability(["behinderung"]))).not.toContain("merkzeichen/0");
  expect(keys(withDisability(["erwerbsunfaehig", "behinderung"]))).toContain("merkzeichen/0");
});

it("an employable person's document has no Merkzeichen and asks for no Ausweis", () => {
  const answers = withDisability(["behinderung"]);
  expect(firstIncomplete(flow, answers)).toBe("pruefen");
  const view = viewOf(flow, prune(flow, answers));
  const model = flow.toModel(view, { receivedAt: new Date(), language: "de" }) as Erstantrag;
  expect(model.mitglieder[0].lebenslage?.behinderung).toEqual({ teilhabe: "keine" });
  const xml = renderXml(buildDocument({ reference: "Z2K7M9QT", flow, rechtsstand: flow.rechtsstand!(view, d(0)), receivedAt: new Date(), language: "de", jobcenter, model: model as never }));
  expect(validateXml(xml).errors).toEqual([]);
  expect(xml).not.toContain("MerkzeichenG");
  expect(flow.nachweise(view).map((n) => n.key)).not.toContain("schwerbehindertenausweis");
});

it("a person who cannot work and has G: recorded, and the Ausweis is asked for", () => {
  const answers = withDisability(["erwerbsunfaehig", "behinderung"], { "merkzeichen/0": { merkzeichenG: "ja" } });
  const view = viewOf(flow, prune(flow, answers));
  const model = flow.toModel(view, { receivedAt: new Date(), language: "de" }) as Erstantrag;
  expect(model.mitglieder[0].lebenslage?.behinderung).toEqual({ teilhabe: "keine", merkzeichenG: true });
  expect(flow.nachweise(view).map((n) => n.key)).toContain("schwerbehindertenausweis");
  expect(flow.fromModel(model as never)["merkzeichen/0"]).toEqual({ merkzeichenG: "ja" });
});
