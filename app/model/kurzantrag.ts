/**
 * The Kurzantrag: an informal application (§ 37 SGB II; the application is bound to no form)
 * that secures the application date at once. The full Erstantrag follows with its reference.
 */
import type { Anschrift, Datum, Nachweis } from "./common";

export interface Kurzantrag {
  art: "Kurzantrag";
  leistung: string;
  /** What the Kurzantrag secures the date for, if not an Erstantrag: a renewal with its period. */
  anliegen?: { verfahren: "weiterbewilligung"; bwzEndeBisher?: Datum; bgNummer?: string };
  antragstellendePerson: {
    vorname: string;
    nachname: string;
    geburtsdatum: Datum;
    anschrift: Anschrift;
    telefon?: string;
    email?: string;
  };
  haushaltsgroesse?: number;
  anmerkungen?: string;
  nachweise: Nachweis[];
}
