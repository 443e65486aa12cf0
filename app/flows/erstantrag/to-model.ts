/** Pruned answers → the canonical Erstantrag. */
import type { Datum } from "~/model/common";
import type {
  Antragstellung, Aufenthalt, Einkommen, Erstantrag, Formular, Kinderangaben, Krankenversicherung, Lebenslage, Mitglied,
  Selbststaendigkeit, Unterhalt, Unterkunft, Vermoegen, Vermoegensposten, Werdegang,
} from "~/model/erstantrag";
import { bewilligungsbeginn, LEISTUNGSNAME, rechtsstandAm, vermoegensgrenze } from "~/rechtsstand/parameter";
import { todayIso } from "../engine/fields";
import type { AnswerView, SubmissionMeta } from "../engine/types";
import type { Haushaltsmitglied } from "./household";
import { nachweise } from "./nachweise";
import { household, LEISTUNGSEINKOMMEN, stepIdOf, vermoegensRegel } from "./steps";

type Reader = {
  s: (step: string, field: string) => string;
  opt: (step: string, field: string) => string | undefined;
  yes: (step: string, field: string) => boolean;
  list: (step: string, field: string) => string[];
};

function reader(a: AnswerView): Reader {
  const opt = (step: string, field: string) => (a.value(step, field) as string | undefined) || undefined;
  return {
    s: (step, field) => {
      const v = a.value(step, field);
      if (typeof v !== "string") throw new Error(`toModel: ${step}.${field} missing`);
      return v;
    },
    opt,
    yes: (step, field) => a.value(step, field) === "ja",
    list: (step, field) => {
      const v = a.value(step, field);
      return Array.isArray(v) ? v : [];
    },
  };
}

/** The application date: an earlier informal application or Kurzantrag, else the day of receipt. */
export function antragsdatum(a: AnswerView, receivedOn: string): Datum {
  const earlier = [a.value("formlos", "datum"), a.value("_bezug", "eingang")].filter((d): d is string => typeof d === "string");
  return [...earlier, receivedOn].sort()[0];
}

function antragstellung(a: AnswerView, r: Reader, receivedOn: string): Antragstellung {
  const datum = antragsdatum(a, receivedOn);
  const kurzantrag = r.opt("_bezug", "referenz");
  const weg = kurzantrag ? "kurzantrag" : a.answered("formlos") ? (r.s("formlos", "weg") as Antragstellung["antragsweg"]) : "online";
  const spaeter = r.opt("beginnDatum", "datum");
  return {
    antragsdatum: datum,
    antragsweg: weg,
    kurzantragReferenz: kurzantrag,
    leistungsbeginn: spaeter ?? bewilligungsbeginn(datum),
    bewilligungszeitraumBeginn: bewilligungsbeginn(spaeter ?? datum),
  };
}

/** HA B from its page; `bezug` is the follow-up page asking until when AsylbLG is paid. */
function aufenthalt(r: Reader, step: string, bezug: string): Aufenthalt {
  return {
    land: r.s(step, "land"), aufenthaltsstatus: r.s(step, "status"), einreise: r.opt(step, "einreise"),
    asylbewerberleistungen: r.yes(step, "asylbewerberleistungen"), asylbewerberleistungenBis: r.opt(bezug, "bis"),
    verpflichtungserklaerung: r.yes(step, "verpflichtungserklaerung"),
    azrNummer: r.opt(step, "azrNummer"), nationaleId: r.opt(step, "nationaleId"),
  };
}

function unterhalt(r: Reader, step: string, nameField = "name"): Unterhalt {
  return {
    name: r.opt(step, nameField), anschrift: r.opt(step, "anschrift"),
    unterhalt: r.s(step, "unterhalt") as Unterhalt["unterhalt"], betrag: r.opt(step, "betrag"),
  };
}

