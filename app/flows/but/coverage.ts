/**
 * Where each question of a BuT-Antrag (wba-but.md B.3: the typical municipal and Jobcenter
 * forms, B1–B5; there is no single federal form [!]) is asked. docs/coverage/but.md is generated
 * from this and the bindings (`npm run coverage -- --flow but`; tests/unit/coverage.test.ts).
 */
import type { CoverageMap } from "../weiterbewilligung/coverage";

export const COVERAGE: CoverageMap = {
  form: "BuT form",
  source: "`shared/domain/wba-but.md` B.3 (typical BuT forms of Jobcenter and Kreise; there is no federal form)",
  person: "the first child (`BuTKind`)",
  sections: "BuT, Antragstellende Person, Kind n with one block per Leistung, Bankverbindung",
  rows: [
    { nr: "B1.1", question: "Name, Geburtsdatum der antragstellenden Person", fields: ["antragsteller.vorname", "antragsteller.nachname", "antragsteller.geburtsdatum"] },
    { nr: "B1.2", question: "Anschrift", fields: ["anschrift.strasse", "anschrift.hausnummer", "anschrift.plz", "anschrift.ort"], note: "Wohngeld and Kinderzuschlag only: in an SGB II case the Jobcenter has it (§ 67a SGB X)." },
    { nr: "B1.3", question: "Telefon, E-Mail", fields: ["antragsteller.telefon", "antragsteller.email"], note: "Optional." },
    { nr: "B1.4", question: "BG-Nummer oder Aktenzeichen", fields: ["antragsteller.aktenzeichen"], note: "Optional; Lernförderung started from an Erstantrag or renewal also names its reference (BezugReferenz)." },
    { nr: "B1.5", question: "Bezogene Leistung (SGB II, SGB XII, Wohngeld, Kinderzuschlag, AsylbLG)", fields: ["leistung.leistung"], note: "SGB XII and AsylbLG end on a page naming the Sozialamt; Wohngeld/Kinderzuschlag where the jobcenter names no office end on a page naming the Stadt or Kreis. Decides the receiving office (ADR 0034)." },
    { nr: "B1.6", question: "Bescheid über Wohngeld oder Kinderzuschlag (Kopie)", fields: ["bescheid.bewilligtVon", "bescheid.bewilligtBis"], note: "The copy is a Nachweis (bescheidWohngeld, bescheidKinderzuschlag)." },
    { nr: "B1.7", question: "Nachweis Kindergeld (Kinderzuschlag)", fields: [], note: "Nachweis kindergeldNachweis." },
    { nr: "B2.1", question: "Kind: Name, Geburtsdatum", fields: ["kinder.vorname", "kinder.nachname", "kinder.geburtsdatum"], note: "Each child once; its age on the day decides what is offered." },
    { nr: "B2.2", question: "Kita oder Schule", fields: ["kinder.einrichtung", "kinder.einrichtungName"], note: "The school's address is not asked: the school's own letters and the Schulbescheinigung name it." },
    { nr: "B2.3", question: "Klasse, Schuljahr", fields: ["kinder.klasse"], note: "The school year follows from the dates of each request." },
    { nr: "B2.4", question: "Ausbildungsvergütung", fields: ["kinder.ausbildungsverguetung"], note: "With training pay no Bildung benefits (§ 28 Abs. 1 S. 2 SGB II); Teilhabe still offered under 18." },
    { nr: "B3.0", question: "Beantragte Leistungen", fields: ["leistungen.kategorien"], note: "Only what the child can get is offered; the rest is named with the reason (eligibility.ts). Schulbedarf only for Wohngeld/Kinderzuschlag families." },
    { nr: "B3.1", question: "Eintägiger Ausflug: Datum, Ziel, Kosten, Veranstalter", fields: ["ausflug.beschreibung", "ausflug.datum", "ausflug.kosten", "ausflug.anbieter"], note: "A list per child: one entry per trip (or per bill, when the school bills several trips together)." },
    { nr: "B3.2", question: "Mehrtägige Klassen- oder Kitafahrt", fields: ["klassenfahrt.reiseziel", "klassenfahrt.von", "klassenfahrt.bis", "klassenfahrt.kosten", "klassenfahrt.anbieter"], note: "A list per child, one entry per trip. The page asks to report before the trip; a refund afterwards is possible." },
    { nr: "B3.3", question: "Persönlicher Schulbedarf (BKGG)", fields: ["schulbedarf.raten"], note: "Amounts from app/rechtsstand/but.ts (130 € + 65 €)." },
    { nr: "B3.4", question: "Schülerbeförderung: Weg, Fahrkarte, Preis, Leistung des Schulträgers", fields: ["befoerderung.schulwegKm", "befoerderung.fahrkarte", "befoerderung.kostenMonatlich", "befoerderung.ab", "befoerderung.schultraeger", "befoerderung.schultraegerBetrag"] },
    { nr: "B3.5", question: "Lernförderung: Fächer, Grund, Stunden, Zeitraum, Anbieter, Preis", fields: ["lernfoerderung.faecher", "lernfoerderung.grund", "lernfoerderung.stundenProWoche", "lernfoerderung.von", "lernfoerderung.bis", "lernfoerderung.anbieter", "lernfoerderung.preisProStunde"], note: "An application of its own in an SGB II case (§ 37 Abs. 1 S. 2 SGB II); health details optional." },
    { nr: "B3.6", question: "Erklärung: keine Leistungen nach § 35a SGB VIII", fields: ["lernfoerderung.leistungen35a"], note: "Asked as a question, not a forced declaration." },
    { nr: "B3.7", question: "Einverständnis: Schule bestätigt die Voraussetzungen (Teil B)", fields: ["lernfoerderung.schuleBestaetigt"], note: "Teil B is a German PDF to download from the page (school-form.server.ts) and a Nachweis slot." },
    { nr: "B3.8", question: "Mittagessen: Anbieter, Preis, Tage, ab", fields: ["mittagessen.anbieter", "mittagessen.preisProEssen", "mittagessen.tageProWoche", "mittagessen.ab"] },
    { nr: "B3.9", question: "Teilhabe: Verein oder Kurs, Aktivität, Beitrag, Rhythmus, ab", fields: ["teilhabe.aktivitaet", "teilhabe.anbieter", "teilhabe.beitrag", "teilhabe.rhythmus", "teilhabe.ab"], note: "A list per child (a club and a music school are two entries). Under 18 only; 15 € a month (app/rechtsstand/but.ts)." },
    { nr: "B4.1", question: "Zahlung an den Anbieter (Name, IBAN)", fields: ["ausflug.zahlung", "ausflug.anbieterIban"], note: "Asked alike on every page with a provider (texts at steps.zahlung). The invoice reference is not asked: the uploaded invoice carries it." },
    { nr: "B4.2", question: "Erstattung an die antragstellende Person (IBAN, Zahlungsnachweis)", fields: ["konto.kontoinhaber", "konto.iban"], note: "Asked once, when a refund or a cash payment (Schulbedarf, Schülerbeförderung) goes to the parent; Nachweis zahlungsnachweis per request." },
    { nr: "B5", question: "Erklärungen (§§ 60–65 SGB I, §§ 67a–c SGB X; Schule und Anbieter dürfen bestätigen)", fields: [], note: "The declaration on the check page." },
  ],
};
