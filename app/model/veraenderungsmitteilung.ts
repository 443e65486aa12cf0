/**
 * The canonical Veränderungsmitteilung: what the jobcenter receives, in the terms of
 * § 60 SGB I and the BA forms. XML, PDF and the caseworker view are rendered from this.
 */
import type { Anschrift, Betrag, Datum, Nachweis, Person } from "./common";
import type { Mitglied, Unterkunft, Verantwortungsgemeinschaft, Vermoegensposten } from "./erstantrag";

/**
 * Audit V3: what the Anlage WEP / KI records of a person who moved in (the Erstantrag's pages of
 * a further person, each element only if asked), and the person's Vermögen.
 */
export type NeuePerson = Partial<Omit<Mitglied, "personNr" | "vorname" | "nachname" | "geburtsdatum" | "beziehung" | "zugehoerigkeit" | "formular">> & {
  /** An unmarried partner: the indicators of the Anlage VE and whether the two stand in for each other. */
  verantwortungsgemeinschaft?: Verantwortungsgemeinschaft;
  eigenesVermoegen?: { vorhanden: boolean; vermoegensposten?: Pick<Vermoegensposten, "vermoegensart" | "beschreibung" | "wert">[] };
};

export interface Veraenderungsmitteilung {
  art: "Veraenderungsmitteilung";
  mitteilendePerson: Person & { bgNummer?: string; telefon?: string };
  aenderungen: Aenderung[];
  anmerkungen?: string;
  nachweise: Nachweis[];
}

/** Whom a change concerns (audit V1): the reporting person, or another person of the household. */
export interface Betrifft {
  person: "selbst" | "andere";
  vorname?: string;
  nachname?: string;
}

/** Changes that concern one person say whom (the others name their persons or concern the household). */
type Personal = { betrifft?: Betrifft };

export type Aenderung =
  | { art: "Umzug"; status: "geplant" | "erfolgt"; datum: Datum; zusicherung: "erteilt" | "beantragt" | "nein"; neueAnschrift: Anschrift; gesamtmiete?: Betrag; neueWohnung?: Unterkunft; kostenuebernahme?: ("kaution" | "umzugskosten" | "wohnungsbeschaffung" | "keine")[] }
  | { art: "Unterkunftskosten"; ab: Datum; grundmiete: Betrag; nebenkosten: Betrag; heizkosten: Betrag }
  | { art: "Abrechnung"; abrechnungsart: "betriebskosten" | "heizkosten" | "beides"; ergebnis: "guthaben" | "nachzahlung"; betrag: Betrag; datum: Datum }
  | { art: "Untervermietung"; aenderung: "beginn" | "ende" | "betrag"; ab: Datum; einnahme?: Betrag }
  | { art: "PersonEinzugAuszug"; richtung: "einzug" | "auszug"; person: Person; beziehung: string; datum: Datum; angaben?: NeuePerson }
  | { art: "Familienstand"; familienstand: string; seit: Datum }
  | { art: "Schwangerschaft"; entbindungstermin: Datum } & Personal
  | { art: "Geburt"; kind: Person; kindergeld?: string; kinderversicherung?: string; kindesunterhalt?: string; vaterschaft?: string }
  | { art: "Tod"; person: Person; sterbedatum: Datum }
  | { art: "Pflege"; richtung: "beginn" | "ende"; ab: Datum; gepflegtePerson: string; pflegegrad?: string; stundenProWoche?: number } & Personal
  | { art: "SchuleKita"; einrichtungsart: "kita" | "schule"; aenderung: "beginn" | "wechsel" | "ende"; datum: Datum; einrichtung?: string; danach?: string } & Personal
  | { art: "Namensaenderung"; neuerVorname: string; neuerNachname: string; grund: string; seit: Datum } & Personal
  | { art: "Aufenthaltstitel"; aenderung: string; ab: Datum; gueltigBis?: Datum } & Personal
  | { art: "Arbeitsaufnahme"; arbeitgeber: string; beginn: Datum; beschaeftigungsart: string; bruttoMonatlich?: Betrag; stundenProWoche?: number; zahltag?: number } & Personal
  | { art: "Arbeitsende"; arbeitgeber: string; ende: Datum; grund: string } & Personal
  | { art: "Lohnaenderung"; arbeitgeber: string; ab: Datum; brutto: Betrag; netto?: Betrag } & Personal
  | { art: "Selbststaendigkeit"; richtung: "beginn" | "ende"; datum: Datum; taetigkeit: string } & Personal
  | { art: "Ausbildung"; richtung: "beginn" | "ende"; datum: Datum; einrichtung: string; foerderung: string } & Personal
  | { art: "Rente"; stand: string; rentenart: string; datum: Datum; betrag?: Betrag } & Personal
  | { art: "AndereLeistung"; leistung: string; aenderung: "beginn" | "ende" | "betrag"; ab: Datum; betrag?: Betrag } & Personal
  | { art: "SonstigesEinkommen"; einkommensart: string; betrag: Betrag; zufluss: Datum; beschreibung?: string } & Personal
  | { art: "Vermoegenszufluss"; vermoegensart: string; wert: Betrag; datum: Datum; beschreibung?: string } & Personal
  | { art: "Vermoegensverkauf"; gegenstand: string; beschreibung: string; datum: Datum; erloes: Betrag } & Personal
  | { art: "Versicherungsleistung"; versicherungsart: string; betrag: Betrag; zufluss: Datum; beschreibung?: string } & Personal
  | { art: "Bankverbindung"; kontoinhaber: string; iban: string; ab: Datum }
  | { art: "Kontaktdaten"; telefon?: string; email?: string }
  | { art: "Krankenversicherung"; krankenkasse: string; versicherungsart: string; ab: Datum } & Personal
  | { art: "Arbeitsunfaehigkeit"; von: Datum; bis: Datum } & Personal
  | { art: "StationaererAufenthalt"; einrichtungsart: string; einrichtung: string; von: Datum; bis?: Datum } & Personal
  | { art: "Mehrbedarf"; mehrbedarfsart: string; richtung: "beginn" | "ende"; ab: Datum; beschreibung?: string } & Personal
  | { art: "Ortsabwesenheit"; von: Datum; bis: Datum; ziel: "inland" | "ausland"; grund?: string } & Personal;
