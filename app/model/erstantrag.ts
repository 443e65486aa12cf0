/**
 * The canonical Erstantrag: what the jobcenter receives in place of the Hauptantrag and its
 * Anlagen. One object per Bedarfsgemeinschaft application; every person of the household is a
 * Mitglied with the data of their Anlage (WEP, KI, HG). XML, PDF and the caseworker view are
 * rendered from this; public/schemas/antrag-1.0.xsd defines it as the element <Erstantrag>.
 */
import type { Anschrift, Betrag, Datum, Nachweis } from "./common";

export interface Erstantrag {
  art: "Erstantrag";
  /** "Bürgergeld" before 01.07.2026, "Grundsicherungsgeld" from then on (by the application date). */
  leistung: string;
  antragstellung: Antragstellung;
  antragsteller: Antragsteller;
  /** Everyone in the household, the applicant first (personNr 1). */
  mitglieder: Mitglied[];
  verantwortungsgemeinschaft?: Verantwortungsgemeinschaft;
  unterkunft?: Unterkunft;
  vermoegen: Vermoegen;
  /** The official forms these data stand in for: HA, and each Anlage with its person. */
  formulare: Formular[];
  anmerkungen?: string;
  nachweise: Nachweis[];
}

export interface Antragstellung {
  /** The date the application counts from (§ 37 SGB II). */
  antragsdatum: Datum;
  antragsweg: "online" | "telefonisch" | "persoenlich" | "schriftlich" | "email" | "kurzantrag";
  /** The portal's Kurzantrag that secured the date, if any. */
  kurzantragReferenz?: string;
  leistungsbeginn: Datum;
  bewilligungszeitraumBeginn: Datum;
}

export interface Aufenthalt {
  land: string;
  aufenthaltsstatus: string;
  einreise?: Datum;
  /** Audit E3: the residence title's legal basis and validity; an EU citizen's ground of free movement. */
  rechtsgrundlage?: string;
  gueltigBis?: Datum;
  freizuegigkeitsgrund?: string;
  /** Asked only where the status allows AsylbLG (ADR 0039); absent = not asked. */
  asylbewerberleistungen?: boolean;
  /** HA 25: until when AsylbLG is paid, if known. */
  asylbewerberleistungenBis?: Datum;
  /** Asked only with a residence title, settlement permit or Fiktionsbescheinigung (ADR 0039); absent = not asked. */
  verpflichtungserklaerung?: boolean;
  azrNummer?: string;
  nationaleId?: string;
}

export interface Antragsteller {
  vorname: string;
  nachname: string;
  geburtsname?: string;
  geburtsdatum: Datum;
  geschlecht: string;
  geburtsort: string;
  geburtsland: string;
  staatsangehoerigkeit: string;
  aufenthalt?: Aufenthalt;
  anschrift: Anschrift;
  ohneFestenWohnsitz: boolean;
  /** HA 16: where someone without a fixed address lives or gets post. */
  wohnhaftBei?: string;
  postfach?: string;
  telefon?: string;
  email?: string;
  bankkonto?: { kontoinhaber: string; iban: string };
  keinKontoGrund?: string;
  steuerId?: string;
  rvNummer?: string;
  vertretung?: { vertretungsart: string; name: string; anschrift: string; telefon?: string; eingereichtVon: string };
  familienstand: string;
  familienstandSeit?: Datum;
  /** Anlage UH1 */
  unterhaltEhegatte?: Unterhalt;
}

/** Maintenance owed by someone outside the household (UH1–UH3). */
export interface Unterhalt {
  name?: string;
  anschrift?: string;
  unterhalt: "erhalten" | "tituliert" | "keiner";
  betrag?: Betrag;
}

export type Zugehoerigkeit = "Bedarfsgemeinschaft" | "Haushaltsgemeinschaft" | "Wohngemeinschaft";

