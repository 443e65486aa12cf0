/**
 * The sealed-submission pipeline: canonical document → XML → XSD check → XMLDSig seal →
 * caseworker PDF/A-3 carrying the sealed XML → PAdES seal. Pure with respect to storage: the
 * caller commits the result in one transaction (see app/flows/submit.server.ts).
 */
import type { Jobcenter } from "~/tenants/jobcenter";
import { buildCaseworkerPdf } from "./pdf/caseworker.server";
import { sealFor } from "./seal/certificates.server";
import { sealPdf } from "./seal/pdf-seal.server";
import { sealXml } from "./seal/xml-seal.server";
import type { SubmissionDocument } from "./document";
export { DOCUMENT_KINDS } from "./document";
import { renderXml } from "./xml/render.server";
import { validateXml } from "./xml/validate.server";

export class InvalidDocumentError extends Error {
  constructor(readonly errors: string[]) {
    super(`Generated XML does not match the schema: ${errors.slice(0, 3).join("; ")}`);
  }
}

export interface SealedDocuments {
  xml: Buffer;
  pdf: Buffer;
}

export async function produceDocuments(doc: SubmissionDocument, jobcenter: Jobcenter): Promise<SealedDocuments> {
  const seal = sealFor(jobcenter);
  const xml = renderXml(doc);
  const check = validateXml(xml);
  if (!check.valid) throw new InvalidDocumentError(check.errors);
  const sealedXml = sealXml(xml, seal);
  const pdfDoc = await buildCaseworkerPdf(doc, sealedXml);
  const pdf = await sealPdf(pdfDoc, seal, {
    reason: `Eingang ${doc.kopf.referenz} beim ${jobcenter.name}`,
    location: jobcenter.anschrift.ort,
    signingTime: new Date(doc.kopf.eingang),
  });
  return { xml: Buffer.from(sealedXml, "utf8"), pdf };
}

/** "inbox" (the portal's caseworker area, always) plus the jobcenter's configured connectors. */
export function connectorsFor(jobcenter: Jobcenter): string[] {
  return ["inbox", ...jobcenter.zustellung.map((z, i) => `${z.art}:${i}`)];
}
