/**
 * The BuT-Antrag's document outline (caseworker PDF and page): what kind of request it is under
 * which law, the applying person, then each child with its requests, one block per Leistung.
 */
import type { BuT } from "~/model/but";
import { dokumentText, fieldLabel } from "~/submission/pdf/labels.server";
import { displayValue, modelRows, type Row } from "~/submission/values.server";
import type { FlowAttention, FlowDocument, OutlineSink } from "../engine/types";

const rows = (out: OutlineSink, list: Row[]) => { for (const { label, value } of list) out.row(label, value); };
const name = (p: { vorname: string; nachname: string }) => `${p.vorname} ${p.nachname}`;

/** The dates a trip or a start lies on: the earliest is when the office must have decided. */
function dates(b: BuT): string[] {
  return b.kinder.flatMap((k) => k.leistungen.flatMap((l) => (l.art === "Ausflug" ? [l.datum] : l.art === "Klassenfahrt" ? [l.von] : [])));
}

export const document: FlowDocument<BuT> = {
  outline(b, out) {
    out.heading(dokumentText("abschnitte.but"));
    out.row(fieldLabel("rechtskreis"), displayValue("BuT", "Rechtskreis", b.rechtskreis));
    if (b.bezugReferenz) out.row(fieldLabel("bezugReferenz"), b.bezugReferenz);
    out.note(dokumentText(b.rechtskreis === "grundsicherung" ? "but.hinweisGrundsicherung" : "but.hinweisBkgg"));
    out.heading(dokumentText("abschnitte.antragsperson"));
    rows(out, modelRows(b.antragsperson, "Antragsperson"));
    if (b.anschrift) rows(out, modelRows(b.anschrift, "Anschrift", fieldLabel("anschrift")));
    if (b.bescheid) rows(out, modelRows(b.bescheid, "Bescheid", fieldLabel("bescheid")));
    b.kinder.forEach((kind, i) => {
      out.heading(dokumentText("abschnitte.butKind", { nummer: i + 1, name: name(kind) }));
      rows(out, modelRows(kind, "BuTKind", undefined, ["leistungen"]));
      if (kind.leistungen.length === 0) out.note(dokumentText("but.keineLeistung"));
      for (const leistung of kind.leistungen) {
        out.subheading(dokumentText(`but.leistungen.${leistung.art}`));
        rows(out, modelRows(leistung, leistung.art));
      }
    });
    if (b.konto) {
      out.heading(dokumentText("abschnitte.butKonto"));
      rows(out, modelRows(b.konto, "Konto"));
    }
  },
  person: (b) => b.antragsperson,
  /** Each request, named with its child. */
  receiptItems: (b) => b.kinder.flatMap((k) => k.leistungen.map((l) => ({ key: `kategorien.${l.art}`, person: name(k) }))),
  /** The first trip: the office has to decide before it (wba-but.md B.4 5). */
  dueDate: (b) => dates(b).sort()[0],
  /** In an SGB II case Lernförderung is an application of its own (§ 37 Abs. 1 S. 2 SGB II), the rest reports costs. */
  attention(b) {
    if (b.rechtskreis !== "grundsicherung") return [];
    const lern = b.kinder.filter((k) => k.leistungen.some((l) => l.art === "Lernfoerderung"));
    return lern.length === 0 ? [] : [{ code: "gesonderteAntraege", values: { count: lern.length, arten: lern.map((k) => `${dokumentText("but.leistungen.Lernfoerderung")}: ${name(k)}`).join(", ") } } satisfies FlowAttention];
  },
};
