/**
 * Audit E6 (b) (#18, § 22 Abs. 5 SGB II): an unmarried applicant under 25 who lives with no
 * parent may have moved out of the parents' home — then the jobcenter pays the new home only
 * with its Zusicherung, unless a serious reason made the move necessary. Only they are asked,
 * and the document says what they answered: not moved out, or moved out with date, Zusicherung
 * and (if given) the reason.
 */
import { expect, it } from "vitest";
import { firstIncomplete, reachablePages } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { weiterbewilligung } from "~/flows/weiterbewilligung/flow";
import { erstantragDocumentOf } from "../fixtures/erstantrag-document";
import { born, erstantragPersonas } from "../fixtures/erstantrag-personas";
import { isoDaysFromNow } from "../fixtures/veraenderung-personas";

const flow = erstantrag as FlowDefinition;
const persona = (name: string) => erstantragPersonas.find((p) => p.name === name)!.answers;
const single = persona("1-alleinstehend");
const young = (more: Answers = {}): Answers => ({ ...single, person: { ...(single.person as object), geburtsdatum: born(22) }, "elternteil/0": { ausserhalb: "nein" }, ...more });
const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);

it("is asked only of an unmarried applicant under 25 without a parent in the household, who pays for a home", () => {
  expect(keys(young())).toContain("auszug");
  expect(firstIncomplete(flow, young())).toBe("auszug");
  expect(keys(single), "34 years old").not.toContain("auszug");
  expect(keys(persona("5-u25-bei-eltern")), "lives with her parents").not.toContain("auszug");
  expect(keys(young({ familienstand: { stand: "verheiratet" } })), "married").not.toContain("auszug");
  expect(keys(young({ unterkunft: { kosten: "nein" } })), "no costs of a home").not.toContain("auszug");
  // The renewal asks its own "moved since the last application" with the Zusicherung.
  expect((weiterbewilligung as FlowDefinition).steps.map((s) => s.id)).not.toContain("auszug");
});

it("not moved out: the document says so, and nothing more", () => {
  const { model, xml } = erstantragDocumentOf(young({ auszug: { ausgezogen: "nein" } }));
  expect(model.unterkunft?.auszugElternhaus).toEqual({ ausgezogen: false });
  expect(xml).toContain("<AuszugElternhaus><Ausgezogen>false</Ausgezogen></AuszugElternhaus>");
});

it("moved out without a Zusicherung: date, Zusicherung and the reason given; back into the same answers", () => {
  const datum = isoDaysFromNow(-90);
  const auszug = { ausgezogen: "ja", datum, zusicherung: "nein", begruendung: "Zu Hause war kein Platz mehr." };
  const { model, xml } = erstantragDocumentOf(young({ auszug }));
  expect(model.unterkunft?.auszugElternhaus).toEqual({ ausgezogen: true, datum, zusicherung: "nein", begruendung: "Zu Hause war kein Platz mehr." });
  expect(xml).toContain(`<AuszugElternhaus><Ausgezogen>true</Ausgezogen><Datum>${datum}</Datum><Zusicherung>nein</Zusicherung><Begruendung>Zu Hause war kein Platz mehr.</Begruendung></AuszugElternhaus>`);
  expect(flow.fromModel(model as never).auszug).toEqual(auszug);
  // Whoever gives no reason has said nothing about it.
  const { model: without } = erstantragDocumentOf(young({ auszug: { ausgezogen: "ja", datum, zusicherung: "erteilt" } }));
  expect(without.unterkunft?.auszugElternhaus).toEqual({ ausgezogen: true, datum, zusicherung: "erteilt" });
});
