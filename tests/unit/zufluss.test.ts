/**
 * Audit coverage gap EK-6 (#18): other income says how often it comes, and one-off or occasional
 * money the day it arrives (§ 11 Abs. 3 SGB II) — required then, not asked for monthly income.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateStep } from "~/flows/engine/fields";
import { findStep, prune, reachablePages, viewOf } from "~/flows/engine/journey";
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
const fields = findStep(flow, "ekSonstiges")!.fields;

describe("other income: how often, and when one-off money arrives", () => {
  it("asks the day for one-off and occasional money, not for monthly income", () => {
    expect(validateStep(fields, { bezeichnung: "Steuererstattung", haeufigkeit: "einmalig", betrag: "312.00" }).ok).toBe(false);
    expect(validateStep(fields, { bezeichnung: "Steuererstattung", haeufigkeit: "einmalig", betrag: "312.00", zufluss: d(-3) }).ok).toBe(true);
    const monthly = validateStep(fields, { bezeichnung: "Pflegegeld", haeufigkeit: "monatlich", betrag: "120.00", zufluss: d(-3) });
    expect(monthly.ok && monthly.values.zufluss).toBeUndefined();
  });

  it("records both in the model and a schema-valid XML", () => {
    const base = erstantragPersonas[0];
    const answers: Answers = {
      ...base.answers,
      "einkommen/0": { arten: ["sonstiges"] },
      "ekSonstiges/0": { bezeichnung: "Steuererstattung", haeufigkeit: "einmalig", betrag: "312.00", zufluss: d(-3) },
    };
    expect(reachablePages(flow, answers).map((p) => p.key)).toContain("ekSonstiges/0");
    const model = flow.toModel(viewOf(flow, prune(flow, answers)), { receivedAt: new Date(), language: "de" }) as Erstantrag;
    expect(model.mitglieder[0].einkommen).toContainEqual({ art: "WeiteresEinkommen", bezeichnung: "Steuererstattung", haeufigkeit: "einmalig", betrag: "312.00", zufluss: d(-3) });
    const jobcenter = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")))[0];
    const xml = renderXml(buildDocument({ reference: "Z2K7M9QT", flow, rechtsstand: flow.rechtsstand!(viewOf(flow, prune(flow, answers)), d(0)), receivedAt: new Date(), language: "de", jobcenter, model: model as never }));
    expect(validateXml(xml).errors).toEqual([]);
    expect(xml).toContain(`<Haeufigkeit>einmalig</Haeufigkeit><Betrag>312.00</Betrag><Zufluss>${d(-3)}</Zufluss>`);
    // Back from the model, as a renewal prefilled from this document would ask it.
    expect(flow.fromModel(model as never)["ekSonstiges/0"]).toEqual(answers["ekSonstiges/0"]);
  });
});
