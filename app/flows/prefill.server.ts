/**
 * Prefill from an earlier sealed submission (ADR 0028): the person uploads the PDF they
 * downloaded from a receipt of this portal. Both seals are checked against the jobcenter's own
 * trust anchors (the PAdES seal of the PDF, then the XMLDSig seal of the XML it embeds), the XML
 * is read in memory and turned into this flow's answers; nothing of the file is kept.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, PDFHexString, decodePDFRawStream } from "pdf-lib";
import type { Jobcenter } from "~/tenants/jobcenter";
import { checkPdfSeal, checkXmlSeal, trustAnchorsFor } from "~/caseworker/seal-check.server";
import { XML_ATTACHMENT } from "~/submission/pdf/caseworker.server";
import { parseSubmissionXml } from "~/submission/xml/parse.server";
import { prefillAnswers } from "./engine/prefill";
import type { Answers, FlowDefinition } from "./engine/types";

/** Why an upload cannot prefill, and the page's own upload errors: `<namespace>:prefill.errors.<code>`. */
export const PREFILL_ERRORS = ["noFile", "tooLarge", "notOurs", "invalid", "foreign", "wrongKind"] as const;
export type PrefillRefusal = "notOurs" | "invalid" | "foreign" | "wrongKind";
export type PrefillOutcome = { ok: true; answers: Answers; referenz: string; pages: number } | { ok: false; reason: PrefillRefusal };

/** The embedded file named XML_ATTACHMENT, decoded, or undefined. */
async function embeddedXml(bytes: Buffer): Promise<string | undefined> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const files = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  const list = files?.lookupMaybe(PDFName.of("Names"), PDFArray);
  if (!list) return undefined;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const name = list.lookup(i);
    const text = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : "";
    if (text !== XML_ATTACHMENT) continue;
    const stream = list.lookup(i + 1, PDFDict).lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"));
    if (!(stream instanceof PDFRawStream)) return undefined;
    return Buffer.from(decodePDFRawStream(stream).decode()).toString("utf8");
  }
  return undefined;
}

export async function prefillFromSealedPdf(flow: FlowDefinition, jobcenter: Jobcenter, bytes: Buffer): Promise<PrefillOutcome> {
  if (!bytes.subarray(0, 1024).toString("latin1").includes("%PDF-")) return { ok: false, reason: "notOurs" };
  const anchors = trustAnchorsFor(jobcenter);
  const pdfSeal = checkPdfSeal(bytes, anchors);
  if (pdfSeal.result !== "gueltig") {
    if (pdfSeal.reason === "no signature") return { ok: false, reason: "notOurs" };
    return { ok: false, reason: pdfSeal.result === "nicht_vertrauenswuerdig" ? "foreign" : "invalid" };
  }
  let xml: string | undefined;
  try {
    xml = await embeddedXml(bytes);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!xml) return { ok: false, reason: "notOurs" };
  const xmlSeal = checkXmlSeal(xml, anchors);
  if (xmlSeal.result !== "gueltig") return { ok: false, reason: xmlSeal.result === "nicht_vertrauenswuerdig" ? "foreign" : "invalid" };
  let parsed;
  try {
    parsed = parseSubmissionXml(xml);
  } catch {
    return { ok: false, reason: "notOurs" };
  }
  // Several demo jobcenters may share a test CA: the document must name this jobcenter, too.
  if (parsed.kopf.jobcenter?.id !== jobcenter.id) return { ok: false, reason: "foreign" };
  if (!flow.prefillFrom?.includes(parsed.fachdaten.art)) return { ok: false, reason: "wrongKind" };
  const answers = prefillAnswers(flow, flow.fromModel(parsed.fachdaten));
  const pages = Object.keys(answers).filter((k) => !k.startsWith("_")).length;
  return {
    ok: true,
    referenz: parsed.kopf.referenz,
    pages,
    answers: { ...answers, _vorantrag: { referenz: parsed.kopf.referenz, eingang: parsed.kopf.eingang } },
  };
}
