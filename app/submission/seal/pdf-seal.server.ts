/**
 * PAdES seal of the caseworker PDF: a signature dictionary with SubFilter ETSI.CAdES.detached
 * and a detached CMS (cms.server.ts) over the byte ranges, carrying the jobcenter's
 * certificate, its issuers and the ESS signing-certificate-v2 attribute (baseline B-B).
 */
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import type { PDFDocument } from "pdf-lib";
import type { SealIdentity } from "./certificates.server";
import { detachedCms } from "./cms.server";

class NativeCadesSigner extends Signer {
  constructor(private readonly seal: SealIdentity) {
    super();
  }

  async sign(content: Buffer): Promise<Buffer> {
    return detachedCms(content, this.seal);
  }
}

const signPdf = new SignPdf();

/** Adds the signature placeholder, saves (no object streams, as signing needs) and seals. */
export async function sealPdf(pdfDoc: PDFDocument, seal: SealIdentity, input: { reason: string; location: string; signingTime: Date }): Promise<Buffer> {
  pdflibAddPlaceholder({
    pdfDoc,
    reason: input.reason,
    contactInfo: "",
    name: seal.name,
    location: input.location,
    signingTime: input.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 8192,
    widgetRect: [0, 0, 0, 0],
    appName: "Antragsportal",
  });
  const bytes = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  return signPdf.sign(bytes, new NativeCadesSigner(seal));
}
