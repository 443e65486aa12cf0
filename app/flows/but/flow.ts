import type { BuT } from "~/model/but";
import { butBetraegeAm } from "~/rechtsstand/but";
import { formatMoney } from "~/i18n/format";
import { inSchemaOrder } from "~/submission/xml/render.server";
import { bindFromModel, bindToModel } from "../engine/binding";
import { todayIso } from "../engine/fields";
import { prune } from "../engine/journey";
import type { FlowDefinition } from "../engine/types";
import { document } from "./document.server";
import { NACHWEIS_KEYS, nachweise } from "./nachweise";
import { schoolConfirmationPdf } from "./school-form.server";
import { steps } from "./steps";

/**
 * Bildung und Teilhabe (issue #16, ADR 0034). Everything but the Nachweise comes from the steps'
 * bindings; the receiving office comes from the jobcenter's BuT settings by the family's regime.
 */
export const but: FlowDefinition<BuT> = {
  id: "but",
  formVersion: "but-2026.12",
  namespace: "but",
  sections: ["familie", "kinder", "leistungen", "zahlung"],
  steps,
  members: { lead: "antragsteller", group: "kinder" },
  nachweise,
  nachweisKeys: NACHWEIS_KEYS,
  toModel(answers) {
    const model = bindToModel(but, answers, { art: "BuT" }) as unknown as BuT;
    // A child for whom nothing is asked now (its page answered "keine"): an empty list, said so.
    for (const kind of model.kinder ?? []) kind.leistungen ??= [];
    const bezug = answers.value("_bezug", "referenz");
    if (typeof bezug === "string") model.bezugReferenz = bezug;
    model.nachweise = nachweise(answers).map((n) => ({ schluessel: n.key, anlass: n.reason, ...(n.person ? { betrifft: n.person } : {}) }));
    return inSchemaOrder("BuT", model);
  },
  fromModel: (model) => prune(but, bindFromModel(but, model as unknown as Record<string, unknown>)),
  document,
  forms: { schulbestaetigung: schoolConfirmationPdf },
  modelElement: "BuT",
  inboxLabel: "sachbearbeitung:verfahren.but",
  /** SGB II: the jobcenter's BuT unit (default the jobcenter); Wohngeld and Kinderzuschlag: the BKGG office. */
  recipient(a, jobcenter) {
    const bkgg = a.has("leistung", "leistung", "wohngeld") || a.has("leistung", "leistung", "kinderzuschlag");
    return bkgg ? jobcenter.but.bkgg : jobcenter.but.sgb2;
  },
  /** Whether the jobcenter has an office for Wohngeld and Kinderzuschlag families (else those end on a page of their own). */
  tenantSettings: (jc) => ({ bkgg: jc.but.bkgg ? "ja" : "nein" }),
  /** The school year's Schulbedarf and the monthly Teilhabe amount, for the texts. */
  textVars(_a, language) {
    const b = butBetraegeAm(todayIso());
    const eur = (n: number) => formatMoney(n, language, { fractionDigits: 0 });
    return { schuljahr: b.schuljahr, august: eur(b.schulbedarfAugust), februar: eur(b.schulbedarfFebruar), teilhabe: eur(b.teilhabeMonatlich) };
  },
};
