/**
 * The BuT-Antrag (§§ 28–30 SGB II; § 6b BKGG): for families with Grundsicherungsgeld the report
 * of a concrete cost (the Hauptantrag applied for it, § 37 Abs. 1 S. 2) and the Antrag on
 * Lernförderung; for families with Wohngeld or Kinderzuschlag the Antrag on every category.
 * One Kind per child, each with its Leistungen (an element per category, named by `art`).
 */
import type { Anschrift, Betrag, Datum, Nachweis, Person } from "./common";

export type Rechtskreis = "grundsicherung" | "wohngeld" | "kinderzuschlag";

export interface BuT {
  art: "BuT";
  rechtskreis: Rechtskreis;
  /** The Erstantrag or renewal this continues (Lernförderung asked for there), by its reference. */
  bezugReferenz?: string;
  antragsperson: Person & { aktenzeichen?: string; telefon?: string; email?: string };
  /** BKGG only: where the family lives (the Jobcenter already knows it in an SGB II case). */
  anschrift?: Anschrift;
  /** BKGG only: the Wohngeld or Kinderzuschlag Bescheid the entitlement rests on. */
  bescheid?: { bewilligtVon: Datum; bewilligtBis: Datum };
  kinder: Kind[];
  /** The parent's account, for refunds and for what is paid as cash (Schulbedarf, Schülerbeförderung). */
  konto?: { kontoinhaber: string; iban: string };
  nachweise: Nachweis[];
}

export interface Kind extends Person {
  einrichtung: "kita" | "kindertagespflege" | "schule" | "keine";
  einrichtungName?: string;
  klasse?: string;
  /** A pupil with training pay gets no Bildung benefits (§ 28 Abs. 1 S. 2 SGB II). */
  ausbildungsverguetung?: boolean;
  leistungen: Leistung[];
}

/** How a request is paid: to the provider, or back to the parent who paid. */
interface Zahlung {
  zahlung: "anbieter" | "erstattung";
  anbieterIban?: string;
}

export type Leistung =
  | { art: "Ausflug"; beschreibung: string; datum: Datum; kosten: Betrag; anbieter: string } & Zahlung
  | { art: "Klassenfahrt"; reiseziel: string; von: Datum; bis: Datum; kosten: Betrag; anbieter: string } & Zahlung
  | { art: "Schulbedarf"; raten: ("august" | "februar")[] }
  | { art: "Schuelerbefoerderung"; schulwegKm: number; fahrkarte: string; kostenMonatlich: Betrag; ab: Datum; schultraeger: "nichtBeantragt" | "abgelehnt" | "teilweise"; schultraegerBetrag?: Betrag }
  | { art: "Lernfoerderung"; faecher: string[]; grund: string; stundenProWoche: number; von: Datum; bis: Datum; anbieter: string; preisProStunde: Betrag; leistungen35a: "nein" | "ja"; schuleBestaetigt: boolean } & Zahlung
  | { art: "Mittagsverpflegung"; anbieter: string; preisProEssen: Betrag; tageProWoche: number; ab: Datum } & Zahlung
  | { art: "SozialeTeilhabe"; aktivitaet: string; anbieter: string; beitrag: Betrag; rhythmus: "monatlich" | "vierteljaehrlich" | "jaehrlich" | "einmalig"; ab: Datum } & Zahlung;
