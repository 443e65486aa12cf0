/** Which Nachweise each reported change calls for (sgb2-facts § 1.3 and § 1.6). */
import { memberName } from "../engine/members";
import type { AnswerView, NachweisRequirement } from "../engine/types";

/** Every Nachweis this flow can ask for: its texts are `nachweise.<key>` in the flow's namespace. */
export const NACHWEIS_KEYS = [
  "abrechnung", "aerztlicheBescheinigung", "anlageEks", "arbeitsvertrag", "auBescheinigung", "aufenthaltsdokument", "aufnahmebestaetigung", "ausbildungsnachweis",
  "ausweisPerson", "auszugNachweis", "einbuergerungsurkunde", "einkommenPerson", "einkommensbeleg", "einkommensbescheinigung", "foerderbescheid", "geburtsurkunde",
  "gewerbeabmeldung", "gewerbeanmeldung", "heiratsurkunde", "kaufvertrag", "kontonachweis", "kostennachweis", "kuendigung", "leistungsbescheid", "lohnabrechnung",
  "meldebescheinigung", "mietaenderung", "mietvertrag", "mitgliedsbescheinigung", "mutterpass", "namensnachweis", "pflegegradbescheid", "rentenantrag",
  "rentenbescheid", "scheidungsurteil", "schulKitaBescheinigung", "schwerbehindertenausweis", "sterbeurkunde", "teilhabebescheid", "untermietvertrag", "vaterschaftsanerkennung", "vermoegensnachweis", "vermoegenPerson",
  "versicherungsabrechnung", "wohnungsangebot",
] as const;
export type NachweisKey = (typeof NACHWEIS_KEYS)[number];

export function nachweise(a: AnswerView): NachweisRequirement[] {
  const out: NachweisRequirement[] = [];
  // A change that concerns another person of the household (audit V1) asks for that person's proof.
  const personOf = (step: string) => (a.has(step, "betrifft", "andere") ? [a.value(step, "betrifftVorname"), a.value(step, "betrifftNachname")].filter(Boolean).join(" ") : undefined);
  const need = (key: NachweisKey, reason: string, person = personOf(reason)) => {
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
  // Audit V3: each person who moved in, by name — the income proofs of whoever has income (as
  // the person's pages say; a flatmate outside the household is asked none), and their Vermögen.
  for (const m of a.members().slice(1)) {
    if (m.values.richtung !== "einzug") continue;
    const person = memberName(m);
    need("ausweisPerson", "personen", person);
    const einkommen = a.value(`einkommen/${m.index}`, "arten");
    if ((Array.isArray(einkommen) && einkommen.some((art) => art !== "keine")) || a.has(`hg/${m.index}`, "einkommen", "ja") || a.answered(`kindEinkommen/${m.index}`)) need("einkommenPerson", "personen", person);
    if (a.has(`zuzugVermoegen/${m.index}`, "vorhanden", "ja")) need("vermoegenPerson", "zuzugVermoegen", person);
  }
  if (personen.some((p) => p.richtung === "auszug")) need("auszugNachweis", "personen");
  if (a.has("familienstand", "neu", "verheiratet") || a.has("familienstand", "neu", "lebenspartnerschaft")) need("heiratsurkunde", "familienstand");
  if (a.has("familienstand", "neu", "geschieden")) need("scheidungsurteil", "familienstand");
  if (a.has("familienstand", "neu", "verwitwet")) need("sterbeurkunde", "familienstand");
  if (answered("schwangerschaftMeldung")) need("mutterpass", "schwangerschaftMeldung");
  if (answered("geburt")) need("geburtsurkunde", "geburt");
  if (a.has("geburtAngaben", "vaterschaft", "anerkannt")) need("vaterschaftsanerkennung", "geburtAngaben");
  if (a.has("geburtAngaben", "kindergeld", "ja") || ["unterhalt", "unterhaltsvorschuss"].some((u) => a.has("geburtAngaben", "unterhalt", u))) need("leistungsbescheid", "geburtAngaben");
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
  if (a.has("selbststaendigkeitMeldung", "art", "beginn")) { need("gewerbeanmeldung", "selbststaendigkeitMeldung"); need("anlageEks", "selbststaendigkeitMeldung"); }
  if (a.has("selbststaendigkeitMeldung", "art", "ende")) need("gewerbeabmeldung", "selbststaendigkeitMeldung");
  if (answered("ausbildungMeldung")) need("ausbildungsnachweis", "ausbildungMeldung");
  if (["bafoeg", "bab", "beantragt"].some((f) => a.has("ausbildungMeldung", "foerderung", f))) need("foerderbescheid", "ausbildungMeldung");
  if (a.has("rente", "stand", "beantragt")) need("rentenantrag", "rente");
  else if (answered("rente")) need("rentenbescheid", "rente");
  if (answered("andereLeistung")) need("leistungsbescheid", "andereLeistung");
  if (answered("sonstigesEinkommen")) need("einkommensbeleg", "sonstigesEinkommen");
  if (answered("vermoegen")) need("vermoegensnachweis", "vermoegen");
  if (answered("verkauf")) need("kaufvertrag", "verkauf");
  if (answered("versicherungsleistung")) need("versicherungsabrechnung", "versicherungsleistung");
  if (answered("konto")) need("kontonachweis", "konto");
  if (answered("krankenkasseMeldung")) need("mitgliedsbescheinigung", "krankenkasseMeldung");
  if (answered("arbeitsunfaehigkeit")) need("auBescheinigung", "arbeitsunfaehigkeit");
  if (answered("stationaerMeldung")) need("aufnahmebestaetigung", "stationaerMeldung");
  // A Mehrbedarf that begins: the proof of the need (none for a single parent or hot water made in the flat).
  if (a.has("mehrbedarf", "aenderung", "beginn")) {
    if (a.has("mehrbedarf", "art", "ernaehrung")) need("aerztlicheBescheinigung", "mehrbedarf");
    if (a.has("mehrbedarf", "art", "behinderung")) need("teilhabebescheid", "mehrbedarf");
    if (a.has("mehrbedarf", "art", "merkzeichenG")) need("schwerbehindertenausweis", "mehrbedarf");
    if (a.has("mehrbedarf", "art", "unabweisbar") || a.has("mehrbedarf", "art", "sonstiger")) need("kostennachweis", "mehrbedarf");
  }
  return out;
}

