/**
 * The caseworker PDF: the submission in German, laid out like the BA form – Kopf, Mitteilende
 * Person, one section per Änderung, Weitere Angaben, a Nachweis checklist, Anlagen – with the
 * sealed XML attached as its PDF/A-3 source. The PDF is for reading; the XML is the record.
 */
import { createHash } from "node:crypto";
import { AFRelationship, PDFDocument } from "pdf-lib";
import { findStep, stepNamespace } from "~/flows/engine/journey";
import { requireFlow } from "~/flows/registry.server";
import { SCHEMA_VERSION, type SubmissionDocument } from "~/submission/document";
import { flowOutline } from "~/submission/flow-outline.server";
import { writeOutline } from "~/submission/outline";
import { berlinDateTime, formatDate, formatSize, nameAndAddress } from "./format.server";
import { dokumentText, fieldLabel, languageName, stepTitle } from "./labels.server";
import { GREY, PageFlow } from "./layout.server";
import { applyPdfA } from "./pdfa.server";

export const XML_ATTACHMENT = "antrag.xml";
const XML_DESCRIPTION = "Strukturierte Daten (XML, XMLDSig-versiegelt)";

/**
 * Builds the caseworker PDF, not yet saved: the caller adds the signature placeholder and
 * saves with `useObjectStreams: false`.
 */
export async function buildCaseworkerPdf(doc: SubmissionDocument, sealedXml: string): Promise<PDFDocument> {
  const { kopf } = doc;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const received = new Date(kopf.eingang);
  const eingang = dokumentText("kopf.eingangZeit", berlinDateTime(kopf.eingang));
  const title = dokumentText(`verfahren.${kopf.verfahren}.titel`);

  const flow = new PageFlow(pdf, {
    header: (f) => {
      const { left, width, headerY } = f.frame;
      const style = { size: 8, color: GREY };
      // Two short blocks rather than one long line: jobcenter names can be long.
      f.textAt(`${kopf.jobcenter.name}\n${title}`, style, left, headerY, width * 0.6, "start");
      f.textAt(`${dokumentText("kopf.referenz")} ${kopf.referenz}\n${dokumentText("kopf.eingang")} ${eingang}`, style, left + width * 0.6, headerY, width * 0.4, "end");
    },
    footer: (page, pages) => dokumentText("seite", { page, pages }),
  });

  flow.title(title, dokumentText(`verfahren.${kopf.verfahren}.untertitel`));
  kopfSection(flow, doc, eingang);
  writeOutline(flowOutline(kopf.verfahren, doc.fachdaten), flow);
  flow.heading(fieldLabel("anmerkungen"));
  flow.paragraph(doc.fachdaten.anmerkungen?.trim() || dokumentText("keineAngaben"));
  nachweiseSection(flow, doc);
  anlagenSection(flow, doc);
  flow.finish();

  const xml = new TextEncoder().encode(sealedXml);
  await pdf.attach(xml, XML_ATTACHMENT, {
    mimeType: "application/xml",
    description: XML_DESCRIPTION,
    afRelationship: AFRelationship.Source,
    creationDate: received,
    modificationDate: received,
  });
  applyPdfA(pdf, {
    title: `${title} ${kopf.referenz}`,
    created: received,
    language: "de-DE",
    attachment: { DocumentFileName: XML_ATTACHMENT, DocumentType: kopf.verfahren, Version: SCHEMA_VERSION, Reference: kopf.referenz },
    idSeed: `${kopf.referenz}|${kopf.eingang}|${createHash("sha256").update(xml).digest("hex")}`,
  });
  return pdf;
}

/** The caseworker PDF as bytes (without seal), e.g. for previews and tests. */
export async function renderCaseworkerPdf(doc: SubmissionDocument, sealedXml: string): Promise<Uint8Array> {
  const pdf = await buildCaseworkerPdf(doc, sealedXml);
  return pdf.save({ useObjectStreams: false });
}

function kopfSection(flow: PageFlow, doc: SubmissionDocument, eingang: string): void {
  const { kopf } = doc;
  flow.heading(dokumentText("abschnitte.kopf"));
  flow.row(dokumentText("kopf.referenz"), kopf.referenz);
  flow.row(dokumentText("kopf.eingang"), eingang);
  flow.row(dokumentText("kopf.jobcenter"), nameAndAddress(kopf.jobcenter));
  flow.row(dokumentText("kopf.sprache"), languageName(kopf.sprache));
  flow.row(dokumentText("kopf.formularversion"), kopf.formularversion);
  flow.row(dokumentText("kopf.rechtsstand"), formatDate(kopf.rechtsstand));
  flow.gap(4);
  flow.note(dokumentText("kopf.xmlHinweis", { file: XML_ATTACHMENT }));
}

function nachweiseSection(flow: PageFlow, doc: SubmissionDocument): void {
  flow.heading(dokumentText("abschnitte.nachweise"));
  if (doc.nachweise.length === 0) {
    flow.paragraph(dokumentText("nachweise.keine"));
    return;
  }
  flow.note(dokumentText("nachweise.hinweis"));
  for (const n of doc.nachweise) {
    const definition = requireFlow(doc.kopf.verfahren);
    const step = findStep(definition, n.anlass);
    const anlass = dokumentText("nachweise.anlass", { anlass: stepTitle(n.anlass, step ? stepNamespace(definition, step) : definition.namespace) });
    flow.checkItem(n.betrifft ? `${n.bezeichnung} – ${n.betrifft}` : n.bezeichnung, anlass);
  }
}

function anlagenSection(flow: PageFlow, doc: SubmissionDocument): void {
  flow.heading(dokumentText("abschnitte.anlagen"));
  if (doc.anlagen.length === 0) {
    flow.paragraph(dokumentText("keine"));
    return;
  }
  doc.anlagen.forEach((anlage, i) => {
    flow.row(dokumentText("anlagen.datei", { nummer: i + 1 }), anlage.dateiname);
    flow.row(dokumentText("anlagen.groesse"), formatSize(anlage.groesse));
    flow.row(dokumentText("anlagen.typ"), anlage.mimeType);
    flow.row(dokumentText("anlagen.sha256"), anlage.sha256, { small: true });
    if (anlage.nachweisSchluessel) {
      const nachweis = doc.nachweise.find((n) => n.schluessel === anlage.nachweisSchluessel?.replace(/-\d+$/, ""))?.bezeichnung;
      flow.row(dokumentText("anlagen.nachweis"), nachweis ?? (anlage.nachweisSchluessel === "sonstiges" ? dokumentText("anlagen.sonstiges") : anlage.nachweisSchluessel));
    }
  });
}
