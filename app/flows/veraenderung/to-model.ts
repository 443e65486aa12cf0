/** Pruned answers → the canonical Veraenderungsmitteilung. */
import type { Aenderung, Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import type { AnswerView } from "../engine/types";
import { nachweise } from "./nachweise";

export function toModel(a: AnswerView): Veraenderungsmitteilung {
  const s = (step: string, field: string) => a.value(step, field) as string;
  const opt = (step: string, field: string) => (a.value(step, field) as string | undefined) || undefined;
  const changes: Aenderung[] = [];
  const add = (step: string, build: () => Aenderung) => {
    if (a.answered(step)) changes.push(build());
  };

  add("umzug", () => ({
    art: "Umzug",
    status: s("umzug", "status") as "geplant" | "erfolgt",
    datum: s("umzug", "datum"),
    zusicherung: s("umzug", "zusicherung") as "erteilt" | "beantragt" | "nein",
    neueAnschrift: {
      strasse: s("neueAnschrift", "strasse"), hausnummer: s("neueAnschrift", "hausnummer"),
      postleitzahl: s("neueAnschrift", "plz"), ort: s("neueAnschrift", "ort"),
    },
    gesamtmiete: opt("neueAnschrift", "gesamtmiete"),
  }));
  add("kosten", () => ({
    art: "Unterkunftskosten", ab: s("kosten", "ab"), grundmiete: s("kosten", "grundmiete"),
    nebenkosten: s("kosten", "nebenkosten"), heizkosten: s("kosten", "heizkosten"),
  }));
  add("abrechnung", () => ({
    art: "Abrechnung", abrechnungsart: s("abrechnung", "art") as "betriebskosten",
    ergebnis: s("abrechnung", "ergebnis") as "guthaben", betrag: s("abrechnung", "betrag"), datum: s("abrechnung", "datum"),
  }));
  for (const p of a.items("personen")) {
    changes.push({
      art: "PersonEinzugAuszug", richtung: p.richtung as "einzug" | "auszug",
      person: { vorname: p.vorname as string, nachname: p.nachname as string, geburtsdatum: p.geburtsdatum as string },
      beziehung: p.beziehung as string, datum: p.datum as string,
    });
  }
  add("familienstand", () => ({ art: "Familienstand", familienstand: s("familienstand", "neu"), seit: s("familienstand", "seit") }));
  add("schwangerschaft", () => ({ art: "Schwangerschaft", entbindungstermin: s("schwangerschaft", "entbindungstermin") }));
  add("geburt", () => ({
    art: "Geburt",
    kind: { vorname: s("geburt", "vorname"), nachname: s("geburt", "nachname"), geburtsdatum: s("geburt", "geburtsdatum") },
  }));
  add("tod", () => ({
    art: "Tod", person: { vorname: s("tod", "vorname"), nachname: s("tod", "nachname") }, sterbedatum: s("tod", "sterbedatum"),
  }));
  add("arbeitBeginn", () => ({
    art: "Arbeitsaufnahme", arbeitgeber: s("arbeitBeginn", "arbeitgeber"), beginn: s("arbeitBeginn", "beginn"),
    beschaeftigungsart: s("arbeitBeginn", "art"), bruttoMonatlich: opt("arbeitBeginn", "brutto"),
  }));
  add("arbeitEnde", () => ({
    art: "Arbeitsende", arbeitgeber: s("arbeitEnde", "arbeitgeber"), ende: s("arbeitEnde", "ende"), grund: s("arbeitEnde", "grund"),
  }));
  add("lohn", () => ({
    art: "Lohnaenderung", arbeitgeber: s("lohn", "arbeitgeber"), ab: s("lohn", "ab"),
    brutto: s("lohn", "brutto"), netto: opt("lohn", "netto"),
  }));
  add("selbststaendigkeit", () => ({
    art: "Selbststaendigkeit", richtung: s("selbststaendigkeit", "art") as "beginn" | "ende",
    datum: s("selbststaendigkeit", "datum"), taetigkeit: s("selbststaendigkeit", "taetigkeit"),
  }));
  add("ausbildung", () => ({
    art: "Ausbildung", richtung: s("ausbildung", "art") as "beginn" | "ende", datum: s("ausbildung", "datum"),
    einrichtung: s("ausbildung", "einrichtung"), foerderung: s("ausbildung", "foerderung"),
  }));
  add("rente", () => ({
    art: "Rente", stand: s("rente", "stand"), rentenart: s("rente", "rentenart"), datum: s("rente", "datum"), betrag: opt("rente", "betrag"),
  }));
  add("sonstigesEinkommen", () => ({
    art: "SonstigesEinkommen", einkommensart: s("sonstigesEinkommen", "art"), betrag: s("sonstigesEinkommen", "betrag"),
    zufluss: s("sonstigesEinkommen", "zufluss"), beschreibung: opt("sonstigesEinkommen", "beschreibung"),
  }));
  add("vermoegen", () => ({
    art: "Vermoegenszufluss", vermoegensart: s("vermoegen", "art"), wert: s("vermoegen", "wert"),
    datum: s("vermoegen", "datum"), beschreibung: opt("vermoegen", "beschreibung"),
  }));
  add("konto", () => ({ art: "Bankverbindung", kontoinhaber: s("konto", "kontoinhaber"), iban: s("konto", "iban"), ab: s("konto", "ab") }));
  add("kontakt", () => ({ art: "Kontaktdaten", telefon: opt("kontakt", "telefon"), email: opt("kontakt", "email") }));
  add("krankenkasse", () => ({
    art: "Krankenversicherung", krankenkasse: s("krankenkasse", "name"), versicherungsart: s("krankenkasse", "art"), ab: s("krankenkasse", "ab"),
  }));
  add("arbeitsunfaehigkeit", () => ({ art: "Arbeitsunfaehigkeit", von: s("arbeitsunfaehigkeit", "von"), bis: s("arbeitsunfaehigkeit", "bis") }));
  add("stationaer", () => ({
    art: "StationaererAufenthalt", einrichtungsart: s("stationaer", "art"), einrichtung: s("stationaer", "einrichtung"),
    von: s("stationaer", "von"), bis: opt("stationaer", "bis"),
  }));
  add("abwesenheit", () => ({
    art: "Ortsabwesenheit", von: s("abwesenheit", "von"), bis: s("abwesenheit", "bis"),
    ziel: s("abwesenheit", "ziel") as "inland" | "ausland", grund: opt("abwesenheit", "grund"),
  }));

  return {
    art: "Veraenderungsmitteilung",
    mitteilendePerson: {
      vorname: s("person", "vorname"), nachname: s("person", "nachname"), geburtsdatum: s("person", "geburtsdatum"),
      bgNummer: opt("person", "bgNummer"), telefon: opt("person", "telefon"),
    },
    aenderungen: changes,
    anmerkungen: opt("weiteres", "anmerkungen"),
    nachweise: nachweise(a).map((n) => ({ schluessel: n.key, anlass: n.reason })),
  };
}
