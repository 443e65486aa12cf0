/**
 * A detached CMS SignedData (RFC 5652) for PAdES baseline B-B: SHA-256 and RSA run in Node's
 * native crypto (forge's pkcs7 would hash the whole PDF in JavaScript), forge only writes ASN.1.
 * Signed attributes: content-type, message-digest and ESS signing-certificate-v2 (RFC 5035),
 * which binds the signer's certificate; no signing-time attribute (PAdES puts it in /M).
 */
import { createHash, sign } from "node:crypto";
import forge from "node-forge";
import type { SealIdentity } from "./certificates.server";

const { asn1 } = forge;
const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
};

const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const int = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString("binary"));
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, "");
const algorithm = (id: string, withNull = true) => seq(withNull ? [oid(id), nul()] : [oid(id)]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), "binary");

interface PreparedSeal {
  certificates: forge.asn1.Asn1[];
  issuerAndSerial: forge.asn1.Asn1;
  signingCertificateV2: forge.asn1.Asn1;
}

const prepared = new WeakMap<SealIdentity, PreparedSeal>();

/** The original DER of each certificate in a PEM bundle (never forge's re-serialisation). */
function pemToDer(pem: string): Buffer[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])
    .map((block) => Buffer.from(block.replace(/-----[^-]+-----|\s/g, ""), "base64"));
}

/**
 * Certificate structures do not change per signature: build them once per seal, from the
 * certificates' own bytes. (forge re-encodes parsed UTF-8 names, which would corrupt them.)
 */
function prepare(seal: SealIdentity): PreparedSeal {
  let p = prepared.get(seal);
  if (!p) {
    const [leafDer] = pemToDer(seal.certificatePem);
    const issuers = pemToDer(seal.chainPem);
    const leaf = asn1.fromDer(leafDer.toString("binary"));
    const tbs = leaf.value[0] as forge.asn1.Asn1;
    const fields = tbs.value as forge.asn1.Asn1[];
    const offset = fields[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] version is optional
    p = {
      certificates: [leaf, ...issuers.map((d) => asn1.fromDer(d.toString("binary")))],
      issuerAndSerial: seq([fields[offset + 2], fields[offset]]),
      // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { certHash } } — SHA-256 is the default hash.
      signingCertificateV2: seq([seq([seq([octets(createHash("sha256").update(leafDer).digest())])])]),
    };
    prepared.set(seal, p);
  }
  return p;
}

/** The CMS for a PDF's signed byte ranges (already concatenated). */
export function detachedCms(content: Buffer, seal: SealIdentity): Buffer {
  const p = prepare(seal);
  const digest = createHash("sha256").update(content).digest();
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, p.signingCertificateV2),
  ];
  // The signature covers the attributes DER-encoded as a SET (RFC 5652, 5.4).
  const signature = sign("sha256", der(set(attributes)), seal.privateKey);
  const signedAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes);
  const signerInfo = seq([
    int(String.fromCharCode(1)),
    p.issuerAndSerial,
    algorithm(OID.sha256),
    signedAttrs,
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    int(String.fromCharCode(1)),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]), // detached: no content
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, p.certificates),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
