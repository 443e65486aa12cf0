import { formatMoney } from "~/i18n/format";
import { LERNFOERDERUNG_FOLLOW_UP } from "../but/seed";
import type { Erstantrag } from "~/model/erstantrag";
import { LEISTUNGSNAME, rechtsstandAm, vermoegensgrenze } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import type { FlowDefinition } from "../engine/types";
import { stichtag } from "~/blocks/haushalt/household";
import { bwzBeginn } from "~/blocks/antragstellung/bewilligungszeitraum";
import { NACHWEIS_KEYS, nachweise } from "./nachweise";
import { household, SECTIONS, steps, vermoegensRegel } from "./steps";
import { answersOf, antragsdatum, MEMBERS, toModel } from "./to-model";
import { prune } from "../engine/journey";
import { document } from "./document.server";

export const erstantrag: FlowDefinition<Erstantrag> = {
  id: "erstantrag",
  formVersion: "erstantrag-2026.11 (Jobcenter-HA 04/2026)",
  namespace: "erstantrag",
  sections: SECTIONS,
  steps,
  members: MEMBERS,
  nachweise,
  nachweisKeys: NACHWEIS_KEYS,
  toModel,
  fromModel: (model) => prune(erstantrag, answersOf(model)),
  document,
  modelElement: "Erstantrag",
  fourEyes: true,
  // Lernförderung needs an application of its own: the receipt offers it with the children filled in.
  followUps: [LERNFOERDERUNG_FOLLOW_UP],
  inboxLabel: "sachbearbeitung:verfahren.erstantrag",
  rechtsstand: (a, receivedOn) => antragsdatum(a, receivedOn),
  /** The benefit's name by the application date, and the Vermögen limit of this household. */
  textVars(a, language) {
    const tag = stichtag(a, todayIso());
    const bg = household(a).filter((h) => h.zugehoerigkeit === "Bedarfsgemeinschaft").map((h) => h.member.values.geburtsdatum as string);
    return {
      leistung: LEISTUNGSNAME[rechtsstandAm(tag).leistung],
      grenze: formatMoney(vermoegensgrenze(vermoegensRegel(a), bg, bwzBeginn(a, todayIso())), language, { fractionDigits: 0 }),
      personen: String(bg.length),
    };
  },
};
