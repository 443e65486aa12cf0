/**
 * Where each question of the BA Weiterbewilligungsantrag (wba-but.md A.3, numbered W1–W7 there)
 * is asked: the page fields (`step.field`) that answer it, or why it is not a field. The table
 * docs/coverage/weiterbewilligung.md is generated from this and the bindings
 * (`npm run coverage -- --flow weiterbewilligung`; tests/unit/coverage.test.ts keeps it current).
 */
export interface CoverageRow {
  nr: string;
  question: string;
  fields: readonly string[];
  note?: string;
}

/** A flow's coverage map: where its questions come from, the sections the PDF prints them in, the rows. */
export interface CoverageMap {
  /** The form the rows' questions are from, for the table's heading. */
  form: string;
  source: string;
  /** Which person a per-person page's XML path is shown for. */
  person: string;
  sections: string;
  rows: readonly CoverageRow[];
}

export const COVERAGE: CoverageMap = {
  form: "BA WBA",
  source: "`shared/domain/wba-but.md` A.3 (the BA form's own field numbers could not\nbe checked)",
  person: "person 1 (`Mitglied`)",
  sections: "Weiterbewilligung, Antragstellende\nPerson, Haushalt, Person n, Anlage KDU, Umzug und Abrechnung, Anlage VM, Weitere Änderungen, Gesonderter Antrag",
  rows: [
  { nr: "W1.1", question: "Familienname", fields: ["person.nachname"] },
  { nr: "W1.2", question: "Vorname", fields: ["person.vorname"] },
  { nr: "W1.3", question: "Geburtsdatum", fields: ["person.geburtsdatum"] },
  { nr: "W1.4", question: "Geschlecht", fields: ["person.geschlecht"] },
  { nr: "W1.5", question: "Anschrift", fields: ["anschrift.strasse", "anschrift.hausnummer", "anschrift.plz", "anschrift.ort"] },
  { nr: "W1.6", question: "Nummer der Bedarfsgemeinschaft", fields: ["bwz.bgNummer"] },
  { nr: "W1.7", question: "Ende des laufenden Bewilligungsabschnitts", fields: ["bwz.ende"], note: "Decides the path (renew, urgent, month after, gap, Erstantrag); BwzBeginnNeu and Antragsdatum are derived." },
  { nr: "W1.8", question: "Telefon / E-Mail", fields: ["kontakt.telefon", "kontakt.email"] },
  { nr: "W1.9", question: "Bankverbindung (geändert?)", fields: ["kontodaten.iban", "kontodaten.kontoinhaber"], note: "Asked as the current account; the comparison with the prefill shows a change." },
  { nr: "W2.1", question: "Anzahl der Personen in der Unterkunft", fields: ["wohnsituation.alleine"], note: "The persons themselves are the household list (W2.2–2.3)." },
  { nr: "W2.2", question: "Mitglieder der BG (lebt noch hier?)", fields: ["haushalt.vorname", "haushalt.nachname", "haushalt.geburtsdatum", "haushalt.beziehung"], note: "Prefilled list; a person removed from it is named in Weiterbewilligung/Personenwechsel/NichtMehrImHaushalt. No move-out date is asked yet." },
  { nr: "W2.3", question: "Neue Personen seit dem letzten Antrag", fields: ["haushalt.vorname", "wep.geburtsname", "kind.kindergeld"], note: "Same household logic and per-person pages as the Erstantrag (WEP, KI, HG, VE). New = not in the prefilled list, named in Weiterbewilligung/Personenwechsel/Neu. No moving-in date is asked yet." },
  { nr: "W2.4", question: "Familienstand (Änderung)", fields: ["familienstand.stand", "familienstandSeit.seit", "uh1.unterhalt"] },
  { nr: "W2.5", question: "Schwangerschaft", fields: ["lebenslage.lage", "schwangerschaft.entbindungstermin", "uh2.unterhalt"], note: "Erstausstattung as a separate application (see G1)." },
  { nr: "W3.1", question: "Noch dieselbe Wohnung? Umzug, Zusicherung", fields: ["umzug.umgezogen", "umzugDetails.datum", "umzugDetails.zusicherung"] },
  { nr: "W3.2", question: "Grundmiete / Nebenkosten / Heizkosten", fields: ["miete.aufteilung", "miete.grundmiete", "miete.nebenkosten", "miete.heizkosten", "miete.pauschalmiete", "miete.enthalten"], note: "Carried over from the prefill to confirm (FieldBase.prefill). A Pauschalmiete as one amount with what it includes (KDU-10)." },
  { nr: "W3.3", question: "Betriebs- oder Heizkostenabrechnung", fields: ["abrechnung.erhalten", "abrechnungDetails.art", "abrechnungDetails.ergebnis", "abrechnungDetails.betrag", "abrechnungDetails.datum"] },
  { nr: "W3.4", question: "Eigentum: Schuldzinsen, Nebenkosten", fields: ["eigentum.schuldzinsen", "eigentum.nebenkosten"] },
  { nr: "W3.5", question: "Heizung / Warmwasser", fields: ["heizung.art", "heizung.brennstoff", "heizung.warmwasser", "warmwasserEnergie.energie"], note: "The fuel (KDU-14) for a central heating or stoves." },
  { nr: "W4.1", question: "Erwerbstätigkeit: Arbeitgeber, Beginn, brutto, netto", fields: ["einkommen.arten", "erwerb.arbeitgeber", "erwerb.art", "erwerb.brutto", "erwerb.netto", "erwerb.beginn", "erwerb.zahltag"], note: "One entry per job (EK-7). The payday (Zufluss) as the day of the month, optional." },
  { nr: "W4.2", question: "Absetzbeträge (Fahrkosten, Versicherungen, Riester, Unterhalt)", fields: ["abzuege.entfernungKm", "abzuege.versicherungen", "abzuege.riester", "abzuege.unterhaltTitel"] },
  { nr: "W4.3", question: "Selbständige Tätigkeit (EKS vorläufig, abschließend)", fields: ["taetigkeit.selbststaendig", "selbststaendigkeit.taetigkeit", "eks.einnahmen"], note: "The final EKS of the ending period is a Nachweis (abschliessendeEks)." },
  { nr: "W4.4", question: "Aufwandsentschädigungen", fields: ["ekSonstiges.bezeichnung", "ekSonstiges.betrag"], note: "As other income." },
  { nr: "W4.5", question: "Leistungen anderer Träger", fields: ["einkommen.arten", "ekAlg.betrag", "ekKindergeld.betrag"], note: "One page per kind of benefit chosen (same as the Erstantrag)." },
  { nr: "W4.6", question: "Sonstiges Einkommen, einmalige Einnahmen", fields: ["ekSonstiges.bezeichnung", "ekSonstiges.betrag", "aenderungen.arten"] },
  { nr: "W5", question: "Vermögen (Arten, Werte, Eigentümer)", fields: ["vermoegen.arten", "vmKonten.wert", "vmKonten.eigentuemer", "vmImmobilien.eigentuemer", "vmFahrzeug.eigentuemer", "vmFahrzeug.angemessen"], note: "The regime of the new period's start (§ 65a SGB II). Every asset is an entry of its own with its owner (VM-9), vehicles also with the declaration that they are appropriate (VM-19, E9)." },
  { nr: "W5.x", question: "Erbschaft, Schenkung, Verkauf, Gewinn", fields: ["aenderungen.arten"] },
  { nr: "W6", question: "Weitere Änderungen, noch nicht mitgeteilt", fields: ["aenderungen.arten", "aenderungen.beschreibung", "versicherung.art", "lebenslage.lage"], note: "Insurance, disability, diet, special need, school and inpatient stays are asked as the current state on their own pages." },
  { nr: "W6.x", question: "Absehbare Änderungen im neuen Zeitraum", fields: ["aenderungen.absehbar"] },
  { nr: "W7", question: "Erklärung (§ 60 SGB I, § 38, § 52 SGB II)", fields: [], note: "The declaration on the check page; no signature (§ 36a Abs. 2c SGB I). Who filled it in: vertretung.art." },
  { nr: "G1", question: "Gesonderte Anträge (§ 24 Abs. 1, § 24 Abs. 3, Lernförderung)", fields: ["gesondert.antraege", "gesondert_darlehen.beschreibung", "gesondert_erstausstattung.beschreibung", "butKosten.kosten"], note: "Lernförderung per child on the Bildung und Teilhabe page; the receipt continues in the BuT flow with the child filled in (issue #16)." },
],
};
