/**
 * The school's part of the Lernförderung application (Teil B, wba-but.md B.3/B.4 4): a German
 * PDF the parent downloads from the Lernförderung page and gives to the school, which fills it
 * in by hand. The child's name, birth date, school and class are filled from the draft; the
 * school's statements are empty rows and boxes. Its texts: locales/de/dokument.json
 * `schulbestaetigung.*` (always German: the school reads it).
 */
import { PDFDocument } from "pdf-lib";
import { dokumentText } from "~/submission/pdf/labels.server";
import { formatDate } from "~/submission/pdf/format.server";
import { PageFlow } from "~/submission/pdf/layout.server";
import { applyPdfA } from "~/submission/pdf/pdfa.server";
import { memberName } from "../engine/members";
import type { AnswerView, Member } from "../engine/types";

const BLANK = "\n\n";
const s = (key: string, vars?: Record<string, string | number>) => dokumentText(`schulbestaetigung.${key}`, vars);

export async function schoolConfirmationPdf(_answers: AnswerView, child: Member | undefined, now = new Date()): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const flow = new PageFlow(pdf, { footer: (page, pages) => s("seite", { page, pages }) });
  const v = child?.values ?? {};
  const text = (name: string) => (typeof v[name] === "string" && v[name] !== "" ? String(v[name]) : BLANK);
  flow.title(s("titel"), s("untertitel"));
  flow.paragraph(s("anDieSchule"));
  flow.heading(s("abschnittKind"));
  flow.row(s("name"), child ? memberName(child) || BLANK : BLANK);
  flow.row(s("geburtsdatum"), typeof v.geburtsdatum === "string" ? formatDate(v.geburtsdatum) : BLANK);
  flow.row(s("schule"), text("einrichtungName"));
  flow.row(s("klasse"), text("klasse"));
  flow.heading(s("abschnittSchule"));
  flow.row(s("faecher"), BLANK);
  flow.row(s("lernziele"), BLANK);
  flow.row(s("ursache"), BLANK);
  flow.note(s("ursacheHinweis"));
  flow.checkItem(s("zusaetzlich"));
  flow.checkItem(s("keinSchulangebot"));
  flow.checkItem(s("geeignet"));
  flow.row(s("umfang"), BLANK);
  flow.row(s("zeitraum"), BLANK);
  flow.heading(s("abschnittUnterschrift"));
  flow.row(s("lehrkraft"), BLANK);
  flow.row(s("ortDatum"), BLANK);
  flow.row(s("stempel"), `${BLANK}\n`);
  flow.note(s("datenschutz"));
  flow.finish();
  applyPdfA(pdf, { title: s("titel"), created: now, language: "de", idSeed: `schulbestaetigung|${now.toISOString()}` });
  return pdf.save({ useObjectStreams: false });
}
