import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { inSchemaOrder } from "~/submission/xml/render.server";
import { bindFromModel, bindToModel } from "../engine/binding";
import { prune } from "../engine/journey";
import type { FlowDefinition } from "../engine/types";
import { document } from "./document.server";
import { NACHWEIS_KEYS, nachweise } from "./nachweise";
import { steps } from "./steps";

/** Everything but the Nachweise comes from the steps' bindings (steps.ts). */
export const veraenderung: FlowDefinition<Veraenderungsmitteilung> = {
  id: "veraenderung",
  formVersion: "veraenderung-2026.11",
  namespace: "veraenderung",
  sections: ["person", "aenderungen", "angaben"],
  steps,
  // The reporting person, then everyone who moved in or out: a person who moved in is asked
  // the Erstantrag's pages of a further person (audit V3, neue-personen.ts).
  members: { lead: "person", group: "personen" },
  nachweise,
  nachweisKeys: NACHWEIS_KEYS,
  toModel(answers) {
    const model = bindToModel(veraenderung, answers, { art: "Veraenderungsmitteilung", aenderungen: [] });
    model.nachweise = nachweise(answers).map((n) => ({ schluessel: n.key, anlass: n.reason, ...(n.person ? { betrifft: n.person } : {}) }));
    return inSchemaOrder("Veraenderungsmitteilung", model as unknown as Veraenderungsmitteilung);
  },
  fromModel: (model) => prune(veraenderung, bindFromModel(veraenderung, model as unknown as Record<string, unknown>)),
  document,
  modelElement: "Veraenderungsmitteilung",
  // A move out of the jobcenter's area makes the new place's jobcenter responsible (audit V4).
  postcodeChecks: [{ step: "neueAnschrift", text: "veraenderung:review.umzugAnderesJobcenter" }],
  inboxLabel: "sachbearbeitung:verfahren.veraenderung",
};
