/**
 * The canonical Weiterbewilligungsantrag: the renewal for the next Bewilligungszeitraum. Sections
 * 2–5 of the BA form ask the current state, so persons, housing and Vermögen are the Erstantrag's
 * types; the renewal adds its period, what changed that the other pages do not ask, separate
 * applications, and per prefilled page whether it was confirmed or changed.
 * public/schemas/antrag-1.0.xsd: <Weiterbewilligungsantrag>.
 */
import type { Datum } from "./common";
import type { Antragsteller, Formular, Mitglied, Unterkunft, Verantwortungsgemeinschaft, Vermoegen } from "./erstantrag";
import type { Nachweis, Person } from "./common";

export interface Weiterbewilligungsantrag {
  art: "Weiterbewilligungsantrag";
  leistung: string;
  weiterbewilligung: Weiterbewilligung;
  antragsteller: Antragsteller;
  mitglieder: Mitglied[];
  verantwortungsgemeinschaft?: Verantwortungsgemeinschaft;
  unterkunft?: Unterkunft;
  /** The Veränderungsmitteilung's change types the renewal asks (W3.3: a Betriebs- or Heizkostenabrechnung). */
  aenderungen?: { art: "Abrechnung"; abrechnungsart: string; ergebnis: string; betrag: string; datum: Datum }[];
  vermoegen: Vermoegen;
  gesonderteAntraege?: { antragsart: "darlehen" | "erstausstattung" | "lernfoerderung"; beschreibung: string }[];
  formulare: Formular[];
  anmerkungen?: string;
  nachweise: Nachweis[];
}

export interface Weiterbewilligung {
  bwzEndeBisher: Datum;
  /** The day after the end, or after a gap the first of the month of the renewal (§ 37 Abs. 2 S. 2). */
  bwzBeginnNeu: Datum;
  antragsdatum: Datum;
  /** A Kurzantrag of this portal that secured the date. */
  kurzantragReferenz?: string;
  bgNummer?: string;
  /** The earlier sealed submission the answers were prefilled from. */
  vorantrag?: { referenz: string; eingang: string };
  /** W2.2/W2.3, derived from the prefilled household: who joined, who no longer lives here. */
  personenwechsel?: { neu?: Person[]; nichtMehrImHaushalt?: Person[] };
  /** W3.1: moved since the last application. */
  wohnungswechsel?: { datum: Datum; zusicherung: string };
  /** W6: changes not yet reported that the other pages do not ask. */
  weitereAenderungen: { arten: string[]; beschreibung?: string; absehbar?: string };
  /** Per prefilled page: confirmed unchanged, or changed. */
  abgleich?: { schluessel: string; status: "bestaetigt" | "geaendert" }[];
}