export interface Mitglied {
  personNr: number;
  vorname: string;
  nachname: string;
  geburtsdatum: Datum;
  geschlecht: string;
  beziehung: string;
  zugehoerigkeit: Zugehoerigkeit;
  /** HA (the applicant), WEP, KI, HG, or none (flat-share). */
  formular: "HA" | "WEP" | "KI" | "HG" | "keines";
  /** A minor child: where it mainly lives (audit E5). */
  lebensmittelpunkt?: "ueberwiegend" | "haelftig" | "umgang";
  /** Anlage WEP: Geburtsname of a further person (the applicant's is in Antragsteller). */
  geburtsname?: string;
  geburtsort?: string;
  geburtsland?: string;
  staatsangehoerigkeit?: string;
  aufenthalt?: Aufenthalt;
  steuerId?: string;
  rvNummer?: string;
  lebenslage?: Lebenslage;
  werdegang?: Werdegang;
  selbststaendigeTaetigkeit?: Selbststaendigkeit;
  krankenPflegeversicherung?: Krankenversicherung;
  einkommen?: Einkommen[];
  /** Anlage EK: deductions from earned income. */
  absetzungen?: { entfernungKm?: number; versicherungen?: Betrag; riester?: Betrag; unterhaltTitel?: Betrag };
  kinderangaben?: Kinderangaben;
  haushaltsgemeinschaft?: { einkommenVorhanden: string; einkommenBetrag?: Betrag; vermoegenVorhanden: string; vermoegenBetrag?: Betrag; unterstuetzung: boolean };
  /** A child: BuT costs already known, and whether Lernförderung is to be applied for (issue #16); ["keine"] said none. */
  bildungUndTeilhabe?: { bekannteKosten: string[] };
}

export interface Lebenslage {
  /** Not asked for children under 15. */
  erwerbsfaehig?: boolean;
  schwangerschaftsangaben?: { entbindungstermin: Datum; unterhaltSchwangerschaft?: Unterhalt & { vaterschaft: string } };
  schuleAusbildung?: { ausbildungsart: string; einrichtung: string; foerderung: string; schulbuecher?: Betrag; auswaertsUntergebracht: boolean };
  /** merkzeichenG: asked only of a person who cannot work (audit E8). */
  behinderung?: { teilhabe: string; merkzeichenG?: boolean };
  /** Anlage MEB; `schweigepflichtentbindung`: the doctor is released from confidentiality towards the jobcenter. */
  ernaehrung?: { erkrankung: string; arzt: string; schweigepflichtentbindung: boolean };
  besondererBedarf?: { beschreibung: string; betrag: Betrag; haeufigkeit: string };
  stationaer?: { einrichtungsart: string; von: Datum; bis?: Datum };
  /** Anlage UH3: a parent outside the BG. */
  unterhaltElternteil?: Unterhalt;
}

export interface Werdegang {
  vorleistung?: { leistungsart: string; von?: Datum; bis: Datum; traeger: string; traegerAnschrift?: string };
  beschaeftigung?: { arbeitgeber: string; bis?: Datum; offenerLohn: boolean; arbeitgeberAnschrift?: string };
  lohnersatz?: { leistungsart: string; von?: Datum; bis?: Datum };
  /** HA 42/43: other benefits applied for, not yet decided. */
  beantragteLeistungen?: { leistungsarten: string[]; angaben?: string };
  dienst: boolean;
  pflege: boolean;
  ansprueche?: string;
  unfall?: { datum: Datum; hergang: string; verursacher?: string; versicherung?: string };
  /** HA 73: how the person lived so far, when neither the past nor the income says it. */
  bisherigerLebensunterhalt?: { quellen: string[]; angaben?: string };
}

