/**
 * The German structured data for the caseworker page, from the canonical model — the same
 * labelling as the caseworker PDF (locales/de/dokument.json, the flows' German option labels).
 * The PDF sections write into a PageFlow; here a recorder with the same methods collects them
 * as headings and label/value rows, so the Erstantrag's layout (erstantragSection) is reused
 * as is.
 */
import type { Kurzantrag } from "~/model/kurzantrag";
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import type { Fachdaten } from "~/submission/document";
import { erstantragSection } from "~/submission/pdf/erstantrag.server";
import { changeName, dokumentText, fieldLabel, modelRows } from "~/submission/pdf/labels.server";
import type { PageFlow } from "~/submission/pdf/layout.server";

export type Block =
  | { kind: "subheading"; text: string }
  | { kind: "row"; label: string; value: string }
  | { kind: "text"; text: string };

export interface Section {
  heading: string;
  blocks: Block[];
}

/** Records what a PDF section draws. */
class Recorder {
  sections: Section[] = [];
  private current(): Section {
    if (this.sections.length === 0) this.sections.push({ heading: "", blocks: [] });
    return this.sections[this.sections.length - 1];
  }
  heading(text: string) { this.sections.push({ heading: text, blocks: [] }); }
  subheading(text: string) { this.current().blocks.push({ kind: "subheading", text }); }
  row(label: string, value: string) { this.current().blocks.push({ kind: "row", label, value }); }
  paragraph(text: string) { this.current().blocks.push({ kind: "text", text }); }
  note(text: string) { this.current().blocks.push({ kind: "text", text }); }
  checkItem(text: string, detail?: string) { this.current().blocks.push({ kind: "text", text: detail ? `${text} (${detail})` : text }); }
  gap() {}
}

function veraenderung(r: Recorder, vm: Veraenderungsmitteilung) {
  r.heading(dokumentText("abschnitte.mitteilendePerson"));
  for (const { label, value } of modelRows(vm.mitteilendePerson)) r.row(label, value);
  r.heading(dokumentText("abschnitte.aenderungen"));
  vm.aenderungen.forEach((change, i) => {
    r.subheading(dokumentText("abschnitte.aenderung", { nummer: i + 1, name: changeName(change.art) }));
    for (const { label, value } of modelRows(change, change.art)) r.row(label, value);
  });
}

function kurzantrag(r: Recorder, k: Kurzantrag) {
  r.heading(dokumentText("abschnitte.kurzantrag"));
  r.paragraph(dokumentText("kurzantrag.erklaerung", { leistung: k.leistung }));
  for (const { label, value } of modelRows(k.antragstellendePerson)) r.row(label, value);
  if (k.haushaltsgroesse) r.row(fieldLabel("haushaltsgroesse"), String(k.haushaltsgroesse));
}

export function structuredData(model: Fachdaten): Section[] {
  const r = new Recorder();
  switch (model.art) {
    case "Veraenderungsmitteilung": veraenderung(r, model); break;
    case "Kurzantrag": kurzantrag(r, model); break;
    case "Erstantrag": erstantragSection(r as unknown as PageFlow, model); break;
  }
  r.heading(fieldLabel("anmerkungen"));
  r.paragraph(model.anmerkungen?.trim() || dokumentText("keineAngaben"));
  return r.sections;
}

/** "Nachname, Vorname" of the person who applied or reported, for the inbox. */
export function applicantName(model: Fachdaten): string {
  const p = model.art === "Veraenderungsmitteilung" ? model.mitteilendePerson
    : model.art === "Kurzantrag" ? model.antragstellendePerson : model.antragsteller;
  return `${p.nachname}, ${p.vorname}`;
}