function lebenslage(a: AnswerView, r: Reader, i: number, kind: boolean): Lebenslage {
  const k = (step: string) => `${step}/${i}`;
  const lage = r.list(k("lebenslage"), "lage");
  return {
    erwerbsfaehig: kind ? undefined : !lage.includes("erwerbsunfaehig"),
    schwangerschaftsangaben: a.answered(k("schwangerschaft")) ? {
      entbindungstermin: r.s(k("schwangerschaft"), "entbindungstermin"),
      unterhaltSchwangerschaft: a.answered(k("uh2"))
        ? { ...unterhalt(r, k("uh2"), "vater"), vaterschaft: r.s(k("uh2"), "vaterschaft") }
        : undefined,
    } : undefined,
    schuleAusbildung: a.answered(k("ausbildung")) ? {
      ausbildungsart: r.s(k("ausbildung"), "art"), einrichtung: r.s(k("ausbildung"), "einrichtung"),
      foerderung: r.s(k("ausbildung"), "foerderung"), schulbuecher: r.opt(k("ausbildung"), "schulbuecher"),
      auswaertsUntergebracht: r.yes(k("ausbildung"), "auswaerts"),
    } : undefined,
    behinderung: a.answered(k("behinderung"))
      ? { teilhabe: r.s(k("behinderung"), "teilhabe"), merkzeichenG: r.yes(k("behinderung"), "merkzeichenG") }
      : undefined,
    ernaehrung: a.answered(k("ernaehrung")) ? {
      erkrankung: r.s(k("ernaehrung"), "erkrankung"), arzt: r.s(k("ernaehrung"), "arzt"),
      schweigepflichtentbindung: r.list(k("ernaehrung"), "schweigepflicht").includes("ja"),
    } : undefined,
    besondererBedarf: a.answered(k("besondererBedarf")) ? {
      beschreibung: r.s(k("besondererBedarf"), "beschreibung"), betrag: r.s(k("besondererBedarf"), "betrag"),
      haeufigkeit: r.s(k("besondererBedarf"), "haeufigkeit"),
    } : undefined,
    stationaer: a.answered(k("stationaer"))
      ? { einrichtungsart: r.s(k("stationaer"), "art"), von: r.s(k("stationaer"), "von"), bis: r.opt(k("stationaer"), "bis") }
      : undefined,
    unterhaltElternteil: a.answered(k("uh3")) ? unterhalt(r, k("uh3")) : undefined,
  };
}

function werdegang(a: AnswerView, r: Reader, i: number): Werdegang {
  const k = (step: string) => `${step}/${i}`;
  const lage = r.list(k("vorher"), "lage");
  return {
    vorleistung: a.answered(k("vorleistung"))
      ? {
        leistungsart: r.s(k("vorleistung"), "art"), von: r.opt(k("vorleistung"), "von"), bis: r.s(k("vorleistung"), "bis"),
        traeger: r.s(k("vorleistung"), "traeger"), traegerAnschrift: r.opt(k("vorleistung"), "traegerAnschrift"),
      }
      : undefined,
    beschaeftigung: a.answered(k("beschaeftigung")) ? {
      arbeitgeber: r.s(k("beschaeftigung"), "arbeitgeber"), bis: r.opt(k("beschaeftigung"), "bis"),
      offenerLohn: r.yes(k("beschaeftigung"), "offenerLohn"), arbeitgeberAnschrift: r.opt(k("arbeitgeberAnschrift"), "anschrift"),
    } : undefined,
    lohnersatz: a.answered(k("lohnersatz")) ? { leistungsart: r.s(k("lohnersatz"), "art"), von: r.opt(k("lohnersatz"), "von"), bis: r.opt(k("lohnersatz"), "bis") } : undefined,
    dienst: lage.includes("dienst"),
    pflege: lage.includes("pflege"),
    ansprueche: r.opt(k("ansprueche"), "beschreibung"),
    unfall: a.answered(k("unfall")) ? {
      datum: r.s(k("unfall"), "datum"), hergang: r.s(k("unfall"), "hergang"),
      verursacher: r.opt(k("unfall"), "verursacher"), versicherung: r.opt(k("unfall"), "versicherung"),
    } : undefined,
  };
}

function selbststaendigkeit(a: AnswerView, r: Reader, i: number): Selbststaendigkeit | undefined {
  const k = (step: string) => `${step}/${i}`;
  if (!a.answered(k("selbststaendigkeit"))) return undefined;
  const e = k("eks");
  return {
    taetigkeit: r.s(k("selbststaendigkeit"), "taetigkeit"), seit: r.s(k("selbststaendigkeit"), "seit"),
    aktuell: r.yes(k("selbststaendigkeit"), "aktuell"),
    prognose: a.answered(e) ? {
      einnahmen: r.s(e, "einnahmen"), wareneinkauf: r.opt(e, "wareneinkauf"), raumkosten: r.opt(e, "raumkosten"),
      fahrzeugkosten: r.opt(e, "fahrzeugkosten"), personalkosten: r.opt(e, "personalkosten"),
      sonstigeAusgaben: r.opt(e, "sonstigeAusgaben"), steuern: r.opt(e, "steuern"), umsatzsteuer: r.s(e, "umsatzsteuer"),
    } : undefined,
  };
}

