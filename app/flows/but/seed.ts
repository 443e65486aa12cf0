/**
 * Lernförderung is an application of its own (§ 37 Abs. 1 S. 2 SGB II): when an Erstantrag or a
 * renewal says a child needs it (the "bildung" block's page), the receipt continues here with the
 * family and those children filled in — the parent adds the school and the tutoring.
 */
import type { Mitglied } from "~/model/erstantrag";
import type { Answers, FollowUp, StepValues } from "../engine/types";

interface Hauptantrag {
  antragsteller: { vorname: string; nachname: string; geburtsdatum: string };
  mitglieder: Mitglied[];
  weiterbewilligung?: { bgNummer?: string };
}

const wantsLernfoerderung = (m: Mitglied) => m.bildungUndTeilhabe?.bekannteKosten.includes("lernfoerderung") === true;

/** The answers the BuT draft starts with: the parent, the children who need Lernförderung, its category. */
export function lernfoerderungSeed(model: Hauptantrag, reference: string): Answers {
  const children = model.mitglieder.filter(wantsLernfoerderung);
  const { vorname, nachname, geburtsdatum } = model.antragsteller;
  const aktenzeichen = model.weiterbewilligung?.bgNummer;
  const answers: Answers = {
    _bezug: { referenz: reference },
    leistung: { leistung: "grundsicherung" },
    antragsteller: { vorname, nachname, geburtsdatum, ...(aktenzeichen ? { aktenzeichen } : {}) },
    kinder: children.map((c): StepValues => ({ vorname: c.vorname, nachname: c.nachname, geburtsdatum: c.geburtsdatum, einrichtung: "schule" })),
  };
  children.forEach((_, i) => { answers[`leistungen/${i + 1}`] = { kategorien: ["lernfoerderung"] }; });
  return answers;
}

/** The receipt's offer to apply for Lernförderung now (FlowDefinition.followUps of the Hauptantrag flows). */
export const LERNFOERDERUNG_FOLLOW_UP: FollowUp = {
  flowId: "but",
  texts: "but:followUp",
  when: (model) => (model as Hauptantrag).mitglieder.some(wantsLernfoerderung),
  seed: (model, reference) => lernfoerderungSeed(model as Hauptantrag, reference),
};
