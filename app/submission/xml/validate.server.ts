/**
 * XSD validation of submission XML against public/schemas/antrag-1.0.xsd with native libxml2
 * (libxmljs). A WebAssembly libxml2 costs ~55 ms CPU per document; the native one a fraction of
 * a millisecond, which is what the per-submission budget allows.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseXml, XMLParseFlags, type XMLDocument, type XMLStructuredError } from "libxmljs";
// libxmljs's own XMLDocument.validate() compiles the schema again on every call (~0.5 ms); its
// libxml2 bindings let us compile it once and reuse it for every document.
import {
  withStructuredErrors, xmlSchemaFreeParserCtxt, xmlSchemaFreeValidCtxt, xmlSchemaNewDocParserCtxt,
  xmlSchemaNewValidCtxt, xmlSchemaParse, xmlSchemaValidateDoc,
} from "libxmljs/dist/lib/bindings/functions.js";
import { SCHEMA_PATH } from "../document";

export interface XmlValidation {
  valid: boolean;
  errors: string[];
}

/**
 * Parses from a Buffer, never a string: libxmljs 1.0.11 copies a string argument into native
 * memory and never frees the copy (RSS grew by the document's size per call, cf. libxmljs#652);
 * a Buffer is read in place.
 * NONET: never fetch anything (external DTDs, entities) while parsing.
 */
const parse = (xml: string) => parseXml(Buffer.from(xml, "utf8"), { flags: [XMLParseFlags.XML_PARSE_NONET] });

type CompiledSchema = ReturnType<typeof xmlSchemaParse>;
/** The schema document stays referenced: the compiled schema points into its strings. */
let cached: { document: XMLDocument; schema: CompiledSchema } | undefined;

/** The document's libxml2 handle; libxmljs declares it protected, its own validate() reads it the same way. */
const nativeDocument = (document: XMLDocument) =>
  (document as unknown as { getNativeReference(): Parameters<typeof xmlSchemaValidateDoc>[1] }).getNativeReference();

const describe = (error: XMLStructuredError) => `line ${error.line}: ${error.message.trim()}`;

function compiledSchema(): CompiledSchema {
  if (cached) return cached.schema;
  const file = resolve(process.cwd(), "public", `.${SCHEMA_PATH}`);
  const document = parse(readFileSync(file, "utf8"));
  const schema = withStructuredErrors<CompiledSchema>((errors) => {
    const parser = xmlSchemaNewDocParserCtxt(nativeDocument(document));
    const compiled = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (!compiled) throw new Error(`${file} is not a valid XSD: ${errors.map(describe).join("; ")}`);
    return compiled;
  });
  cached = { document, schema };
  return cached.schema;
}

export function validateXml(xml: string): XmlValidation {
  const schema = compiledSchema();
  // Parse outside withStructuredErrors: libxmljs's parser installs and then clears its own error
  // collector, which would leave the validation errors below with nowhere to go.
  let document: XMLDocument;
  try {
    document = parse(xml);
  } catch (error) {
    return { valid: false, errors: [`not well-formed XML: ${(error as Error).message.trim()}`] };
  }
  return withStructuredErrors<XmlValidation>((errors) => {
    const context = xmlSchemaNewValidCtxt(schema);
    try {
      const valid = xmlSchemaValidateDoc(context, nativeDocument(document)) === 0;
      return { valid, errors: errors.map(describe) };
    } finally {
      xmlSchemaFreeValidCtxt(context);
    }
  });
}