/** Anlage EKS, with the provisional declaration (monthly forecast) while the business runs. */
export interface Selbststaendigkeit {
  taetigkeit: string;
  seit: Datum;
  aktuell: boolean;
  prognose?: {
    einnahmen: Betrag;
    wareneinkauf?: Betrag;
    raumkosten?: Betrag;
    fahrzeugkosten?: Betrag;
    personalkosten?: Betrag;
    sonstigeAusgaben?: Betrag;
    steuern?: Betrag;
    umsatzsteuer: string;
    /** Audit E1, with Regelbesteuerung only: VAT received (income), Vorsteuer and VAT paid to the Finanzamt (expenses). */
    umsatzsteuerEinnahmen?: Betrag;
    vorsteuer?: Betrag;
    umsatzsteuerZahlung?: Betrag;
  };
}

export interface Krankenversicherung {
  versicherungsart: string;
  krankenkasse?: string;
  /** Anlage SV */
  tarif?: string;
  beitragKv?: Betrag;
  beitragPv?: Betrag;
}

export type Einkommen =
  | { art: "Erwerbseinkommen"; arbeitgeber: string; beschaeftigungsart: string; brutto: Betrag; netto: Betrag; beginn?: Datum; /** Day of the month the wage arrives (EK-6). */ zahltag?: number }
  | { art: "Leistungseinkommen"; leistungsart: string; betrag: Betrag; seit?: Datum }
  | { art: "WeiteresEinkommen"; bezeichnung: string; betrag: Betrag; haeufigkeit?: string; zufluss?: Datum };

/** Anlage KI */
export interface Kinderangaben {
  kindergeld: string;
  betreuung: string;
  kinderversicherung: string;
  kindesunterhalt: string;
  unterhaltsbetrag?: Betrag;
  unterhaltspflichtiger?: string;
  unterhaltspflichtigerAnschrift?: string;
  eigenesEinkommen?: { bezeichnung: string; betrag: Betrag };
}

/** Anlage VE */
export interface Verantwortungsgemeinschaft {
  hinweise: string[];
  einstehenswille: boolean;
}

/** Anlage KDU */
export interface Unterkunft {
  wohnform: string;
  flaeche: number;
  grundmiete?: Betrag;
  schuldzinsen?: Betrag;
  /** Absent with a Pauschalmiete (KDU-10), which is one amount with what it includes. */
  nebenkosten?: Betrag;
  heizkosten?: Betrag;
  pauschalmiete?: Betrag;
  pauschalEnthalten?: string[];
  heizungsart: string;
  /** KDU-14: the fuel (not for district heating or a gas boiler in the flat). */
  brennstoff?: string;
  warmwasser: "zentral" | "dezentral";
  /** KDU item 29: how decentral hot water is heated. */
  warmwasserEnergie?: string;
  direktzahlung?: { name: string; anschrift: string; iban: string };
  /** Audit E6 (b), § 22 Abs. 5: only for an unmarried applicant under 25 without a parent in the household. */
  auszugElternhaus?: { ausgezogen: boolean; datum?: string; zusicherung?: string; begruendung?: string };
}

/** Anlage VM, once per Bedarfsgemeinschaft. */
export interface Vermoegen {
  /** "Karenzzeit" (Bürgergeld, BWZ before 01.07.2026) or "Altersstufen" (Grundsicherungsgeld). */
  regime: "Karenzzeit" | "Altersstufen";
  /** The limit the applicant answered against: erhebliches Vermögen, or the sum of the allowances. */
  grenze: Betrag;
  /** Karenzzeit regime: the self-declaration whether Vermögen exceeds the limit. */
  erheblich?: boolean;
  vermoegensposten: Vermoegensposten[];
}

export interface Vermoegensposten {
  vermoegensart: string;
  wert: Betrag;
  beschreibung?: string;
  baujahr?: number;
  immobilienart?: string;
  selbstgenutzt?: boolean;
  anteil?: string;
  datum?: Datum;
  /** A vehicle: whom it belongs to (VM-19), and whether it is declared appropriate (E9). */
  eigentuemer?: string;
  angemessen?: boolean;
}

export interface Formular {
  kuerzel: string;
  personNr?: number;
}
