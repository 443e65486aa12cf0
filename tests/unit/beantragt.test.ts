/**
 * HA 42/43 (audit coverage gap, #18): other benefits applied for and not yet decided — asked only
 * of a person who says so on the "before" page, recorded per person, and back from the model.
 */
import { expect, it } from "vitest";
import { prune, reachablePages, viewOf } from "~/flows/engine/journey";
import type { FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import type { Erstantrag } from "~/model/erstantrag";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;

it("asks which benefits are pending only of a person who has applied for one, and records them", () => {
  const persona = erstantragPersonas.find((p) => p.name === "6-mit-geschwister")!;
  expect(reachablePages(flow, persona.answers).map((p) => p.key)).toContain("beantragt/0");
  const model = flow.toModel(viewOf(flow, prune(flow, persona.answers)), { receivedAt: new Date(), language: "de" }) as Erstantrag;
  expect(model.mitglieder[0].werdegang?.beantragteLeistungen).toEqual({ leistungsarten: ["wohngeld"], angaben: "Wohngeld bei der Stadt, beantragt im November" });
  expect(flow.fromModel(model as never)["beantragt/0"]).toEqual(persona.answers["beantragt/0"]);
  // Nobody else meets the page.
  for (const other of erstantragPersonas.filter((p) => p !== persona)) {
    expect(reachablePages(flow, other.answers).some((p) => p.key.startsWith("beantragt/")), other.name).toBe(false);
  }
});
