/** Building blocks shared by every canonical model. Dates are ISO `YYYY-MM-DD`, amounts decimal strings "1234.50". */
export type Datum = string;
export type Betrag = string;

export interface Anschrift {
  strasse: string;
  hausnummer: string;
  postleitzahl: string;
  ort: string;
}

export interface Person {
  vorname: string;
  nachname: string;
  geburtsdatum?: Datum;
}

export interface Nachweis {
  /** Key in the flow's Nachweis catalogue (locales/<lng>/<flow>.json → nachweise). */
  schluessel: string;
  /** The change or question that calls for it. */
  anlass: string;
  /** The person it concerns, for a person's Nachweis (name as entered). */
  betrifft?: string;
}