function krankenversicherung(a: AnswerView, r: Reader, i: number): Krankenversicherung {
  const k = (step: string) => `${step}/${i}`;
  return {
    versicherungsart: r.s(k("versicherung"), "art"), krankenkasse: r.opt(k("krankenkasse"), "name"),
    tarif: r.opt(k("sv"), "tarif"), beitragKv: r.opt(k("sv"), "beitragKv"), beitragPv: r.opt(k("sv"), "beitragPv"),
  };
}

function einkommen(a: AnswerView, r: Reader, i: number): Einkommen[] {
  const k = (step: string) => `${step}/${i}`;
  const out: Einkommen[] = [];
  if (a.answered(k("erwerb"))) {
    const e = k("erwerb");
    out.push({
      art: "Erwerbseinkommen", arbeitgeber: r.s(e, "arbeitgeber"), beschaeftigungsart: r.s(e, "art"),
      brutto: r.s(e, "brutto"), netto: r.s(e, "netto"), beginn: r.opt(e, "beginn"),
    });
  }
  for (const art of LEISTUNGSEINKOMMEN) {
    const step = k(stepIdOf.leistung(art));
    if (a.answered(step)) out.push({ art: "Leistungseinkommen", leistungsart: art, betrag: r.s(step, "betrag"), seit: r.opt(step, "seit") });
  }
  if (a.answered(k("ekSonstiges"))) {
    out.push({ art: "WeiteresEinkommen", bezeichnung: r.s(k("ekSonstiges"), "bezeichnung"), betrag: r.s(k("ekSonstiges"), "betrag") });
  }
  return out;
}

function formularOf(h: Haushaltsmitglied): Mitglied["formular"] {
  if (h.member.index === 0) return "HA";
  if (h.zugehoerigkeit === "Bedarfsgemeinschaft") return h.alter >= 15 ? "WEP" : "KI";
  return h.zugehoerigkeit === "Haushaltsgemeinschaft" ? "HG" : "keines";
}

function mitglied(a: AnswerView, r: Reader, h: Haushaltsmitglied): Mitglied {
  const i = h.member.index;
  const v = h.member.values;
  const k = (step: string) => `${step}/${i}`;
  const formular = formularOf(h);
  const asked = formular === "HA" || formular === "WEP";
  return {
    personNr: i + 1,
    vorname: v.vorname as string,
    nachname: v.nachname as string,
    geburtsdatum: v.geburtsdatum as string,
    geschlecht: v.geschlecht as string,
    beziehung: h.beziehung,
    zugehoerigkeit: h.zugehoerigkeit,
    formular,
    geburtsname: formular === "WEP" ? r.opt(k("wep"), "geburtsname") : undefined,
    geburtsort: formular === "WEP" ? r.s(k("wep"), "geburtsort") : undefined,
    geburtsland: formular === "WEP" ? r.s(k("wep"), "geburtsland") : undefined,
    staatsangehoerigkeit: formular === "WEP" ? r.s(k("wep"), "staatsangehoerigkeit") : formular === "KI" ? r.s(k("kind"), "staatsangehoerigkeit") : undefined,
    aufenthalt: a.answered(k("wepAufenthalt")) ? aufenthalt(r, k("wepAufenthalt"), k("asylbezugPerson"))
      : a.answered(k("kindAufenthalt")) ? aufenthalt(r, k("kindAufenthalt"), k("asylbezugPerson")) : undefined,
    steuerId: formular === "WEP" ? r.opt(k("wep"), "steuerId") : undefined,
    rvNummer: formular === "WEP" ? r.opt(k("wep"), "rvNummer") : undefined,
    lebenslage: asked ? lebenslage(a, r, i, false) : formular === "KI" && r.list(k("kindLebenslage"), "lage").some((l) => l !== "eigenesEinkommen") ? lebenslage(a, r, i, true) : undefined,
    werdegang: asked ? werdegang(a, r, i) : undefined,
    selbststaendigeTaetigkeit: asked ? selbststaendigkeit(a, r, i) : undefined,
    krankenPflegeversicherung: asked ? krankenversicherung(a, r, i) : undefined,
    einkommen: asked ? einkommen(a, r, i) : undefined,
    absetzungen: a.answered(k("abzuege")) ? {
      entfernungKm: r.opt(k("abzuege"), "entfernungKm") === undefined ? undefined : Number(r.s(k("abzuege"), "entfernungKm")),
      versicherungen: r.opt(k("abzuege"), "versicherungen"), riester: r.opt(k("abzuege"), "riester"), unterhaltTitel: r.opt(k("abzuege"), "unterhaltTitel"),
    } : undefined,
    kinderangaben: formular === "KI" ? {
      kindergeld: r.s(k("kind"), "kindergeld"), betreuung: r.s(k("kind"), "betreuung"),
      kinderversicherung: r.s(k("kind"), "versicherung"), kindesunterhalt: r.s(k("kind"), "unterhalt"),
      unterhaltsbetrag: r.opt(k("kindUnterhalt"), "betrag"), unterhaltspflichtiger: r.opt(k("kindUnterhalt"), "elternteil"),
      unterhaltspflichtigerAnschrift: r.opt(k("kindUnterhalt"), "anschrift"),
      eigenesEinkommen: a.answered(k("kindEinkommen"))
        ? { bezeichnung: r.s(k("kindEinkommen"), "bezeichnung"), betrag: r.s(k("kindEinkommen"), "betrag") }
        : undefined,
    } : undefined,
    haushaltsgemeinschaft: formular === "HG"
      ? {
        einkommenVorhanden: r.s(k("hg"), "einkommen"), einkommenBetrag: r.opt(k("hg"), "einkommenBetrag"),
        vermoegenVorhanden: r.s(k("hg"), "vermoegen"), vermoegenBetrag: r.opt(k("hg"), "vermoegenBetrag"), unterstuetzung: r.yes(k("hg"), "unterstuetzung"),
      }
      : undefined,
  };
}

