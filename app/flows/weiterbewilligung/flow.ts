import type { Weiterbewilligungsantrag } from "~/model/weiterbewilligungsantrag";
import { LERNFOERDERUNG_FOLLOW_UP } from "../but/seed";
import { LEISTUNGSNAME, rechtsstandAm, vermoegensgrenze } from "~/rechtsstand/parameter";
import { bwzBeginn, bwzBeginnNeu, lage } from "~/blocks/antragstellung/bewilligungszeitraum";
import { household } from "~/blocks/haushalt/members";
import { stichtag } from "~/blocks/haushalt/household";
import { vermoegensRegel } from "~/blocks/vermoegen/steps";
import { formatDate, formatMoney } from "~/i18n/format";
import { todayIso } from "../engine/fields";
import { prune } from "../engine/journey";
import type { Answers, FlowDefinition } from "../engine/types";
import { document } from "./document.server";
import { NACHWEIS_KEYS, nachweise } from "./nachweise";
import { SECTIONS, steps } from "./steps";
import { answersOf, MEMBERS, toModel } from "./to-model";

/** The answers an Erstantrag can use: everything but the renewal's own period pages. */
const withoutPeriod = (answers: Answers): Answers => {
  const { bwz: _bwz, bwzVorgehen: _vorgehen, ...rest } = answers;
  return rest;
};

/** What a Kurzantrag for this renewal starts with: the person's data so far and the period. */
const kurzantragSeed = (answers: Answers): Answers => {
  const bwz = answers.bwz && !Array.isArray(answers.bwz) ? answers.bwz : {};
  const pick = (key: string) => (answers[key] && !Array.isArray(answers[key]) ? { [key]: answers[key] } : {});
  return {
    _anliegen: { verfahren: "weiterbewilligung", bwzEndeBisher: bwz.ende ?? "", ...(bwz.bgNummer ? { bgNummer: bwz.bgNummer } : {}) },
    ...pick("person"), ...pick("anschrift"), ...pick("kontakt"),
  };
};

export const weiterbewilligung: FlowDefinition<Weiterbewilligungsantrag> = {
  id: "weiterbewilligung",
  formVersion: "weiterbewilligung-2026.12 (BA WBA, Abschnitte 1–7)",
  namespace: "weiterbewilligung",
  sections: SECTIONS,
  steps,
  members: MEMBERS,
  nachweise,
  nachweisKeys: NACHWEIS_KEYS,
  toModel: (a, meta) => toModel(weiterbewilligung, a, meta),
  fromModel: (model) => prune(weiterbewilligung, answersOf(model)),
  document,
  modelElement: "Weiterbewilligungsantrag",
  fourEyes: true,
  // Lernförderung needs an application of its own: the receipt offers it with the children filled in.
  followUps: [LERNFOERDERUNG_FOLLOW_UP],
  inboxLabel: "sachbearbeitung:verfahren.weiterbewilligung",
  prefillFrom: ["Erstantrag", "Weiterbewilligungsantrag"],
  tenantSettings: (jc) => ({ maxLueckeMonate: String(jc.weiterbewilligung.maxLueckeMonate) }),
  handOvers: [
    // Secure the date first: a Kurzantrag for a renewal, continued here afterwards.
    { when: (a) => a.has("bwzVorgehen", "weg", "formlos"), flowId: "kurzantrag", seed: kurzantragSeed },
    // Too long a gap: the jobcenter wants an Erstantrag; everything answered goes along.
    { when: (a) => lage(a, todayIso()) === "erstantrag", flowId: "erstantrag", seed: withoutPeriod, notice: "handOver" },
  ],
  rechtsstand: (a, receivedOn) => bwzBeginnNeu(a, receivedOn) ?? receivedOn,
  /** The period's dates, the benefit's name and the Vermögen limit of the new period. */
  textVars(a, language) {
    const today = todayIso();
    const tag = stichtag(a, today);
    const ende = a.value("bwz", "ende");
    const bg = household(a).filter((h) => h.zugehoerigkeit === "Bedarfsgemeinschaft").map((h) => h.member.values.geburtsdatum as string);
    return {
      leistung: LEISTUNGSNAME[rechtsstandAm(tag).leistung],
      grenze: formatMoney(vermoegensgrenze(vermoegensRegel(a), bg, bwzBeginn(a, todayIso())), language, { fractionDigits: 0 }),
      personen: String(bg.length),
      ende: typeof ende === "string" ? formatDate(ende, language) : "",
      beginn: formatDate(bwzBeginnNeu(a, today) ?? today, language),
      luecke: String(a.value("_mandant", "maxLueckeMonate") ?? ""),
    };
  },
};
