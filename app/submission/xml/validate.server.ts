/**
 * XSD validation of submission XML against public/schemas/antrag-1.0.xsd with libxml2 compiled
 * to WebAssembly (libxml2-wasm): no native build on install, ~0.25 ms per document once the
 * schema is compiled (a one-off ~46 ms, on first use). ADR 0009 and 0018.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ParseOption, XmlDocument, XmlLibError, XsdValidator, type ErrorDetail } from "libxml2-wasm";
import { SCHEMA_PATH } from "../document";

export interface XmlValidation {
  valid: boolean;
  errors: string[];
}

/** Never fetch anything (external DTDs, entities) while parsing. */
const options = { option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE };

const describe = (error: ErrorDetail) => `line ${error.line}: ${error.message.trim()}`;
const details = (error: unknown) => (error instanceof XmlLibError ? error.details.map(describe) : [String(error)]);

/** Compiled once; the schema document stays alive as long as the validator (process lifetime). */
let validator: XsdValidator | undefined;

function compiledSchema(): XsdValidator {
  if (validator) return validator;
  const file = resolve(process.cwd(), "public", `.${SCHEMA_PATH}`);
  const schema = XmlDocument.fromBuffer(readFileSync(file), options);
  try {
    validator = XsdValidator.fromDoc(schema);
  } catch (error) {
    schema.dispose();
    throw new Error(`${file} is not a valid XSD: ${details(error).join("; ")}`);
  }
  return validator;
}

export function validateXml(xml: string): XmlValidation {
  const schema = compiledSchema();
  let document: XmlDocument;
  try {
    document = XmlDocument.fromBuffer(Buffer.from(xml, "utf8"), options);
  } catch (error) {
    return { valid: false, errors: [`not well-formed XML: ${details(error).join("; ")}`] };
  }
  try {
    schema.validate(document);
    return { valid: true, errors: [] };
  } catch (error) {
    return { valid: false, errors: details(error) };
  } finally {
    document.dispose();
  }
}
