/**
 * The PDF/A-3B parts pdf-lib does not write itself: XMP metadata that matches the Info
 * dictionary, an sRGB output intent, /Lang, DisplayDocTitle and a trailer /ID.
 * PDF/A-3 because the caseworker PDF carries its XML as an associated file (/AF, /Source);
 * the receipt gets the same treatment so both archive alike.
 *
 * Not validated here (no veraPDF in this environment): checked are the structures qpdf and
 * poppler read; the conformance claim rests on following ISO 19005-3 by hand.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFHexString, PDFName, PDFString, type PDFDocument } from "pdf-lib";
import { asset } from "./assets.server";

export const PRODUCER = "Antragsportal (pdf-lib)";
export const CREATOR = "Antragsportal Grundsicherung";

/** Our own XMP properties, declared below as a PDF/A extension schema (6.6.2.3). */
const AP_NAMESPACE = "urn:de:antragsportal:pdf:1.0#";
const AP_PROPERTIES = {
  DocumentFileName: "Name der angehängten Datei mit den strukturierten Daten",
  DocumentType: "Verfahren, zu dem die Daten gehören",
  Version: "Version des Datenschemas",
  Reference: "Referenz des Vorgangs",
} as const;
export type ApProperty = keyof typeof AP_PROPERTIES;

export interface PdfAInfo {
  title: string;
  /** Creation and modification time (the receipt time: documents are made at receipt). */
  created: Date;
  /** BCP 47, e.g. "de-DE". */
  language: string;
  /** Describes the attached data (caseworker PDF); omitted when nothing is attached. */
  attachment?: Partial<Record<ApProperty, string>>;
  /** Seeds the trailer /ID, so the same input gives the same file. */
  idSeed: string;
}

let iccStream: Uint8Array | undefined;

export function applyPdfA(doc: PDFDocument, info: PdfAInfo): void {
  const { context, catalog } = doc;
  doc.setTitle(info.title, { showInWindowTitleBar: true }); // also ViewerPreferences /DisplayDocTitle
  doc.setLanguage(info.language);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setCreationDate(info.created);
  doc.setModificationDate(info.created);

  // The metadata stream stays unfiltered, so archive tools can read it without a PDF parser.
  const xmp = new TextEncoder().encode(xmpPacket(info));
  catalog.set(PDFName.of("Metadata"), context.register(context.stream(xmp, { Type: "Metadata", Subtype: "XML" })));

  iccStream ??= new Uint8Array(deflateSync(asset("icc/sRGB.icc")));
  const profile = context.register(context.stream(iccStream, { N: 3, Filter: "FlateDecode" }));
  catalog.set(PDFName.of("OutputIntents"), context.obj([context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    RegistryName: PDFString.of("http://www.color.org"),
    Info: PDFString.of("sRGB"),
    DestOutputProfile: profile,
  })]));

  // /MarkInfo Marked and the structure tree come from the layout (tags.server.ts).

  const id = createHash("sha256").update(info.idSeed).digest("hex").slice(0, 32).toUpperCase();
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** XMP dates without milliseconds, as the Info dictionary's D:YYYYMMDDHHmmSSZ has none. */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function xmpPacket(info: PdfAInfo): string {
  const date = xmpDate(info.created);
  const description = (ns: string, body: string) => `  <rdf:Description rdf:about="" ${ns}>\n${body}\n  </rdf:Description>`;
  const parts = [
    description('xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"', "   <pdfaid:part>3</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>"),
    description('xmlns:dc="http://purl.org/dc/elements/1.1/"', [
      "   <dc:format>application/pdf</dc:format>",
      `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.title)}</rdf:li></rdf:Alt></dc:title>`,
      `   <dc:language><rdf:Bag><rdf:li>${escapeXml(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    ].join("\n")),
    description('xmlns:xmp="http://ns.adobe.com/xap/1.0/"', [
      `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
      `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
      `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
      `   <xmp:CreatorTool>${escapeXml(CREATOR)}</xmp:CreatorTool>`,
    ].join("\n")),
    description('xmlns:pdf="http://ns.adobe.com/pdf/1.3/"', `   <pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer>`),
  ];
  if (info.attachment) parts.push(extensionSchema(), attachmentDescription(info.attachment));
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    ...parts,
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** PDF/A only admits XMP properties of predefined schemas or of schemas declared like this. */
function extensionSchema(): string {
  const properties = Object.entries(AP_PROPERTIES).map(([name, text]) => [
    '       <rdf:li rdf:parseType="Resource">',
    `        <pdfaProperty:name>${name}</pdfaProperty:name>`,
    "        <pdfaProperty:valueType>Text</pdfaProperty:valueType>",
    "        <pdfaProperty:category>external</pdfaProperty:category>",
    `        <pdfaProperty:description>${escapeXml(text)}</pdfaProperty:description>`,
    "       </rdf:li>",
  ].join("\n"));
  return [
    '  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    "   <pdfaExtension:schemas>",
    "    <rdf:Bag>",
    '     <rdf:li rdf:parseType="Resource">',
    "      <pdfaSchema:schema>Antragsportal: angehängte strukturierte Daten</pdfaSchema:schema>",
    `      <pdfaSchema:namespaceURI>${AP_NAMESPACE}</pdfaSchema:namespaceURI>`,
    "      <pdfaSchema:prefix>ap</pdfaSchema:prefix>",
    "      <pdfaSchema:property>",
    "       <rdf:Seq>",
    ...properties,
    "       </rdf:Seq>",
    "      </pdfaSchema:property>",
    "     </rdf:li>",
    "    </rdf:Bag>",
    "   </pdfaExtension:schemas>",
    "  </rdf:Description>",
  ].join("\n");
}

function attachmentDescription(values: Partial<Record<ApProperty, string>>): string {
  const body = Object.entries(values).map(([name, value]) => `   <ap:${name}>${escapeXml(value)}</ap:${name}>`).join("\n");
  return `  <rdf:Description rdf:about="" xmlns:ap="${AP_NAMESPACE}">\n${body}\n  </rdf:Description>`;
}
