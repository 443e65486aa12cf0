/**
 * The canonical Veränderungsmitteilung: what the jobcenter receives, in the terms of
 * § 60 SGB I and the BA forms. XML, PDF and the caseworker view are rendered from this.
 */
import type { Anschrift, Betrag, Datum, Nachweis, Person } from "./common";

export interface Veraenderungsmitteilung {
  art: "Veraenderungsmitteilung";
  mitteilendePerson: Person & { bgNummer?: string; telefon?: string };
  aenderungen: Aenderung[];
  anmerkungen?: string;
  nachweise: Nachweis[];
}

export type Aenderung =
  | { art: "Umzug"; status: "geplant" | "erfolgt"; datum: Datum; zusicherung: "erteilt" | "beantragt" | "nein"; neueAnschrift: Anschrift; gesamtmiete?: Betrag }
  | { art: "Unterkunftskosten"; ab: Datum; grundmiete: Betrag; nebenkosten: Betrag; heizkosten: Betrag }
  | { art: "Abrechnung"; abrechnungsart: "betriebskosten" | "heizkosten" | "beides"; ergebnis: "guthaben" | "nachzahlung"; betrag: Betrag; datum: Datum }
  | { art: "PersonEinzugAuszug"; richtung: "einzug" | "auszug"; person: Person; beziehung: string; datum: Datum }
  | { art: "Familienstand"; familienstand: string; seit: Datum }
  | { art: "Schwangerschaft"; entbindungstermin: Datum }
  | { art: "Geburt"; kind: Person }
  | { art: "Tod"; person: Person; sterbedatum: Datum }
  | { art: "Arbeitsaufnahme"; arbeitgeber: string; beginn: Datum; beschaeftigungsart: string; bruttoMonatlich?: Betrag }
  | { art: "Arbeitsende"; arbeitgeber: string; ende: Datum; grund: string }
  | { art: "Lohnaenderung"; arbeitgeber: string; ab: Datum; brutto: Betrag; netto?: Betrag }
  | { art: "Selbststaendigkeit"; richtung: "beginn" | "ende"; datum: Datum; taetigkeit: string }
  | { art: "Ausbildung"; richtung: "beginn" | "ende"; datum: Datum; einrichtung: string; foerderung: string }
  | { art: "Rente"; stand: string; rentenart: string; datum: Datum; betrag?: Betrag }
  | { art: "SonstigesEinkommen"; einkommensart: string; betrag: Betrag; zufluss: Datum; beschreibung?: string }
  | { art: "Vermoegenszufluss"; vermoegensart: string; wert: Betrag; datum: Datum; beschreibung?: string }
  | { art: "Bankverbindung"; kontoinhaber: string; iban: string; ab: Datum }
  | { art: "Kontaktdaten"; telefon?: string; email?: string }
  | { art: "Krankenversicherung"; krankenkasse: string; versicherungsart: string; ab: Datum }
  | { art: "Arbeitsunfaehigkeit"; von: Datum; bis: Datum }
  | { art: "StationaererAufenthalt"; einrichtungsart: string; einrichtung: string; von: Datum; bis?: Datum }
  | { art: "Ortsabwesenheit"; von: Datum; bis: Datum; ziel: "inland" | "ausland"; grund?: string };
