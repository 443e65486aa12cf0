/**
 * The BuT flow (issue #16): who can get what, the pages a family walks, the model and its XML,
 * the Nachweise, and which office receives it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { but } from "~/flows/but/flow";
import { eligibility, KATEGORIEN } from "~/flows/but/eligibility";
import { validateStep } from "~/flows/engine/fields";
import { firstIncomplete, prune, reachablePages, viewOf, withoutMember } from "~/flows/engine/journey";
import type { Answers, FlowDefinition, StepValues } from "~/flows/engine/types";
import type { BuT } from "~/model/but";
import { buildDocument } from "~/submission/build-document.server";
import { renderXml } from "~/submission/xml/render.server";
import { validateXml } from "~/submission/xml/validate.server";
import { jobcenterForPostcode, jobcenterListSchema } from "~/tenants/jobcenter";
import { butPersonas, bornYearsAgo } from "../fixtures/but-personas";
import { recipientOf } from "~/flows/recipient";

const flow = but as FlowDefinition;
const jobcenters = jobcenterListSchema.parse(JSON.parse(readFileSync("config/demo-jobcenters.json", "utf8")));
const TODAY = "2026-12-06";
const child = (years: number, einrichtung: string, extra: Record<string, string> = {}) => ({
  geburtsdatum: `${2026 - years}-06-01`, einrichtung, ...extra,
});
const offered = (c: Record<string, string>, regime: string) => KATEGORIEN.filter((k) => !eligibility(c, regime, TODAY)[k]);

describe("who can get what (§ 28 SGB II, § 6b BKGG)", () => {
  it("a pupil: everything but the Schulbedarf, which the Jobcenter pays by itself in an SGB II case", () => {
    expect(offered(child(10, "schule", { ausbildungsverguetung: "nein" }), "grundsicherung")).toEqual(["ausflug", "klassenfahrt", "befoerderung", "lernfoerderung", "mittagessen", "teilhabe"]);
    expect(eligibility(child(10, "schule"), "grundsicherung", TODAY).schulbedarf).toBe("automatisch");
    expect(offered(child(10, "schule"), "wohngeld")).toEqual([...KATEGORIEN]);
  });
  it("a Kita child: trips and lunch, and Teilhabe", () => {
    expect(offered(child(4, "kita"), "kinderzuschlag")).toEqual(["ausflug", "klassenfahrt", "mittagessen", "teilhabe"]);
    expect(eligibility(child(4, "kita"), "kinderzuschlag", TODAY).lernfoerderung).toBe("nurSchule");
  });
  it("Teilhabe only under 18; Bildung for pupils under 25 without training pay", () => {
    expect(eligibility(child(19, "schule"), "grundsicherung", TODAY).teilhabe).toBe("ab18");
    expect(offered(child(19, "schule"), "grundsicherung")).toContain("lernfoerderung");
    expect(eligibility(child(25, "schule"), "wohngeld", TODAY).ausflug).toBe("ab25");
    expect(eligibility(child(17, "schule", { ausbildungsverguetung: "ja" }), "wohngeld", TODAY).mittagessen).toBe("ausbildungsverguetung");
    expect(offered(child(17, "schule", { ausbildungsverguetung: "ja" }), "wohngeld")).toEqual(["teilhabe"]);
    expect(offered(child(12, "keine"), "grundsicherung")).toEqual(["teilhabe"]);
  });
  it("the page offers only what the child can get, and names the rest with the reason; a forced answer is refused", () => {
    const p = butPersonas.find((x) => x.name === "5-sgb2-neunzehn")!;
    const page = reachablePages(flow, p.answers).find((x) => x.key === "leistungen/1")!;
    const field = page.fields!.find((f) => f.name === "kategorien") as { options: readonly string[] };
    expect(field.options).not.toContain("teilhabe");
    expect(page.withheld).toEqual([{ field: "kategorien", option: "schulbedarf", reason: "automatisch" }, { field: "kategorien", option: "teilhabe", reason: "ab18" }]);
    expect(validateStep(page.fields!, { kategorien: ["teilhabe"] }).ok).toBe(false);
    expect(validateStep(page.fields!, { kategorien: ["mittagessen"] }).ok).toBe(true);
  });
});

describe("the journey", () => {
  it("SGB XII and AsylbLG end on a page that names the Sozialamt; nothing after it is reachable", () => {
    for (const leistung of ["sozialhilfe", "asylbewerberleistungen"]) {
      const keys = reachablePages(flow, { leistung: { leistung } }).map((p) => p.key);
      expect(keys).toEqual(["leistung", "andereStelle"]);
    }
  });
  it("Wohngeld where the jobcenter names no office for it: an end page, not a request to the wrong office", () => {
    const keys = reachablePages(flow, { _mandant: { bkgg: "nein" }, leistung: { leistung: "wohngeld" } }).map((p) => p.key);
    expect(keys).toEqual(["leistung", "keineStelle"]);
    expect(reachablePages(flow, { _mandant: { bkgg: "nein" }, leistung: { leistung: "grundsicherung" } }).map((p) => p.key)).toContain("antragsteller");
  });
  it("SGB II asks neither the address nor a Bescheid (§ 67a SGB X); BKGG asks both", () => {
    const sgb2 = reachablePages(flow, butPersonas[0].answers).map((p) => p.key);
    expect(sgb2).not.toContain("anschrift");
    expect(sgb2).not.toContain("bescheid");
    const bkgg = reachablePages(flow, butPersonas[2].answers).map((p) => p.key);
    expect(bkgg).toEqual(expect.arrayContaining(["anschrift", "bescheid", "konto"]));
  });
  it("per child: its requests right after its own choice page", () => {
    expect(reachablePages(flow, butPersonas[0].answers).map((p) => p.key)).toEqual([
      "leistung", "antragsteller", "kinder", "leistungen/1", "klassenfahrt/1", "teilhabe/1", "leistungen/2", "mittagessen/2",
    ]);
  });
  it("the parent's account only when money goes to the parent", () => {
    const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);
    expect(keys(butPersonas[0].answers)).not.toContain("konto");
    expect(keys(butPersonas[3].answers)).toContain("konto");
  });
});

describe("model, XML, Nachweise, routing", () => {
  for (const p of butPersonas) {
    it(`${p.name}: schema-valid XML with each child's Leistungen, sent to ${p.recipient}`, () => {
      const view = viewOf(flow, prune(flow, p.answers));
      const model = flow.toModel(view, { receivedAt: new Date(), language: p.language }) as BuT;
      expect(model.kinder.flatMap((k, i) => k.leistungen.map((l) => `${i + 1}:${l.art}`))).toEqual(p.expected);
      const found = jobcenterForPostcode(jobcenters, p.postcode)!;
      const receiver = jobcenters.find((j) => j.id === recipientOf(flow, view, found))!;
      expect(receiver.id).toBe(p.recipient);
      const xml = renderXml(buildDocument({ reference: "BQT23456", flow, rechtsstand: "2026-12-06", receivedAt: new Date(), language: p.language, jobcenter: receiver, model: model as never }));
      const validation = validateXml(xml);
      expect(validation.errors).toEqual([]);
      expect(xml).toContain(`<Rechtskreis>${model.rechtskreis}</Rechtskreis>`);
    });
  }

  it("Nachweise per child and request: the school's confirmation for Lernförderung, a receipt for a refund, the Bescheid for BKGG", () => {
    const of = (i: number) => flow.nachweise(viewOf(flow, prune(flow, butPersonas[i].answers))).map((n) => `${n.key}${n.person ? `:${n.person}` : ""}`);
    expect(of(1)).toEqual(["schulbestaetigungLernfoerderung:Taras Kovalenko", "angebotLernfoerderung:Taras Kovalenko"]);
    expect(of(2)).toEqual(["bescheidWohngeld", "schulbescheinigung:Sara Karimi", "fahrkarte:Sara Karimi", "bescheidSchultraeger:Sara Karimi"]);
    // Two day trips, one a refund: one letter slot and one receipt slot for the child (each takes several files).
    expect(of(3)).toEqual(["bescheidKinderzuschlag", "kindergeldNachweis", "schreibenAusflug:Kofi Mensah", "zahlungsnachweis:Kofi Mensah", "vertragMittagessen:Kofi Mensah"]);
  });

  it("a child for whom nothing is asked now is recorded as such (an empty Leistungen), not left out", () => {
    const answers: Answers = { ...butPersonas[0].answers, "leistungen/2": { kategorien: ["keine"] } };
    delete answers["mittagessen/2"];
    const model = flow.toModel(viewOf(flow, prune(flow, answers)), { receivedAt: new Date(), language: "de" }) as BuT;
    expect(model.kinder[1].leistungen).toEqual([]);
    expect(flow.fromModel(model)["leistungen/2"]).toEqual({ kategorien: ["keine"] });
  });

  it("several requests of one category per child: each its own entry in the model, the XML and the Nachweise", () => {
    const kita = butPersonas[3];
    const model = flow.toModel(viewOf(flow, prune(flow, kita.answers)), { receivedAt: new Date(), language: "en" }) as BuT;
    const trips = model.kinder[0].leistungen.filter((l) => l.art === "Ausflug");
    expect(trips.map((l) => (l as { beschreibung: string }).beschreibung)).toEqual(["Bauernhof-Besuch der Bärengruppe", "Theater im Stadtpark"]);
    // The list comes back as the person entered it (prefill, round trip).
    expect(flow.fromModel(model)["ausflug/1"]).toEqual(kita.answers["ausflug/1"]);
    // One refund among the trips asks for the receipt and the parent's account; none asks neither.
    const paidByProvider: Answers = { ...kita.answers, "ausflug/1": (kita.answers["ausflug/1"] as StepValues[]).map((t) => ({ ...t, zahlung: "anbieter" })) };
    const keys = (a: Answers) => reachablePages(flow, a).map((p) => p.key);
    expect(keys(kita.answers)).toContain("konto");
    expect(keys(paidByProvider)).not.toContain("konto");
    expect(flow.nachweise(viewOf(flow, prune(flow, paidByProvider))).map((n) => n.key)).not.toContain("zahlungsnachweis");
  });

  it("a list of requests is complete only with at least one valid entry", () => {
    const answers: Answers = { ...butPersonas[3].answers, "ausflug/1": [] };
    expect(firstIncomplete(flow, answers)).toBe("ausflug/1");
    expect(firstIncomplete(flow, { ...answers, "ausflug/1": [{ beschreibung: "Zoo" }] })).toBe("ausflug/1");
  });

  it("a child removed from the family takes its lists along; the next child's lists move up", () => {
    const two: Answers = {
      ...butPersonas[0].answers,
      "leistungen/2": { kategorien: ["teilhabe"] },
      "teilhabe/2": [{ aktivitaet: "Schwimmen", anbieter: "DLRG", beitrag: "5.00", rhythmus: "monatlich", ab: "2026-12-01", zahlung: "anbieter" }],
    };
    delete two["mittagessen/2"];
    const after = withoutMember(flow, two, 1);
    expect(after["teilhabe/1"]).toEqual(two["teilhabe/2"]);
    expect(after["klassenfahrt/1"]).toBeUndefined();
    expect(after["teilhabe/2"]).toBeUndefined();
  });

  it("ages are counted on the day: a birth date 18 years ago withholds Teilhabe", () => {
    expect(eligibility({ geburtsdatum: bornYearsAgo(18), einrichtung: "schule" }, "grundsicherung").teilhabe).toBe("ab18");
    expect(eligibility({ geburtsdatum: bornYearsAgo(17), einrichtung: "schule" }, "grundsicherung").teilhabe).toBeUndefined();
  });
});

describe("the Lernförderung follow-up on an Erstantrag's receipt", () => {
  it("is offered when a child needs it and the jobcenter runs BuT here, not otherwise", async () => {
    const { erstantrag } = await import("~/flows/erstantrag/flow");
    const { followUpsFor } = await import("~/flows/follow-ups");
    const { erstantragPersonas } = await import("../fixtures/erstantrag-personas");
    const withChild = erstantragPersonas.find((p) => p.name === "2-familie-minijob")!;
    const model = erstantrag.toModel(viewOf(erstantrag as FlowDefinition, prune(erstantrag as FlowDefinition, withChild.answers)), { receivedAt: new Date(), language: "de" });
    const jc = jobcenters[0];
    expect(followUpsFor(erstantrag as FlowDefinition, model, jc).map((f) => f.flowId)).toEqual(["but"]);
    expect(followUpsFor(erstantrag as FlowDefinition, model, { leistungen: jc.leistungen.filter((l) => l !== "but") })).toEqual([]);
    const single = erstantragPersonas[0];
    const none = erstantrag.toModel(viewOf(erstantrag as FlowDefinition, prune(erstantrag as FlowDefinition, single.answers)), { receivedAt: new Date(), language: "de" });
    expect(followUpsFor(erstantrag as FlowDefinition, none, jc)).toEqual([]);
  });
});
