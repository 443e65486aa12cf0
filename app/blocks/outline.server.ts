/**
 * The document outline of the Hauptantrag's blocks (caseworker PDF and caseworker page), in the
 * order of the BA form set: the forms these data stand in for, the applicant (HA A–D), the
 * household (HA G), then one block per person (HA D–F, Anlage WEP / KI / HG with EK, EKS, SV,
 * MEB, BB, UF, UH2, UH3), VE, KDU and VM. Code values print as the German option labels the
 * applicant chose from. Flows put their own parts around it (erstantrag/document.server.ts).
 */
import type { Erstantrag, Mitglied } from "~/model/erstantrag";
import { dokumentText, fieldLabel } from "~/submission/pdf/labels.server";
import { formatAmount, formatDate } from "~/submission/pdf/format.server";
import type { OutlineSink } from "~/flows/engine/types";
import { displayValue, modelRows } from "~/submission/values.server";

/** A model value as the caseworker reads it (app/submission/values.server.ts: by its XSD type). */
export const code = (parent: string, element: string, value: string) => displayValue(parent, element, value);
/** A model object as label/value rows (app/submission/values.server.ts). */
export const rows = modelRows;

export function print(flow: OutlineSink, list: readonly { label: string; value: string }[]): void {
  for (const { label, value } of list) flow.row(label, value);
}

const nameOf = (m: Mitglied) => `${m.vorname} ${m.nachname}`;

export function formName(kuerzel: string): string {
  return dokumentText(`formulare.${kuerzel}`);
}

/** What the Hauptantrag's blocks write in a flow's model (Erstantrag, Weiterbewilligungsantrag). */
export type HauptantragDaten = Pick<Erstantrag, "antragsteller" | "mitglieder" | "verantwortungsgemeinschaft" | "unterkunft" | "vermoegen" | "formulare">;

/** The forms, the applicant, the household, each person, KDU and VM. `between` comes before VM (a renewal's changes). */
export function outlineHauptantrag(e: HauptantragDaten, flow: OutlineSink, between?: () => void): void {
  flow.heading(dokumentText("abschnitte.formulare"));
  flow.note(dokumentText("formulare.hinweis"));
  for (const f of e.formulare) {
    const person = f.personNr ? e.mitglieder[f.personNr - 1] : undefined;
    flow.checkItem(formName(f.kuerzel), person ? dokumentText("formulare.person", { nummer: person.personNr, name: nameOf(person) }) : undefined);
  }

  flow.heading(dokumentText("abschnitte.antragsteller"));
  print(flow, rows(e.antragsteller, "Antragsteller"));

  flow.heading(dokumentText("abschnitte.haushalt"));
  for (const m of e.mitglieder) {
    flow.row(
      dokumentText("haushalt.person", { nummer: m.personNr }),
      dokumentText("haushalt.zeile", {
        name: nameOf(m), geburtsdatum: formatDate(m.geburtsdatum), geschlecht: code("Mitglied", "Geschlecht", m.geschlecht), beziehung: code("Mitglied", "Beziehung", m.beziehung),
        zugehoerigkeit: dokumentText(`zugehoerigkeit.${m.zugehoerigkeit}`), formular: m.formular === "keines" ? dokumentText("keine") : m.formular,
      }),
    );
  }
  if (e.verantwortungsgemeinschaft) {
    flow.subheading(formName("VE"));
    print(flow, rows(e.verantwortungsgemeinschaft, "Verantwortungsgemeinschaft"));
  }

  for (const m of e.mitglieder) {
    const details = rows(m, "Mitglied", undefined, ["personNr", "vorname", "nachname", "geburtsdatum", "beziehung", "zugehoerigkeit", "formular", "geschlecht"]);
    const formular = m.formular === "keines" ? dokumentText("haushalt.ohneAnlage") : formName(m.formular);
    flow.heading(dokumentText("abschnitte.person", { nummer: m.personNr, name: nameOf(m), formular }));
    if (m.einkommen && m.einkommen.length === 0) flow.row(fieldLabel("einkommen"), dokumentText("keine"));
    if (details.length === 0 && !m.einkommen) flow.paragraph(dokumentText("haushalt.keineAnlage"));
    print(flow, details);
  }

  flow.heading(formName("KDU"));
  if (e.unterkunft) print(flow, rows(e.unterkunft, "Unterkunft"));
  else flow.paragraph(dokumentText("unterkunft.keine"));

  between?.();

  flow.heading(formName("VM"));
  flow.paragraph(dokumentText(`vermoegen.${e.vermoegen.regime}`, { grenze: formatAmount(e.vermoegen.grenze) }));
  print(flow, rows(e.vermoegen, "Vermoegen", undefined, ["regime", "grenze"]));
  if (e.vermoegen.vermoegensposten.length === 0 && e.vermoegen.erheblich !== true) flow.row(fieldLabel("vermoegensposten"), dokumentText("keine"));
}


/** Each form the answers stand in for, with its person (receipt page and receipt PDF). */
export function formularItems(e: Pick<HauptantragDaten, "formulare" | "mitglieder">) {
  return e.formulare.map((f) => {
    const m = f.personNr ? e.mitglieder[f.personNr - 1] : undefined;
    return { key: `formulare.${f.kuerzel}`, ...(m ? { person: `${m.vorname} ${m.nachname}` } : {}) };
  });
}
