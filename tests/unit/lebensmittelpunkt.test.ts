/**
 * Audit E5: where a minor child mainly lives is asked of every child under 18 in the
 * Bedarfsgemeinschaft — on the KI page under 15, on a page of its own from 15 to 17 — and of no
 * one else; it reaches the model (Mitglied/Lebensmittelpunkt) and the caseworker's document.
 */
import { describe, expect, it } from "vitest";
import { erstantrag } from "~/flows/erstantrag/flow";
import { prune, reachablePages, viewOf } from "~/flows/engine/journey";
import type { Erstantrag } from "~/model/erstantrag";
import { flowOutline } from "~/submission/flow-outline.server";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

const persona = (name: string) => erstantragPersonas.find((p) => p.name === name)!;

describe("where a minor child lives", () => {
  it("asks it of children under 18 only: on the KI page, or on its own page from 15", () => {
    const family = prune(erstantrag, persona("2-familie-minijob").answers);
    const keys = reachablePages(erstantrag, family).map((p) => p.key);
    expect(keys).toContain("kindLebensmittelpunkt/2");
    expect(keys.filter((k) => k.startsWith("kindLebensmittelpunkt/"))).toEqual(["kindLebensmittelpunkt/2"]);
    expect(erstantrag.steps.find((s) => s.id === "kind")!.fields.map((f) => f.name)).toContain("lebensmittelpunkt");
    const single = prune(erstantrag, persona("1-alleinstehend").answers);
    expect(reachablePages(erstantrag, single).some((p) => p.key.startsWith("kindLebensmittelpunkt"))).toBe(false);
  });

  it("reaches the model and the caseworker's document", () => {
    const answers = prune(erstantrag, persona("3-schwanger-alleinerziehend").answers);
    const model = erstantrag.toModel(viewOf(erstantrag, answers), { receivedAt: new Date(), language: "de" }) as Erstantrag;
    const child = model.mitglieder.find((m) => m.beziehung === "kind")!;
    expect(child.lebensmittelpunkt).toBe("haelftig");
    const rows = flowOutline("erstantrag", model).filter((n) => n.kind === "row" && n.label === "Lebensmittelpunkt des Kindes");
    expect(rows.map((r) => (r as { value: string }).value)).toEqual(["Etwa zur Hälfte bei mir und beim anderen Elternteil (Wechselmodell)"]);
  });
});
