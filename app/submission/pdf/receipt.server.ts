/**
 * The applicant's Eingangsbestätigung: first in the applicant's language, then in German (the
 * version that counts), in one PDF/A file. It names the reference, the time of receipt, the
 * jobcenter, what was reported, and the SHA-256 of the sealed caseworker PDF – so the
 * applicant can later show that the jobcenter's document is the one they sent.
 */
import { PDFDocument } from "pdf-lib";
import { direction, isLanguage, type Language } from "~/i18n/config";
import { fixedT } from "~/i18n/i18next.server";
import type { SubmissionDocument } from "~/submission/document";
import { formatBerlinDateTime } from "~/i18n/format";
import { nameAndAddress } from "./format.server";
import { submittedItems } from "../flow-outline.server";
import { PageFlow, type PageDecor } from "./layout.server";
import { applyPdfA } from "./pdfa.server";

export interface ReceiptInput {
  /** The applicant's language (ISO 639-1). */
  language: string;
  /** SHA-256 (hex) of the sealed caseworker PDF. */
  documentSha256: string;
  /** Reference + Zugangscode open the status page from any device. */
  accessCode?: string;
}

/** The parts, in order: the applicant's language (English if we have no texts for it), then German. */
export function receiptLanguages(language: string): Language[] {
  const own: Language = isLanguage(language) ? language : "en";
  return own === "de" ? ["de"] : [own, "de"];
}

export async function renderReceiptPdf(doc: SubmissionDocument, input: ReceiptInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const languages = receiptLanguages(input.language);
  const flow = new PageFlow(pdf, decorFor(languages[0]));
  languages.forEach((lng, i) => {
    if (i === 0) flow.setDirection(direction(lng), lng);
    else flow.startPart(decorFor(lng), direction(lng), lng);
    receiptPart(flow, doc, input, lng, i < languages.length - 1);
  });
  flow.finish();

  const first = fixedT(languages[0], "common");
  applyPdfA(pdf, {
    title: `${first("receiptPdf.title")} ${doc.kopf.referenz}`,
    created: new Date(doc.kopf.eingang),
    language: languages[0],
    idSeed: `receipt|${doc.kopf.referenz}|${doc.kopf.eingang}|${input.documentSha256}|${languages.join(",")}`,
  });
  return pdf.save({ useObjectStreams: false });
}

/** Flows translate under a namespace named like the flow. */
const kopfNamespace = (doc: SubmissionDocument) => doc.kopf.verfahren;

/** Each part's pages are numbered in its own language. */
function decorFor(lng: Language): PageDecor {
  const t = fixedT(lng, "common");
  return { footer: (page, pages) => t("receiptPdf.page", { page, pages }) };
}

/** One language's text; `germanFollows` points to the German part after it. */
function receiptPart(flow: PageFlow, doc: SubmissionDocument, input: ReceiptInput, lng: Language, germanFollows: boolean): void {
  const t = fixedT(lng, "common");
  const ns = kopfNamespace(doc);
  const { kopf } = doc;
  // The applicant's date pattern, as on the pages (app/i18n/format.ts); the German part: 22.11.2026.
  const { date, time } = formatBerlinDateTime(kopf.eingang, lng);
  // Each kind of change once, in the order reported (two people moving in are one line); each form with its person.
  const changes = submittedItems(doc.kopf.verfahren, doc.fachdaten).map((item) => `• ${t(`${ns}:${item.key}`)}${item.person ? ` (${item.person})` : ""}`);

  flow.title(t("receiptPdf.title"));
  flow.paragraph(t(`${ns}:receiptPdf.received`, { jobcenter: kopf.jobcenter.name, date, time }));
  flow.gap(6);
  flow.row(t("receiptPdf.reference"), kopf.referenz);
  if (input.accessCode) flow.row(t("receiptPdf.accessCode"), input.accessCode);
  flow.row(t("receiptPdf.receivedAt"), t("receiptPdf.dateTime", { date, time }));
  flow.row(t("receiptPdf.jobcenter"), nameAndAddress(kopf.jobcenter));
  flow.row(t(`${ns}:receiptPdf.submitted`), changes.join("\n"));
  flow.gap(8);
  flow.paragraph(t("receiptPdf.checksum"), { size: 10, bold: true });
  flow.paragraph(input.documentSha256, { size: 9 });
  flow.note(t(`${ns}:receiptPdf.checksumHint`));
  flow.gap(6);
  flow.paragraph(t(`${ns}:receiptPdf.keep`));
  if (input.accessCode) flow.note(t("receiptPdf.accessCodeHint"));
  if (germanFollows) flow.note(t("receiptPdf.germanFollows"));
}
