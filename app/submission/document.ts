/**
 * What a sealed submission is rendered from: the canonical model of the flow plus the header
 * every document carries. XML, caseworker PDF and receipt read only this, never form answers.
 * Dates are ISO `YYYY-MM-DD`, timestamps ISO-8601 UTC, amounts decimal strings "1234.50".
 */
import type { Nachweis } from "~/model/common";

export const SCHEMA_VERSION = "1.0";
export const SCHEMA_NAMESPACE = "urn:de:antragsportal:antrag:1.0";
export const SCHEMA_PATH = `/schemas/antrag-${SCHEMA_VERSION}.xsd`;

/** The documents stored with every submission. */
export const DOCUMENT_KINDS = {
  xml: { kind: "antrag-xml", fileName: "antrag.xml", mediaType: "application/xml" },
  pdf: { kind: "antrag-pdf", fileName: "antrag.pdf", mediaType: "application/pdf" },
} as const;

export interface DocumentHeader {
  /** The 8-character reference shown to the applicant. */
  referenz: string;
  /** Flow id: veraenderung, later erstantrag, weiterbewilligung, but. */
  verfahren: string;
  formularversion: string;
  /** Date whose law applies (YYYY-MM-DD). */
  rechtsstand: string;
  /** Receipt time, ISO-8601 UTC. */
  eingang: string;
  /** The applicant's language (ISO 639-1); the documents themselves are German. */
  sprache: string;
  jobcenter: {
    id: string;
    name: string;
    anschrift: { strasse: string; hausnummer: string; postleitzahl: string; ort: string };
  };
}

export interface DocumentNachweis {
  schluessel: string;
  /** German name of the Nachweis (from locales/de/<flow>.json → nachweise). */
  bezeichnung: string;
  anlass: string;
  betrifft?: string;
}

export interface DocumentAnlage {
  dateiname: string;
  mimeType: string;
  groesse: number;
  sha256: string;
  /** The Nachweis the file was uploaded for (checklist key, or "sonstiges"). */
  nachweisSchluessel?: string;
}

/**
 * A flow's canonical model (app/model/<flow>.ts), named by `art` — the element the XSD's
 * <Fachdaten> choice holds. Each flow knows its own shape; everything outside the flow's folder
 * sees only this.
 */
export interface Fachdaten {
  art: string;
  anmerkungen?: string;
  nachweise: Nachweis[];
}

export interface SubmissionDocument {
  kopf: DocumentHeader;
  fachdaten: Fachdaten;
  nachweise: DocumentNachweis[];
  anlagen: DocumentAnlage[];
}
