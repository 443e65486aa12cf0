/** Which Nachweise each reported change calls for (sgb2-facts § 1.3 and § 1.6). */
import type { AnswerView, NachweisRequirement } from "../engine/types";

/** Every Nachweis this flow can ask for: its texts are `nachweise.<key>` in the flow's namespace. */
export const NACHWEIS_KEYS = [
  "abrechnung", "aerztlicheBescheinigung", "anlageEks", "arbeitsvertrag", "auBescheinigung", "aufenthaltsdokument", "aufnahmebestaetigung", "ausbildungsnachweis",
  "ausweisPerson", "auszugNachweis", "einbuergerungsurkunde", "einkommenPerson", "einkommensbeleg", "einkommensbescheinigung", "foerderbescheid", "geburtsurkunde",
  "gewerbeabmeldung", "gewerbeanmeldung", "heiratsurkunde", "kaufvertrag", "kontonachweis", "kostennachweis", "kuendigung", "leistungsbescheid", "lohnabrechnung",
  "meldebescheinigung", "mietaenderung", "mietvertrag", "mitgliedsbescheinigung", "mutterpass", "namensnachweis", "pflegegradbescheid", "rentenantrag",
  "rentenbescheid", "scheidungsurteil", "schulKitaBescheinigung", "schwerbehindertenausweis", "sterbeurkunde", "teilhabebescheid", "untermietvertrag", "vermoegensnachweis",
  "versicherungsabrechnung", "wohnungsangebot",
] as const;
export type NachweisKey = (typeof NACHWEIS_KEYS)[number];

export function nachweise(a: AnswerView): NachweisRequirement[] {
  const out: NachweisRequirement[] = [];
  // A change that concerns another person of the household (audit V1) asks for that person's proof.
  const personOf = (step: string) => (a.has(step, "betrifft", "andere") ? [a.value(step, "betrifftVorname"), a.value(step, "betrifftNachname")].filter(Boolean).join(" ") : undefined);
  const need = (key: NachweisKey, reason: string) => {
    const person = personOf(reason);
    if (!out.some((n) => n.key === key && n.person === person)) out.push({ key, reason, ...(person ? { person } : {}) });
  };
  const answered = a.answered;

  if (answered("umzug")) {
    if (a.has("umzug", "status", "geplant")) need("wohnungsangebot", "umzug");
    else { need("mietvertrag", "umzug"); need("meldebescheinigung", "umzug"); }
  }
  if (answered("kosten")) need("mietaenderung", "kosten");
  if (answered("abrechnung")) need("abrechnung", "abrechnung");
  if (a.has("untervermietung", "aenderung", "beginn") || a.has("untervermietung", "aenderung", "betrag")) need("untermietvertrag", "untervermietung");
  const personen = a.items("personen");
  if (personen.some((p) => p.richtung === "einzug")) { need("ausweisPerson", "personen"); need("einkommenPerson", "personen"); }
  if (personen.some((p) => p.richtung === "auszug")) need("auszugNachweis", "personen");
  if (a.has("familienstand", "neu", "verheiratet") || a.has("familienstand", "neu", "lebenspartnerschaft")) need("heiratsurkunde", "familienstand");
  if (a.has("familienstand", "neu", "geschieden")) need("scheidungsurteil", "familienstand");
  if (a.has("familienstand", "neu", "verwitwet")) need("sterbeurkunde", "familienstand");
  if (answered("schwangerschaft")) need("mutterpass", "schwangerschaft");
  if (answered("geburt")) need("geburtsurkunde", "geburt");
  if (answered("tod")) need("sterbeurkunde", "tod");
  // The Pflegegrad is asked only when care begins.
  if (a.has("pflege", "aenderung", "beginn") && ["1", "2", "3", "4", "5"].some((g) => a.has("pflege", "pflegegrad", g))) need("pflegegradbescheid", "pflege");
  if (a.has("schuleKita", "aenderung", "beginn") || a.has("schuleKita", "aenderung", "wechsel")) need("schulKitaBescheinigung", "schuleKita");
  if (answered("namensaenderung")) need("namensnachweis", "namensaenderung");
  if (["verlaengert", "neuerTitel", "fiktion"].some((x) => a.has("aufenthaltstitel", "aenderung", x))) need("aufenthaltsdokument", "aufenthaltstitel");
  if (a.has("aufenthaltstitel", "aenderung", "einbuergerung")) need("einbuergerungsurkunde", "aufenthaltstitel");
  // Audit V5: the employer's Einkommensbescheinigung (the jobcenter's form) for a new job.
  if (answered("arbeitBeginn")) { need("arbeitsvertrag", "arbeitBeginn"); need("einkommensbescheinigung", "arbeitBeginn"); need("lohnabrechnung", "arbeitBeginn"); }
  if (answered("arbeitEnde")) { need("kuendigung", "arbeitEnde"); need("lohnabrechnung", "arbeitEnde"); }
  if (answered("lohn")) need("lohnabrechnung", "lohn");
  if (a.has("selbststaendigkeit", "art", "beginn")) { need("gewerbeanmeldung", "selbststaendigkeit"); need("anlageEks", "selbststaendigkeit"); }
  if (a.has("selbststaendigkeit", "art", "ende")) need("gewerbeabmeldung", "selbststaendigkeit");
  if (answered("ausbildung")) need("ausbildungsnachweis", "ausbildung");
  if (["bafoeg", "bab", "beantragt"].some((f) => a.has("ausbildung", "foerderung", f))) need("foerderbescheid", "ausbildung");
  if (a.has("rente", "stand", "beantragt")) need("rentenantrag", "rente");
  else if (answered("rente")) need("rentenbescheid", "rente");
  if (answered("andereLeistung")) need("leistungsbescheid", "andereLeistung");
  if (answered("sonstigesEinkommen")) need("einkommensbeleg", "sonstigesEinkommen");
  if (answered("vermoegen")) need("vermoegensnachweis", "vermoegen");
  if (answered("verkauf")) need("kaufvertrag", "verkauf");
  if (answered("versicherungsleistung")) need("versicherungsabrechnung", "versicherungsleistung");
  if (answered("konto")) need("kontonachweis", "konto");
  if (answered("krankenkasse")) need("mitgliedsbescheinigung", "krankenkasse");
  if (answered("arbeitsunfaehigkeit")) need("auBescheinigung", "arbeitsunfaehigkeit");
  if (answered("stationaer")) need("aufnahmebestaetigung", "stationaer");
  // A Mehrbedarf that begins: the proof of the need (none for a single parent or hot water made in the flat).
  if (a.has("mehrbedarf", "aenderung", "beginn")) {
    if (a.has("mehrbedarf", "art", "ernaehrung")) need("aerztlicheBescheinigung", "mehrbedarf");
    if (a.has("mehrbedarf", "art", "behinderung")) need("teilhabebescheid", "mehrbedarf");
    if (a.has("mehrbedarf", "art", "merkzeichenG")) need("schwerbehindertenausweis", "mehrbedarf");
    if (a.has("mehrbedarf", "art", "unabweisbar") || a.has("mehrbedarf", "art", "sonstiger")) need("kostennachweis", "mehrbedarf");
  }
  return out;
}

