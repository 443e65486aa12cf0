/**
 * The document outline of the Hauptantrag's blocks (caseworker PDF and caseworker page), in the
 * order of the BA form set: the forms these data stand in for, the applicant (HA A–D), the
 * household (HA G), then one block per person (HA D–F, Anlage WEP / KI / HG with EK, EKS, SV,
 * MEB, BB, UF, UH2, UH3), VE, KDU and VM. Code values print as the German option labels the
 * applicant chose from. Flows put their own parts around it (erstantrag/document.server.ts).
 */
import type { Erstantrag, Mitglied } from "~/model/erstantrag";
import { germanText, dokumentText, fieldLabel } from "~/submission/pdf/labels.server";
import { formatAmount, formatDate, formatIban } from "~/submission/pdf/format.server";
import type { OutlineSink, Step } from "~/flows/engine/types";
import { steps as A } from "./antragsteller/steps";
import { steps as C } from "./antragstellung/steps";
import { steps as B } from "./aufenthalt/steps";
import { leistungsSteps, steps as EK } from "./einkommen/steps";
import { steps as EKS } from "./eks/steps";
import { steps as G } from "./haushalt/steps";
import { steps as KDU } from "./kdu/steps";
import { steps as L } from "./lebenslage/steps";
import { steps as UH } from "./unterhalt/steps";
import { steps as VM, vermoegensSteps } from "./vermoegen/steps";
import { steps as SV } from "./versicherung/steps";
import { steps as W } from "./werdegang/steps";

const BLOCK_STEPS: Step[] = [A, C, B, EK, EKS, G, KDU, L, UH, VM, SV, W].flatMap((b) => Object.values(b) as Step[]).concat(leistungsSteps, vermoegensSteps);
/** The namespace of a step's texts (its building block's), where its German option labels are. */
const namespaceOf = (stepId: string) => BLOCK_STEPS.find((s) => s.id === stepId)?.namespace ?? "erstantrag";

/** Code-valued model fields → the step field whose options label them; "<parent>.<field>" where a name is ambiguous. */
export const CODES: Record<string, readonly [string, string]> = {
  geschlecht: ["person", "geschlecht"],
  staatsangehoerigkeit: ["herkunft", "staatsangehoerigkeit"],
  aufenthaltsstatus: ["aufenthalt", "status"],
  antragsweg: ["formlos", "weg"],
  vertretungsart: ["vertretung", "art"],
  familienstand: ["familienstand", "stand"],
  unterhalt: ["uh1", "unterhalt"],
  vaterschaft: ["uh2", "vaterschaft"],
  beziehung: ["haushalt", "beziehung"],
  ausbildungsart: ["ausbildung", "art"],
  foerderung: ["ausbildung", "foerderung"],
  teilhabe: ["behinderung", "teilhabe"],
  haeufigkeit: ["besondererBedarf", "haeufigkeit"],
  einrichtungsart: ["stationaer", "art"],
  "vorleistung.leistungsart": ["vorleistung", "art"],
  "lohnersatz.leistungsart": ["lohnersatz", "art"],
  "Leistungseinkommen.leistungsart": ["einkommen", "arten"],
  beschaeftigungsart: ["erwerb", "art"],
  umsatzsteuer: ["eks", "umsatzsteuer"],
  versicherungsart: ["versicherung", "art"],
  kindergeld: ["kind", "kindergeld"],
  betreuung: ["kind", "betreuung"],
  kinderversicherung: ["kind", "versicherung"],
  kindesunterhalt: ["kind", "unterhalt"],
  einkommenVorhanden: ["hg", "einkommen"],
  hinweise: ["partnerschaft", "hinweise"],
  wohnform: ["wohnform", "art"],
  heizungsart: ["heizung", "art"],
  warmwasser: ["heizung", "warmwasser"],
  vermoegensart: ["vermoegen", "arten"],
  immobilienart: ["vmImmobilien", "art"],
  eingereichtVon: ["vertreter", "eingereichtVon"],
  warmwasserEnergie: ["warmwasserEnergie", "energie"],
  vermoegenVorhanden: ["hg", "vermoegen"],
};

const DATES = /datum|termin|^seit$|^von$|^bis$|^beginn$|^einreise$|familienstandSeit|leistungsbeginn|bewilligungszeitraumBeginn|asylbewerberleistungenBis/i;
/** Betrag values are the only ones the model writes as "1234.50" (model/common.ts), whatever the field is called. */
const AMOUNT = /^\d+\.\d{2}$/;

