/**
 * Audit E8 (#18, § 67a SGB X): the Merkzeichen G only matters for a person who cannot work
 * (Mehrbedarf, § 23 Nr. 4 SGB II). Only they are asked, and only then is the
 * Schwerbehindertenausweis a Nachweis; everyone else's document has no Merkzeichen at all.
 */
import { expect, it } from "vitest";
import { firstIncomplete, reachablePages } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const flow = erstantrag as FlowDefinition;
const single = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!;
const withDisability = (lage: string[], more: Answers = {}): Answers => ({ ...single.answers, "lebenslage/0": { lage }, "behinderung/0": { teilhabe: "keine" }, ...more });

it("asks the Merkzeichen G only of a person who cannot work", () => {
  const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);
  expect(keys(withDisability(["behinderung"]))).not.toContain("merkzeichen/0");
  expect(keys(withDisability(["erwerbsunfaehig", "behinderung"]))).toContain("merkzeichen/0");
});

it("an employable person's document has no Merkzeichen and asks for no Ausweis", () => {
  const answers = withDisability(["behinderung"]);
  expect(firstIncomplete(flow, answers)).toBe("pruefen");
  const { model, xml, nachweise } = erstantragDocumentOf(answers);
  expect(model.mitglieder[0].lebenslage?.behinderung).toEqual({ teilhabe: "keine" });
  expect(xml).not.toContain("MerkzeichenG");
  expect(nachweise).not.toContain("schwerbehindertenausweis");
});

it("a person who cannot work and has G: recorded, and the Ausweis is asked for", () => {
  const answers = withDisability(["erwerbsunfaehig", "behinderung"], { "merkzeichen/0": { merkzeichenG: "ja" } });
  const { model, nachweise } = erstantragDocumentOf(answers);
  expect(model.mitglieder[0].lebenslage?.behinderung).toEqual({ teilhabe: "keine", merkzeichenG: true });
  expect(nachweise).toContain("schwerbehindertenausweis");
  expect(flow.fromModel(model as never)["merkzeichen/0"]).toEqual({ merkzeichenG: "ja" });
});
