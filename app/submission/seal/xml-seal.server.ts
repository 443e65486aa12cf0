/**
 * The XML seal: an enveloped XMLDSig signature (RSA-SHA256, exclusive C14N) over the whole
 * document (Reference URI=""), appended as the last child of <Antrag> where the schema's
 * xs:any expects it, with the seal certificate in KeyInfo. Any XMLDSig verifier checks it,
 * e.g. `xmlsec1 --verify --pubkey-cert-pem seal.pem antrag.xml`.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";

const DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
const ENVELOPED_SIGNATURE = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
const EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

export interface XmlSealKey {
  privateKeyPem: string;
  certificatePem: string;
}

export interface SealCheck {
  valid: boolean;
  reason?: string;
}

interface PreparedKey {
  privateKey: KeyObject;
  keyInfo: string;
}
const prepared = new Map<string, PreparedKey>();

/**
 * Parsed once per seal: handing xml-crypto the PEM makes Node parse the key on every signature,
 * and its default KeyInfo re-parses the certificate, together ~3 ms of a ~5 ms seal. Like that
 * default, KeyInfo carries every certificate of `certificatePem` (the seal's, then its chain).
 */
function prepare(key: XmlSealKey): PreparedKey {
  const id = key.privateKeyPem + key.certificatePem;
  let entry = prepared.get(id);
  if (!entry) {
    const certificates = key.certificatePem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
    if (!certificates) throw new Error("sealXml: certificatePem holds no certificate");
    const base64 = certificates.map((pem) => new X509Certificate(pem).raw.toString("base64"));
    entry = {
      privateKey: createPrivateKey(key.privateKeyPem),
      keyInfo: `<X509Data>${base64.map((b) => `<X509Certificate>${b}</X509Certificate>`).join("")}</X509Data>`,
    };
    prepared.set(id, entry);
  }
  return entry;
}

export function sealXml(xml: string, key: XmlSealKey): string {
  const { privateKey, keyInfo } = prepare(key);
  const signer = new SignedXml({
    privateKey,
    getKeyInfoContent: () => keyInfo,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXCLUSIVE_C14N,
  });
  // URI="" signs the whole document (minus this signature), so no element needs an Id attribute
  // that the schema would have to allow, and nothing outside the signed content can be added.
  signer.addReference({
    xpath: "/*",
    isEmptyUri: true,
    transforms: [ENVELOPED_SIGNATURE, EXCLUSIVE_C14N],
    digestAlgorithm: SHA256,
  });
  signer.computeSignature(xml, { location: { reference: "/*", action: "append" } });
  return signer.getSignedXml();
}

/** Strict parsing: a verifier must not guess what a malformed document means. */
function parseStrict(xml: string): Document {
  const fail = (message: string) => {
    throw new Error(`not well-formed XML: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } })
    .parseFromString(xml, "text/xml");
}

/**
 * Checks the seal: exactly one signature, a child of the root, one Reference with URI=""
 * (covering the whole document, not just a part an attacker could wrap), its digest, and the
 * signature value. Without `certificatePem` the certificate embedded in KeyInfo is used: that
 * proves integrity only; whether the certificate belongs to the jobcenter is the caller's check.
 */
export function verifyXmlSeal(xml: string, certificatePem?: string): SealCheck {
  try {
    const doc = parseStrict(xml);
    const signatures = doc.getElementsByTagNameNS(DSIG_NS, "Signature");
    if (signatures.length !== 1) return { valid: false, reason: `expected one Signature, found ${signatures.length}` };
    const signature = signatures[0];
    if (signature.parentNode !== doc.documentElement) return { valid: false, reason: "Signature is not a child of the root element" };
    const references = signature.getElementsByTagNameNS(DSIG_NS, "Reference");
    if (references.length !== 1 || references[0].getAttribute("URI") !== "") {
      return { valid: false, reason: 'the seal does not cover the whole document (one Reference with URI="" expected)' };
    }
    const verifier = new SignedXml({
      publicCert: certificatePem,
      getCertFromKeyInfo: certificatePem ? () => null : SignedXml.getCertFromKeyInfo,
    });
    verifier.loadSignature(signature);
    if (!verifier.checkSignature(xml)) return { valid: false, reason: "signature value or digest does not match" };
    return { valid: true };
  } catch (error) {
    return { valid: false, reason: (error as Error).message };
  }
}