export function code(parent: string, field: string, value: string): string {
  const source = CODES[`${parent}.${field}`] ?? CODES[field];
  if (!source) return dokumentLabelOr(`codes.${field}.${value}`, value);
  return germanText(namespaceOf(source[0]), `steps.${source[0]}.fields.${source[1]}.options.${value}`) ?? dokumentLabelOr(`codes.${field}.${value}`, value);
}

function dokumentLabelOr(key: string, fallback: string): string {
  return germanText("dokument", key) ?? fallback;
}

function scalar(parent: string, field: string, value: unknown): string {
  if (typeof value === "boolean") return dokumentText(value ? "ja" : "nein");
  const s = String(value);
  if (field === "iban") return formatIban(s);
  if (DATES.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  if (AMOUNT.test(s)) return formatAmount(s);
  return code(parent, field, s);
}

interface Row { label: string; value: string }

/** A model object as rows; nested objects flatten with "Teil – Feld" labels, lists number their items. */
export function rows(object: object, parent: string, prefix?: string, skip: readonly string[] = []): Row[] {
  return Object.entries(object).flatMap(([field, value]): Row[] => {
    if (skip.includes(field) || field === "art" || value === undefined || value === null || value === "") return [];
    const label = prefix ? `${prefix} – ${fieldLabel(field)}` : fieldLabel(field);
    if (Array.isArray(value)) {
      if (value.length === 0) return [];
      if (value.every((v) => typeof v !== "object")) return [{ label, value: value.map((v) => scalar(parent, field, v)).join(", ") }];
      return value.flatMap((item: Record<string, unknown>, i) => {
        const itemLabel = typeof item.art === "string" ? `${dokumentText(`einkommensarten.${item.art}`)} ${i + 1}` : `${label} ${i + 1}`;
        return rows(item, typeof item.art === "string" ? item.art : field, itemLabel);
      });
    }
    if (typeof value === "object") return rows(value, field, label);
    return [{ label, value: scalar(parent, field, value) }];
  });
}

export function print(flow: OutlineSink, list: Row[]): void {
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
  print(flow, rows(e.antragsteller, "antragsteller"));

  flow.heading(dokumentText("abschnitte.haushalt"));
  for (const m of e.mitglieder) {
    flow.row(
      dokumentText("haushalt.person", { nummer: m.personNr }),
      dokumentText("haushalt.zeile", {
        name: nameOf(m), geburtsdatum: formatDate(m.geburtsdatum), geschlecht: code("mitglied", "geschlecht", m.geschlecht), beziehung: code("mitglied", "beziehung", m.beziehung),
        zugehoerigkeit: dokumentText(`zugehoerigkeit.${m.zugehoerigkeit}`), formular: m.formular === "keines" ? dokumentText("keine") : m.formular,
      }),
    );
  }
  if (e.verantwortungsgemeinschaft) {
    flow.subheading(formName("VE"));
    print(flow, rows(e.verantwortungsgemeinschaft, "verantwortungsgemeinschaft"));
  }

  for (const m of e.mitglieder) {
    const details = rows(m, "mitglied", undefined, ["personNr", "vorname", "nachname", "geburtsdatum", "beziehung", "zugehoerigkeit", "formular", "geschlecht"]);
    const formular = m.formular === "keines" ? dokumentText("haushalt.ohneAnlage") : formName(m.formular);
    flow.heading(dokumentText("abschnitte.person", { nummer: m.personNr, name: nameOf(m), formular }));
    if (m.einkommen && m.einkommen.length === 0) flow.row(fieldLabel("einkommen"), dokumentText("keine"));
    if (details.length === 0 && !m.einkommen) flow.paragraph(dokumentText("haushalt.keineAnlage"));
    print(flow, details);
  }

  flow.heading(formName("KDU"));
  if (e.unterkunft) print(flow, rows(e.unterkunft, "unterkunft"));
  else flow.paragraph(dokumentText("unterkunft.keine"));

  between?.();

  flow.heading(formName("VM"));
  flow.paragraph(dokumentText(`vermoegen.${e.vermoegen.regime}`, { grenze: formatAmount(e.vermoegen.grenze) }));
  print(flow, rows(e.vermoegen, "vermoegen", undefined, ["regime", "grenze"]));
  if (e.vermoegen.vermoegensposten.length === 0 && e.vermoegen.erheblich !== true) flow.row(fieldLabel("vermoegensposten"), dokumentText("keine"));
}


/** Each form the answers stand in for, with its person (receipt page and receipt PDF). */
export function formularItems(e: Pick<HauptantragDaten, "formulare" | "mitglieder">) {
  return e.formulare.map((f) => {
    const m = f.personNr ? e.mitglieder[f.personNr - 1] : undefined;
    return { key: `formulare.${f.kuerzel}`, ...(m ? { person: `${m.vorname} ${m.nachname}` } : {}) };
  });
}
