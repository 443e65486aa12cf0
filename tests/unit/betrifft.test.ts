/**
 * Audit V1: every change that concerns one person says whom — the reporting person or another
 * person of the household by name. The names are a conditional question (FieldBase.onlyWhen):
 * required only for "another person", dropped otherwise, so the documents never name someone
 * the applicant did not mean. The model, the XML, the caseworker PDF and the Nachweise carry it.
 */
import { describe, expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { prune, viewOf } from "~/flows/engine/journey";
import { veraenderung } from "~/flows/veraenderung/flow";
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { flowOutline } from "~/submission/flow-outline.server";
import { personas } from "../fixtures/veraenderung-personas";

const step = (id: string) => veraenderung.steps.find((s) => s.id === id)!;
const PERSONAL = ["schwangerschaftMeldung", "pflege", "schuleKita", "namensaenderung", "aufenthaltstitel", "arbeitBeginn", "arbeitEnde", "lohn", "selbststaendigkeitMeldung", "ausbildungMeldung", "rente", "andereLeistung", "sonstigesEinkommen", "vermoegen", "verkauf", "versicherungsleistung", "krankenkasseMeldung", "arbeitsunfaehigkeit", "stationaerMeldung", "mehrbedarf", "abwesenheit"];

describe("whom a change concerns", () => {
  it.each(PERSONAL)("%s asks it", (id) => {
    expect(step(id).fields.slice(0, 3).map((f) => f.name)).toEqual(["betrifft", "betrifftVorname", "betrifftNachname"]);
  });

  it("asks for the name only for another person, and drops a name typed for oneself", () => {
    const fields = step("lohn").fields;
    const base = { arbeitgeber: "Bäckerei Sonne", ab: "2026-12-01", brutto: "600", netto: "" };
    expect(validateStep(fields, { ...base, betrifft: "" })).toMatchObject({ ok: false, errors: { betrifft: "requiredChoice" } });
    expect(validateStep(fields, { ...base, betrifft: "andere", betrifftVorname: "", betrifftNachname: "" }))
      .toMatchObject({ ok: false, errors: { betrifftVorname: "required", betrifftNachname: "required" } });
    const self = validateStep(fields, { ...base, betrifft: "selbst", betrifftVorname: "Laila", betrifftNachname: "x".repeat(500) });
    expect(self.ok && self.values).toEqual({ arbeitgeber: "Bäckerei Sonne", ab: "2026-12-01", brutto: "600.00", betrifft: "selbst" });
    const other = validateStep(fields, { ...base, betrifft: "andere", betrifftVorname: "Laila", betrifftNachname: "Haidari" });
    expect(other.ok && other.values).toMatchObject({ betrifft: "andere", betrifftVorname: "Laila", betrifftNachname: "Haidari" });
  });

  it("reaches the model, the caseworker's document and the Nachweise", () => {
    const persona = personas.find((p) => p.name === "arbeit-einkommen")!;
    const view = viewOf(veraenderung, prune(veraenderung, persona.answers));
    const model = veraenderung.toModel(view, { receivedAt: new Date(), language: "de" }) as Veraenderungsmitteilung;
    const job = model.aenderungen.find((c) => c.art === "Arbeitsaufnahme")!;
    const end = model.aenderungen.find((c) => c.art === "Arbeitsende")!;
    expect("betrifft" in job && job.betrifft).toEqual({ person: "andere", vorname: "Laila", nachname: "Haidari" });
    expect("betrifft" in end && end.betrifft).toEqual({ person: "selbst" });
    const rows = flowOutline("veraenderung", model).filter((n) => n.kind === "row" && n.label === "Betrifft").map((n) => (n as { value: string }).value);
    expect(rows).toContain("Laila Haidari (andere Person des Haushalts)");
    expect(rows).toContain("Ahmad Haidari (die mitteilende Person)");
    const proofs = veraenderung.nachweise(view).filter((n) => n.key === "lohnabrechnung").map((n) => n.person);
    expect(proofs).toEqual(["Laila Haidari", undefined]);
    // Audit V2: another benefit ending (Laila's unemployment benefit) asks for its Bescheid, for her.
    const benefit = model.aenderungen.find((c) => c.art === "AndereLeistung")!;
    expect(benefit).toMatchObject({ leistung: "arbeitslosengeld", aenderung: "ende", betrifft: { person: "andere", vorname: "Laila" } });
    expect(veraenderung.nachweise(view).find((n) => n.key === "leistungsbescheid")).toMatchObject({ reason: "andereLeistung", person: "Laila Haidari" });
  });
});
