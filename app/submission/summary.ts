/**
 * What a submission contained, for the applicant's receipt page and receipt PDF: keys in the
 * flow's namespace (each change once; each form of an Erstantrag with its person).
 */
import type { Fachdaten } from "./document";

export interface SubmittedItem {
  /** Key in the flow's namespace. */
  key: string;
  /** The person a form is for, as entered. */
  person?: string;
}

export function submittedItems(fachdaten: Fachdaten): SubmittedItem[] {
  switch (fachdaten.art) {
    case "Veraenderungsmitteilung":
      return [...new Set(fachdaten.aenderungen.map((c) => c.art))].map((art) => ({ key: `aenderungsarten.${art}` }));
    case "Erstantrag":
      return fachdaten.formulare.map((f) => {
        const m = f.personNr ? fachdaten.mitglieder[f.personNr - 1] : undefined;
        return { key: `formulare.${f.kuerzel}`, ...(m ? { person: `${m.vorname} ${m.nachname}` } : {}) };
      });
    case "Kurzantrag":
      return [{ key: "receiptItem" }];
  }
}