function unterkunft(a: AnswerView, r: Reader): Unterkunft | undefined {
  if (!a.has("unterkunft", "kosten", "ja")) return undefined;
  const eigentum = a.answered("eigentum");
  const kosten = eigentum ? "eigentum" : "miete";
  return {
    wohnform: r.s("wohnform", "art"),
    flaeche: Number(r.s("wohnform", "flaeche")),
    grundmiete: eigentum ? undefined : r.s("miete", "grundmiete"),
    schuldzinsen: eigentum ? r.s("eigentum", "schuldzinsen") : undefined,
    nebenkosten: r.s(kosten, "nebenkosten"),
    heizkosten: r.s(kosten, "heizkosten"),
    heizungsart: r.s("heizung", "art"),
    warmwasser: r.s("heizung", "warmwasser") as Unterkunft["warmwasser"],
    warmwasserEnergie: r.opt("warmwasserEnergie", "energie"),
    direktzahlung: a.answered("vermieter")
      ? { name: r.s("vermieter", "name"), anschrift: r.s("vermieter", "anschrift"), iban: r.s("vermieter", "iban") }
      : undefined,
  };
}

function vermoegen(a: AnswerView, r: Reader, members: Haushaltsmitglied[], stichtag: string): Vermoegen {
  const regel = vermoegensRegel(a);
  const bg = members.filter((h) => h.zugehoerigkeit === "Bedarfsgemeinschaft").map((h) => h.member.values.geburtsdatum as string);
  const posten: Vermoegensposten[] = [];
  for (const art of r.list("vermoegen", "arten")) {
    const step = stepIdOf.posten(art);
    const base = { vermoegensart: art, wert: r.s(step, "wert") };
    if (art === "fahrzeug") posten.push({ ...base, beschreibung: r.s(step, "bezeichnung"), baujahr: Number(r.s(step, "baujahr")) });
    else if (art === "immobilien") posten.push({ ...base, immobilienart: r.s(step, "art"), selbstgenutzt: r.yes(step, "selbstgenutzt"), anteil: r.opt(step, "anteil") });
    else if (art === "uebertragungen") posten.push({ ...base, beschreibung: r.s(step, "beschreibung"), datum: r.s(step, "datum") });
    else posten.push({ ...base, beschreibung: r.opt(step, "beschreibung") });
  }
  return {
    regime: regel.regime,
    grenze: `${vermoegensgrenze(regel, bg, bewilligungsbeginn(stichtag))}.00`,
    erheblich: a.answered("vermoegenKarenzzeit") ? r.yes("vermoegenKarenzzeit", "erheblich") : undefined,
    vermoegensposten: posten,
  };
}

