/**
 * #18 household builder: "Section 4 of 7 stays on screen for 28 screens". The text names the
 * section; the bar moves with every page — also through the run of per-person pages.
 */
import { expect, it } from "vitest";
import { progress, reachablePages } from "~/flows/engine/journey";
import type { FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;

it("the bar moves forward on every page of a family's application, within a section too", () => {
  const answers = erstantragPersonas.find((p) => p.name === "2-familie-minijob")!.answers;
  const pages = reachablePages(flow, answers).map((p) => p.key);
  const shares = pages.map((key) => progress(flow, key, answers).share);
  for (let i = 1; i < shares.length; i++) expect(shares[i], `${pages[i - 1]} → ${pages[i]}`).toBeGreaterThan(shares[i - 1]);
  expect(shares[0]).toBeGreaterThan(0);
  expect(shares.at(-1)).toBeLessThan(1);
  // The long run of per-person pages is one section; the bar still moves across it.
  const personen = pages.filter((key) => progress(flow, key, answers).section === "personen");
  expect(personen.length).toBeGreaterThan(20);
  expect(progress(flow, personen.at(-1)!, answers).share - progress(flow, personen[0], answers).share).toBeGreaterThan(0.2);
  expect(progress(flow, "pruefen", answers).share).toBe(1);
});
