/**
 * The renewal's document outline (caseworker PDF and caseworker page): the period first, then
 * what changed against the prefilled earlier application — so the caseworker reads the
 * differences first — then the Hauptantrag blocks' current state (app/blocks/outline.server.ts)
 * with the move, the Abrechnung and the other changes before the VM, and each separate
 * application as a request of its own (§ 37 Abs. 1 S. 2 SGB II).
 */
import type { Weiterbewilligungsantrag } from "~/model/weiterbewilligungsantrag";
import { dokumentText, fieldLabel, germanText } from "~/submission/pdf/labels.server";
import { formatDate } from "~/submission/pdf/format.server";
import { displayValue, modelRows } from "~/submission/values.server";
import { formularItems, outlineHauptantrag } from "~/blocks/outline.server";
import type { FlowAttention, FlowDocument, OutlineSink } from "../engine/types";
import { residenceAttention } from "~/blocks/attention";
import { stepNamespace } from "../engine/journey";
import { steps } from "./steps";

const NS = "weiterbewilligung";

/** "Anschrift" or "Einkommen – Person 2: Ali Nasser": the German title of a page. */
function pageTitle(e: Weiterbewilligungsantrag, key: string): string {
  const [id, index] = key.split("/");
  const step = steps.find((s) => s.id === id);
  const title = (step && germanText(stepNamespace({ namespace: NS }, step), `steps.${id}.title`)) ?? id;
  const m = index === undefined ? undefined : e.mitglieder[Number(index)];
  return m ? `${title} – ${dokumentText("haushalt.person", { nummer: m.personNr })}: ${m.vorname} ${m.nachname}` : title;
}

function outline(e: Weiterbewilligungsantrag, out: OutlineSink): void {
  const w = e.weiterbewilligung;
  out.heading(dokumentText("abschnitte.weiterbewilligung"));
  out.row(fieldLabel("leistung"), e.leistung);
  out.row(fieldLabel("bwzEndeBisher"), formatDate(w.bwzEndeBisher));
  out.row(fieldLabel("bwzBeginnNeu"), formatDate(w.bwzBeginnNeu));
  out.row(fieldLabel("antragsdatum"), formatDate(w.antragsdatum));
  if (w.kurzantragReferenz) out.row(fieldLabel("kurzantragReferenz"), w.kurzantragReferenz);
  out.row(fieldLabel("bgNummer"), w.bgNummer ?? dokumentText("keineAngaben"));

  out.heading(dokumentText("abschnitte.abgleich"));
  if (w.vorantrag && w.abgleich) {
    out.note(dokumentText("abgleich.hinweis", { referenz: w.vorantrag.referenz, datum: formatDate(w.vorantrag.eingang.slice(0, 10)) }));
    const list = (status: string) => w.abgleich!.filter((p) => p.status === status).map((p) => pageTitle(e, p.schluessel));
    const geaendert = list("geaendert");
    out.row(dokumentText("abgleich.geaendert"), geaendert.length > 0 ? geaendert.join("; ") : dokumentText("keine"));
    out.row(dokumentText("abgleich.bestaetigt"), list("bestaetigt").join("; ") || dokumentText("keine"));
    const names = (list?: { vorname: string; nachname: string; geburtsdatum?: string }[]) =>
      list?.map((p) => `${p.vorname} ${p.nachname}${p.geburtsdatum ? `, geb. ${formatDate(p.geburtsdatum)}` : ""}`).join("; ") || dokumentText("keine");
    out.row(fieldLabel("neu"), names(w.personenwechsel?.neu));
    out.row(fieldLabel("nichtMehrImHaushalt"), names(w.personenwechsel?.nichtMehrImHaushalt));
  } else {
    out.paragraph(dokumentText("abgleich.ohne"));
  }

  outlineHauptantrag(e, out, () => {
    out.heading(dokumentText("abschnitte.wohnenAenderungen"));
    const ww = w.wohnungswechsel;
    out.row(fieldLabel("wohnungswechsel"), ww ? dokumentText("ja") : dokumentText("nein"));
    if (ww) {
      out.row(fieldLabel("datum"), formatDate(ww.datum));
      out.row(fieldLabel("zusicherung"), displayValue("Wohnungswechsel", "Zusicherung", ww.zusicherung));
    }
    const abrechnung = e.aenderungen?.find((x) => x.art === "Abrechnung");
    out.row(dokumentText("abrechnungErhalten"), abrechnung ? dokumentText("ja") : dokumentText("nein"));
    if (abrechnung) for (const { label, value } of modelRows(abrechnung, "Abrechnung")) out.row(label, value);
  });

  out.heading(dokumentText("abschnitte.weitereAenderungen"));
  const weitere = w.weitereAenderungen;
  out.row(fieldLabel("arten"), weitere.arten.map((a) => displayValue("WeitereAenderungen", "Arten", a)).join(", "));
  if (weitere.beschreibung) out.row(fieldLabel("beschreibung"), weitere.beschreibung);
  if (weitere.absehbar) out.row(fieldLabel("absehbar"), weitere.absehbar);

  for (const g of e.gesonderteAntraege ?? []) {
    out.heading(dokumentText("abschnitte.gesondert", { name: dokumentText(`gesondert.${g.antragsart}`) }));
    out.note(dokumentText("gesondert.hinweis"));
    out.row(fieldLabel("beschreibung"), g.beschreibung);
  }
}

export const document: FlowDocument<Weiterbewilligungsantrag> = {
  outline,
  person: (e) => e.antragsteller,
  dueDate: (e) => e.weiterbewilligung.bwzBeginnNeu,
  attention: (e, { inArea }) => {
    const w = e.weiterbewilligung;
    const out: FlowAttention[] = residenceAttention(e.antragsteller, inArea);
    const geaendert = (w.abgleich ?? []).filter((p) => p.status === "geaendert").map((p) => pageTitle(e, p.schluessel));
    if (geaendert.length > 0) out.push({ code: "geaendertGegenueberVorantrag", values: { count: geaendert.length, seiten: geaendert.join("; ") } });
    const joined = w.personenwechsel?.neu?.length ?? 0;
    const left = w.personenwechsel?.nichtMehrImHaushalt?.length ?? 0;
    if (joined + left > 0) out.push({ code: "personenwechsel", values: { neu: joined, weg: left } });
    const separate = e.gesonderteAntraege ?? [];
    if (separate.length > 0) out.push({ code: "gesonderteAntraege", values: { count: separate.length, arten: separate.map((g) => dokumentText(`gesondert.${g.antragsart}`)).join(", ") } });
    return out;
  },
  receiptItems: (e) => [
    ...formularItems(e),
    ...(e.gesonderteAntraege ?? []).map((g) => ({ key: `gesondert.${g.antragsart}` })),
  ],
};