/** The official forms the answers stand in for, in the order of the BA form set. */
function formulare(a: AnswerView, m: Mitglied[]): Formular[] {
  const out: Formular[] = [{ kuerzel: "HA" }];
  const per = (kuerzel: string, test: (x: Mitglied) => boolean) => {
    for (const x of m) if (test(x)) out.push({ kuerzel, personNr: x.personNr });
  };
  per("WEP", (x) => x.formular === "WEP");
  per("KI", (x) => x.formular === "KI");
  if (a.has("unterkunft", "kosten", "ja")) out.push({ kuerzel: "KDU" });
  // A child under 15 has income (EK) through Kindergeld, Unterhalt, UVG or an own income.
  const kindEinkommen = (k: Kinderangaben | undefined) =>
    k !== undefined && (k.kindergeld === "ja" || ["unterhalt", "unterhaltsvorschuss"].includes(k.kindesunterhalt) || k.eigenesEinkommen !== undefined);
  per("EK", (x) => (x.einkommen?.length ?? 0) > 0 || kindEinkommen(x.kinderangaben));
  per("EKS", (x) => x.selbststaendigeTaetigkeit !== undefined);
  out.push({ kuerzel: "VM" });
  per("SV", (x) => ["freiwillig", "privat", "keine"].includes(x.krankenPflegeversicherung?.versicherungsart ?? ""));
  per("MEB", (x) => x.lebenslage?.ernaehrung !== undefined);
  per("BB", (x) => x.lebenslage?.besondererBedarf !== undefined);
  per("UF", (x) => x.werdegang?.unfall !== undefined);
  if (a.answered("uh1")) out.push({ kuerzel: "UH1", personNr: 1 });
  per("UH2", (x) => x.lebenslage?.schwangerschaftsangaben?.unterhaltSchwangerschaft !== undefined);
  per("UH3", (x) => x.lebenslage?.unterhaltElternteil !== undefined || (x.kinderangaben !== undefined && x.kinderangaben.kindesunterhalt !== "beideEltern"));
  per("HG", (x) => x.formular === "HG");
  if (a.answered("partnerschaft")) out.push({ kuerzel: "VE" });
  return out;
}

export function toModel(a: AnswerView, meta: SubmissionMeta): Erstantrag {
  const r = reader(a);
  const receivedOn = todayIso(meta.receivedAt);
  const stellung = antragstellung(a, r, receivedOn);
  const members = household(a);
  const mitglieder = members.map((h) => mitglied(a, r, h));
  return {
    art: "Erstantrag",
    leistung: LEISTUNGSNAME[rechtsstandAm(stellung.antragsdatum).leistung],
    antragstellung: stellung,
    antragsteller: {
      vorname: r.s("person", "vorname"), nachname: r.s("person", "nachname"), geburtsname: r.opt("person", "geburtsname"),
      geburtsdatum: r.s("person", "geburtsdatum"), geschlecht: r.s("person", "geschlecht"),
      geburtsort: r.s("herkunft", "geburtsort"), geburtsland: r.s("herkunft", "geburtsland"),
      staatsangehoerigkeit: r.s("herkunft", "staatsangehoerigkeit"),
      aufenthalt: a.answered("aufenthalt") ? aufenthalt(r, "aufenthalt", "asylbezug") : undefined,
      anschrift: { strasse: r.s("anschrift", "strasse"), hausnummer: r.s("anschrift", "hausnummer"), postleitzahl: r.s("anschrift", "plz"), ort: r.s("anschrift", "ort") },
      ohneFestenWohnsitz: r.list("anschrift", "ohneFestenWohnsitz").includes("ja"),
      wohnhaftBei: r.opt("postanschrift", "wohnhaftBei"), postfach: r.opt("postanschrift", "postfach"),
      telefon: r.opt("kontakt", "telefon"), email: r.opt("kontakt", "email"),
      bankkonto: a.answered("kontodaten") ? { kontoinhaber: r.s("kontodaten", "kontoinhaber"), iban: r.s("kontodaten", "iban") } : undefined,
      keinKontoGrund: r.opt("keinKonto", "grund"),
      steuerId: r.opt("kennnummern", "steuerId"), rvNummer: r.opt("kennnummern", "rvNummer"),
      vertretung: a.answered("vertreter") ? {
        vertretungsart: r.s("vertretung", "art"), name: r.s("vertreter", "name"), anschrift: r.s("vertreter", "anschrift"), telefon: r.opt("vertreter", "telefon"),
        eingereichtVon: r.s("vertreter", "eingereichtVon"),
      } : undefined,
      familienstand: r.s("familienstand", "stand"), familienstandSeit: r.opt("familienstandSeit", "seit"),
      unterhaltEhegatte: a.answered("uh1") ? unterhalt(r, "uh1") : undefined,
    },
    mitglieder,
    verantwortungsgemeinschaft: a.answered("partnerschaft")
      ? { hinweise: r.list("partnerschaft", "hinweise"), einstehenswille: r.yes("partnerschaft", "einstehen") }
      : undefined,
    unterkunft: unterkunft(a, r),
    vermoegen: vermoegen(a, r, members, stellung.antragsdatum),
    formulare: formulare(a, mitglieder),
    anmerkungen: r.opt("anmerkungen", "text"),
    nachweise: nachweise(a).map((n) => ({ schluessel: n.key, anlass: n.reason, ...(n.person ? { betrifft: n.person } : {}) })),
  };
}
