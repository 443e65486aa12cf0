/**
 * #18: a legal statement needs an answer. The list questions that used to move on with an empty
 * submit (income, Vermögen, a person's situation, the past) now need either what applies or the
 * explicit "none of these", never both; and the documents tell "answered none" (an empty list)
 * from "not asked" (no element at all).
 */
import { describe, expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { findStep, prune, viewOf } from "~/flows/engine/journey";
import type { ChoiceField } from "~/flows/engine/types";
import { erstantrag } from "~/flows/erstantrag/flow";
import { renderXml } from "~/submission/xml/render.server";
import { erstantragDocuments } from "../fixtures/documents";

const LIST_QUESTIONS = [["einkommen", "arten", "erwerb"], ["vermoegen", "arten", "bargeld"], ["lebenslage", "lage", "schwanger"], ["kindLebenslage", "lage", "behinderung"], ["vorher", "lage", "dienst"]] as const;

describe("list questions are statements", () => {
  it.each(LIST_QUESTIONS)("%s: an empty submit is refused, none-of-these excludes the rest", (stepId, field, other) => {
    const step = findStep(erstantrag, stepId)!;
    const def = step.fields.find((f) => f.name === field) as ChoiceField;
    expect(def.exclusive).toBe("keine");
    expect(validateStep(step.fields, { [field]: [] })).toEqual({ ok: false, errors: { [field]: "requiredChoice" } });
    expect(validateStep(step.fields, { [field]: ["keine", other] })).toEqual({ ok: false, errors: { [field]: "choiceExclusive" } });
    expect(validateStep(step.fields, { [field]: ["keine"] })).toEqual({ ok: true, values: { [field]: ["keine"] } });
    expect(validateStep(step.fields, { [field]: [other] })).toEqual({ ok: true, values: { [field]: [other] } });
  });

  it("“no income” is an empty Einkommen list for the applicant; a child under 15 was not asked and has none", () => {
    const family = erstantragDocuments().find((d) => d.name === "2-familie-minijob")!;
    const xml = renderXml(family.document);
    const persons = xml.split("<Mitglied>").slice(1);
    const child = persons.find((p) => p.includes("<Formular>KI</Formular>"))!;
    expect(child).not.toContain("<Einkommen>");
    const single = renderXml(erstantragDocuments().find((d) => d.name === "1-alleinstehend")!.document);
    expect(single).toContain("<Einkommen></Einkommen>");
  });

  it("“none of these” in the past sets the Werdegang flags to false, and reads back as “none of these”", () => {
    const p = erstantragDocuments().find((d) => d.name === "1-alleinstehend")!;
    const w = p.document.fachdaten.mitglieder[0].werdegang!;
    expect([w.dienst, w.pflege, w.vorleistung, w.unfall]).toEqual([false, false, undefined, undefined]);
    const back = erstantrag.fromModel(p.document.fachdaten);
    expect(back["vorher/0"]).toEqual({ lage: ["keine"] });
    expect(back["einkommen/0"]).toEqual({ arten: ["keine"] });
    expect(prune(erstantrag, back)).toEqual(back);
    expect(viewOf(erstantrag, back).has("vorher/0", "lage", "keine")).toBe(true);
  });
});
