/**
 * SubmissionDocument → XML after public/schemas/antrag-1.0.xsd.
 *
 * A generic walker: model keys become PascalCase elements, arrays become a container with one
 * child per item, and an object carrying `art` (the Fachdaten, each Änderung) becomes an element
 * named by its `art`, which is how the schema's xs:choice tells them apart. Values are written as
 * the model holds them (amounts stay "712.40", never numbers); undefined or empty optional values
 * are left out, as the schema's minOccurs="0" expects.
 */
import type { Anschrift, Person } from "~/model/common";
import type * as E from "~/model/erstantrag";
import type { Kurzantrag } from "~/model/kurzantrag";
import type { Aenderung, Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import {
  SCHEMA_NAMESPACE, SCHEMA_VERSION,
  type DocumentAnlage, type DocumentHeader, type DocumentNachweis, type SubmissionDocument,
} from "../document";

type ChangeOf<A extends Aenderung["art"]> = Extract<Aenderung, { art: A }>;
type IncomeOf<A extends E.Einkommen["art"]> = Extract<E.Einkommen, { art: A }>;
type Defined<T> = Exclude<T, undefined>;

/** The model type behind each complex element of the schema, keyed by element name. */
type Shapes = {
  Antrag: SubmissionDocument;
  Kopf: DocumentHeader;
  Jobcenter: DocumentHeader["jobcenter"];
  Anschrift: Anschrift;
  NeueAnschrift: Anschrift;
  Person: Person;
  Kind: Person;
  // The model's own `nachweise` are written once, at document level, where they carry a Bezeichnung.
  Veraenderungsmitteilung: Omit<Veraenderungsmitteilung, "nachweise">;
  MitteilendePerson: Veraenderungsmitteilung["mitteilendePerson"];
  Nachweis: DocumentNachweis;
  Anlage: DocumentAnlage;
  // Erstantrag
  Erstantrag: Omit<E.Erstantrag, "nachweise">;
  Antragstellung: E.Antragstellung;
  Antragsteller: E.Antragsteller;
  Aufenthalt: E.Aufenthalt;
  Bankkonto: Defined<E.Antragsteller["bankkonto"]>;
  Vertretung: Defined<E.Antragsteller["vertretung"]>;
  UnterhaltEhegatte: E.Unterhalt;
  UnterhaltElternteil: E.Unterhalt;
  UnterhaltSchwangerschaft: Defined<Defined<E.Lebenslage["schwangerschaftsangaben"]>["unterhaltSchwangerschaft"]>;
  Mitglied: E.Mitglied;
  Lebenslage: E.Lebenslage;
  Schwangerschaftsangaben: Defined<E.Lebenslage["schwangerschaftsangaben"]>;
  SchuleAusbildung: Defined<E.Lebenslage["schuleAusbildung"]>;
  Behinderung: Defined<E.Lebenslage["behinderung"]>;
  Ernaehrung: Defined<E.Lebenslage["ernaehrung"]>;
  BesondererBedarf: Defined<E.Lebenslage["besondererBedarf"]>;
  Stationaer: Defined<E.Lebenslage["stationaer"]>;
  Werdegang: E.Werdegang;
  Vorleistung: Defined<E.Werdegang["vorleistung"]>;
  Beschaeftigung: Defined<E.Werdegang["beschaeftigung"]>;
  Lohnersatz: Defined<E.Werdegang["lohnersatz"]>;
  Unfall: Defined<E.Werdegang["unfall"]>;
  SelbststaendigeTaetigkeit: E.Selbststaendigkeit;
  Prognose: Defined<E.Selbststaendigkeit["prognose"]>;
  KrankenPflegeversicherung: E.Krankenversicherung;
  Kinderangaben: E.Kinderangaben;
  Haushaltsgemeinschaft: Defined<E.Mitglied["haushaltsgemeinschaft"]>;
  Absetzungen: Defined<E.Mitglied["absetzungen"]>;
  EigenesEinkommen: Defined<E.Kinderangaben["eigenesEinkommen"]>;
  Verantwortungsgemeinschaft: E.Verantwortungsgemeinschaft;
  Unterkunft: E.Unterkunft;
  Direktzahlung: Defined<E.Unterkunft["direktzahlung"]>;
  Vermoegen: E.Vermoegen;
  Posten: E.Vermoegensposten;
  Formular: E.Formular;
  Erwerbseinkommen: IncomeOf<"Erwerbseinkommen">;
  Leistungseinkommen: IncomeOf<"Leistungseinkommen">;
  WeiteresEinkommen: IncomeOf<"WeiteresEinkommen">;
  // Kurzantrag
  Kurzantrag: Omit<Kurzantrag, "nachweise">;
  AntragstellendePerson: Kurzantrag["antragstellendePerson"];
} & { [A in Aenderung["art"]]: ChangeOf<A> };

type Fields<T> = readonly Exclude<keyof T, "art">[];

const PERSON = ["vorname", "nachname", "geburtsdatum"] as const;
const ANSCHRIFT = ["strasse", "hausnummer", "postleitzahl", "ort"] as const;
const UNTERHALT = ["name", "anschrift", "unterhalt", "betrag"] as const;

/**
 * Child order of every complex element: its xs:sequence. XSD sequences are ordered, and the key
 * order of a JS object is an accident of how it was built, so order is stated here once. tsc
 * rejects unknown fields (satisfies) and forgotten ones (NoFieldForgotten below).
 */
const SEQUENCE = {
  Antrag: ["kopf", "fachdaten", "nachweise", "anlagen"],
  Kopf: ["referenz", "verfahren", "formularversion", "rechtsstand", "eingang", "sprache", "jobcenter"],
  Jobcenter: ["id", "name", "anschrift"],
  Anschrift: ANSCHRIFT,
  NeueAnschrift: ANSCHRIFT,
  Person: PERSON,
  Kind: PERSON,
  Veraenderungsmitteilung: ["mitteilendePerson", "aenderungen", "anmerkungen"],
  MitteilendePerson: [...PERSON, "bgNummer", "telefon"],
  Nachweis: ["schluessel", "bezeichnung", "anlass", "betrifft"],
  Anlage: ["dateiname", "mimeType", "groesse", "sha256", "nachweisSchluessel"],
  Umzug: ["status", "datum", "zusicherung", "neueAnschrift", "gesamtmiete"],
  Unterkunftskosten: ["ab", "grundmiete", "nebenkosten", "heizkosten"],
  Abrechnung: ["abrechnungsart", "ergebnis", "betrag", "datum"],
  PersonEinzugAuszug: ["richtung", "person", "beziehung", "datum"],
  Familienstand: ["familienstand", "seit"],
  Schwangerschaft: ["entbindungstermin"],
  Geburt: ["kind"],
  Tod: ["person", "sterbedatum"],
  Arbeitsaufnahme: ["arbeitgeber", "beginn", "beschaeftigungsart", "bruttoMonatlich"],
  Arbeitsende: ["arbeitgeber", "ende", "grund"],
  Lohnaenderung: ["arbeitgeber", "ab", "brutto", "netto"],
  Selbststaendigkeit: ["richtung", "datum", "taetigkeit"],
  Ausbildung: ["richtung", "datum", "einrichtung", "foerderung"],
  Rente: ["stand", "rentenart", "datum", "betrag"],
  SonstigesEinkommen: ["einkommensart", "betrag", "zufluss", "beschreibung"],
  Vermoegenszufluss: ["vermoegensart", "wert", "datum", "beschreibung"],
  Bankverbindung: ["kontoinhaber", "iban", "ab"],
  Kontaktdaten: ["telefon", "email"],
  Krankenversicherung: ["krankenkasse", "versicherungsart", "ab"],
  Arbeitsunfaehigkeit: ["von", "bis"],
  StationaererAufenthalt: ["einrichtungsart", "einrichtung", "von", "bis"],
  Ortsabwesenheit: ["von", "bis", "ziel", "grund"],
  Erstantrag: ["leistung", "antragstellung", "antragsteller", "mitglieder", "verantwortungsgemeinschaft", "unterkunft", "vermoegen", "formulare", "anmerkungen"],
  Antragstellung: ["antragsdatum", "antragsweg", "kurzantragReferenz", "leistungsbeginn", "bewilligungszeitraumBeginn"],
  Antragsteller: [
    "vorname", "nachname", "geburtsname", "geburtsdatum", "geschlecht", "geburtsort", "geburtsland", "staatsangehoerigkeit",
    "aufenthalt", "anschrift", "ohneFestenWohnsitz", "wohnhaftBei", "postfach", "telefon", "email", "bankkonto", "keinKontoGrund", "steuerId", "rvNummer",
    "vertretung", "familienstand", "familienstandSeit", "unterhaltEhegatte",
  ],
  Aufenthalt: ["land", "aufenthaltsstatus", "einreise", "asylbewerberleistungen", "asylbewerberleistungenBis", "verpflichtungserklaerung", "azrNummer", "nationaleId"],
  Bankkonto: ["kontoinhaber", "iban"],
  Vertretung: ["vertretungsart", "name", "anschrift", "telefon", "eingereichtVon"],
  UnterhaltEhegatte: UNTERHALT,
  UnterhaltElternteil: UNTERHALT,
  UnterhaltSchwangerschaft: [...UNTERHALT, "vaterschaft"],
  Mitglied: [
    "personNr", "vorname", "nachname", "geburtsdatum", "geschlecht", "beziehung", "zugehoerigkeit", "formular",
    "geburtsname", "geburtsort", "geburtsland", "staatsangehoerigkeit", "aufenthalt", "steuerId", "rvNummer", "lebenslage", "werdegang",
    "selbststaendigeTaetigkeit", "krankenPflegeversicherung", "einkommen", "absetzungen", "kinderangaben", "haushaltsgemeinschaft",
  ],
  Lebenslage: ["erwerbsfaehig", "schwangerschaftsangaben", "schuleAusbildung", "behinderung", "ernaehrung", "besondererBedarf", "stationaer", "unterhaltElternteil"],
  Schwangerschaftsangaben: ["entbindungstermin", "unterhaltSchwangerschaft"],
  SchuleAusbildung: ["ausbildungsart", "einrichtung", "foerderung", "schulbuecher", "auswaertsUntergebracht"],
  Behinderung: ["teilhabe", "merkzeichenG"],
  Ernaehrung: ["erkrankung", "arzt", "schweigepflichtentbindung"],
  BesondererBedarf: ["beschreibung", "betrag", "haeufigkeit"],
  Stationaer: ["einrichtungsart", "von", "bis"],
  Werdegang: ["vorleistung", "beschaeftigung", "lohnersatz", "dienst", "pflege", "ansprueche", "unfall"],
  Vorleistung: ["leistungsart", "von", "bis", "traeger", "traegerAnschrift"],
  Beschaeftigung: ["arbeitgeber", "bis", "offenerLohn", "arbeitgeberAnschrift"],
  Lohnersatz: ["leistungsart", "von", "bis"],
  Unfall: ["datum", "hergang", "verursacher", "versicherung"],
  SelbststaendigeTaetigkeit: ["taetigkeit", "seit", "aktuell", "prognose"],
  Prognose: ["einnahmen", "wareneinkauf", "raumkosten", "fahrzeugkosten", "personalkosten", "sonstigeAusgaben", "steuern", "umsatzsteuer"],
  KrankenPflegeversicherung: ["versicherungsart", "krankenkasse", "tarif", "beitragKv", "beitragPv"],
  Kinderangaben: [
    "kindergeld", "betreuung", "kinderversicherung", "kindesunterhalt", "unterhaltsbetrag", "unterhaltspflichtiger",
    "unterhaltspflichtigerAnschrift", "eigenesEinkommen",
  ],
  EigenesEinkommen: ["bezeichnung", "betrag"],
  Absetzungen: ["entfernungKm", "versicherungen", "riester", "unterhaltTitel"],
  Haushaltsgemeinschaft: ["einkommenVorhanden", "einkommenBetrag", "vermoegenVorhanden", "vermoegenBetrag", "unterstuetzung"],
  Verantwortungsgemeinschaft: ["hinweise", "einstehenswille"],
  Unterkunft: ["wohnform", "flaeche", "grundmiete", "schuldzinsen", "nebenkosten", "heizkosten", "heizungsart", "warmwasser", "warmwasserEnergie", "direktzahlung"],
  Direktzahlung: ["name", "anschrift", "iban"],
  Vermoegen: ["regime", "grenze", "erheblich", "vermoegensposten"],
  Posten: ["vermoegensart", "wert", "beschreibung", "baujahr", "immobilienart", "selbstgenutzt", "anteil", "datum"],
  Formular: ["kuerzel", "personNr"],
  Erwerbseinkommen: ["arbeitgeber", "beschaeftigungsart", "brutto", "netto", "beginn"],
  Leistungseinkommen: ["leistungsart", "betrag", "seit"],
  WeiteresEinkommen: ["bezeichnung", "betrag"],
  Kurzantrag: ["leistung", "antragstellendePerson", "haushaltsgroesse", "anmerkungen"],
  AntragstellendePerson: ["vorname", "nachname", "geburtsdatum", "anschrift", "telefon", "email"],
} as const satisfies { [E in keyof Shapes]: Fields<Shapes[E]> };

/** Model fields missing from SEQUENCE; a new model field that would silently vanish from the XML breaks the build. */
type Forgotten = { [E in keyof Shapes]: Exclude<keyof Shapes[E], "art" | (typeof SEQUENCE)[E][number]> }[keyof Shapes];
type AssertNever<T extends never> = T;
type NoFieldForgotten = AssertNever<Forgotten>;

/** Element names that are not simply the capitalised key (acronyms). */
const NAMES: Record<string, string> = { sha256: "SHA256", iban: "IBAN" };
/** Item element of list containers whose items carry no `art`. */
const ITEMS: Record<string, string> = {
  Nachweise: "Nachweis", Anlagen: "Anlage", Mitglieder: "Mitglied", Formulare: "Formular", Hinweise: "Hinweis", Vermoegensposten: "Posten",
};

const elementName = (key: string) => NAMES[key] ?? key[0].toUpperCase() + key.slice(1);

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** Anything XML 1.0 does not allow in text: C0 controls, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Character data for an element. Line ends become "\n" as any XML parser reports them (a raw "\r"
 * is dropped by one parser and kept by another, and a seal computed over the one fails with the
 * other); characters XML forbids (pasted control characters) become U+FFFD instead of making
 * the whole submission unparseable.
 */
export const text = (value: string) =>
  value.replace(/\r\n?/g, "\n").replace(/[&<>]/g, (c) => ESCAPES[c]).replace(NOT_XML_CHAR, "\uFFFD");

function appendValue(out: string[], name: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  if (Array.isArray(value)) {
    out.push(`<${name}>`);
    for (const item of value) appendValue(out, ITEMS[name] ?? (item as { art: string }).art, item);
    out.push(`</${name}>`);
  } else if (typeof value === "object") {
    appendObject(out, name, value as Record<string, unknown>);
  } else {
    out.push(`<${name}>${text(String(value))}</${name}>`);
  }
}

function appendObject(out: string[], name: string, value: Record<string, unknown>): void {
  out.push(`<${name}>`);
  if (typeof value.art === "string" && value.art !== name) {
    // A choice (<Fachdaten><Veraenderungsmitteilung>): the wrapper holds one element named by `art`.
    appendObject(out, value.art, value);
  } else {
    const fields: readonly string[] | undefined = SEQUENCE[name as keyof typeof SEQUENCE];
    if (!fields) throw new Error(`renderXml: no schema sequence for <${name}>`);
    for (const key of fields) appendValue(out, elementName(key), value[key]);
  }
  out.push(`</${name}>`);
}

/**
 * A model value with every object's keys in schema order (SEQUENCE) and undefined values left
 * out; keys the schema does not place (e.g. the model's own `nachweise`) follow in their order.
 * What the XML writes and the caseworker PDF prints read in this order, whatever order code
 * built the object in.
 */
export function inSchemaOrder<T>(name: string, value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => inSchemaOrder(ITEMS[name] ?? (item as { art?: string })?.art ?? name, item)) as T;
  }
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  const element = typeof object.art === "string" && object.art !== name && SEQUENCE[object.art as keyof typeof SEQUENCE] ? object.art : name;
  const fields: readonly string[] = SEQUENCE[element as keyof typeof SEQUENCE] ?? [];
  const out: Record<string, unknown> = {};
  if ("art" in object) out.art = object.art;
  for (const key of [...fields, ...Object.keys(object).filter((k) => !fields.includes(k))]) {
    if (key === "art" || object[key] === undefined || !(key in object)) continue;
    out[key] = inSchemaOrder(elementName(key), object[key]);
  }
  return out as T;
}

/**
 * Plain string building: an XML builder library (xmlbuilder2) costs ~20 µs per element, 2.5 ms
 * per document, against a budget of 2 ms. Element names come only from SEQUENCE (an unknown `art`
 * throws), so only text needs escaping.
 */
export function renderXml(doc: SubmissionDocument): string {
  const out = [`<?xml version="1.0" encoding="UTF-8"?>\n<Antrag xmlns="${SCHEMA_NAMESPACE}" Schemaversion="${SCHEMA_VERSION}">`];
  for (const key of SEQUENCE.Antrag) appendValue(out, elementName(key), doc[key]);
  out.push("</Antrag>");
  return out.join("");
}
