/**
 * Seal checks for the caseworker view, computed on the server:
 *   - XML: the XMLDSig (verifyXmlSeal with the certificate from KeyInfo), then that
 *     certificate's chain to a trust anchor;
 *   - PDF: the PAdES CMS read in Node — the ByteRange must cover the whole file but the
 *     signature, its SHA-256 must equal the signed message-digest attribute, the RSA signature
 *     over the signed attributes must verify with the signer's certificate, and that
 *     certificate must chain to a trust anchor.
 * Trust anchors: the jobcenter's configured seal chain (its CA), for demo jobcenters the test CA
 * in DATA_DIR/seals. Outcome: "gueltig", "ungueltig" (bytes changed or signature broken), or
 * "nicht_vertrauenswuerdig" (intact, but sealed by a certificate we do not trust).
 */
import { createHash, verify, X509Certificate } from "node:crypto";
import type { Jobcenter } from "~/tenants/jobcenter";
import { sealFor } from "~/submission/seal/certificates.server";
import { verifyXmlSeal } from "~/submission/seal/xml-seal.server";
import type { SealResult } from "./texts";

export interface SealCheckResult {
  result: SealResult;
  /** Technical reason (English, for logs and tests; the page shows the German result). */
  reason?: string;
  signer?: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function trustAnchorsFor(jobcenter: Jobcenter): X509Certificate[] {
  const seal = sealFor(jobcenter);
  // The issuing CA(s) and, pinned, the seal certificate itself (a PKCS#12 may carry no chain).
  return [...(seal.chainPem.match(PEM_BLOCK) ?? []), ...(seal.certificatePem.match(PEM_BLOCK) ?? []).slice(0, 1)].map((pem) => new X509Certificate(pem));
}

/** Whether `leaf` chains, through `intermediates`, to one of `anchors` (signatures and validity). */
export function chainsToAnchor(leaf: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[], at: Date = new Date()): boolean {
  const valid = (c: X509Certificate) => Date.parse(c.validFrom) <= at.getTime() && at.getTime() <= Date.parse(c.validTo);
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    if (!valid(current)) return false;
    if (anchors.some((a) => a.fingerprint256 === current.fingerprint256)) return true;
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) return valid(anchor);
    const next = intermediates.find((c) => c.fingerprint256 !== current.fingerprint256 && c.ca && current.checkIssued(c) && current.verify(c.publicKey));
    if (!next) return false;
    current = next;
  }
  return false;
}

export function checkXmlSeal(xml: string, anchors: X509Certificate[]): SealCheckResult {
  const integrity = verifyXmlSeal(xml);
  if (!integrity.valid) return { result: "ungueltig", reason: integrity.reason };
  const certs = [...xml.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)<\/(?:\w+:)?X509Certificate>/g)].map((m) => new X509Certificate(Buffer.from(m[1].replace(/\s/g, ""), "base64")));
  if (certs.length === 0) return { result: "ungueltig", reason: "no certificate in KeyInfo" };
  // verifyXmlSeal checked with the first certificate of KeyInfo; that is the one to trust.
  const [leaf, ...rest] = certs;
  if (!chainsToAnchor(leaf, rest, anchors)) return { result: "nicht_vertrauenswuerdig", reason: "certificate does not chain to a trust anchor", signer: leaf.subject };
  return { result: "gueltig", signer: leaf.subject };
}

// --- a minimal DER reader: exact byte spans, no re-encoding -------------------------------

interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

function readTlv(buf: Buffer, pos: number): Tlv {
  const tag = buf[pos];
  let len = buf[pos + 1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error("unsupported DER length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos + 2 + i];
    header += n;
  }
  const end = pos + header + len;
  if (end > buf.length) throw new Error("DER element exceeds its buffer");
  return { tag, start: pos, contentStart: pos + header, end };
}

function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.contentStart; pos < parent.end;) {
    const child = readTlv(buf, pos);
    out.push(child);
    pos = child.end;
  }
  return out;
}

const OID_MESSAGE_DIGEST = Buffer.from("06092a864886f70d010904", "hex");
const OID_SHA256 = Buffer.from("0609608648016503040201", "hex");

interface ParsedCms {
  certificates: X509Certificate[];
  signedAttrsAsSet: Buffer;
  messageDigest: Buffer;
  signature: Buffer;
  serialHex: string;
  digestIsSha256: boolean;
}

function parseCms(der: Buffer): ParsedCms {
  const contentInfo = readTlv(der, 0);
  const [, explicit] = children(der, contentInfo);
  const signedData = children(der, explicit)[0];
  const parts = children(der, signedData);
  const certsNode = parts.find((p) => p.tag === 0xa0);
  const signerInfos = parts[parts.length - 1];
  if (!certsNode || signerInfos.tag !== 0x31) throw new Error("CMS without certificates or signer");
  const certificates = children(der, certsNode).map((c) => new X509Certificate(der.subarray(c.start, c.end)));
  const signerInfo = children(der, signerInfos)[0];
  const si = children(der, signerInfo);
  const [, sid, digestAlg] = si;
  const signedAttrs = si.find((p) => p.tag === 0xa0);
  const signature = si[si.length - 1];
  if (!signedAttrs || signature.tag !== 0x04) throw new Error("CMS signer without signed attributes");
  const serial = children(der, sid)[1];
  let messageDigest: Buffer | undefined;
  for (const attr of children(der, signedAttrs)) {
    const [type, values] = children(der, attr);
    if (der.subarray(type.start, type.end).equals(OID_MESSAGE_DIGEST)) {
      const value = children(der, values)[0];
      messageDigest = der.subarray(value.contentStart, value.end);
    }
  }
  if (!messageDigest) throw new Error("CMS without message-digest attribute");
  // The signature covers the signed attributes DER-encoded with the SET tag (RFC 5652, 5.4).
  const signedAttrsAsSet = Buffer.from(der.subarray(signedAttrs.start, signedAttrs.end));
  signedAttrsAsSet[0] = 0x31;
  const digestAlgOid = children(der, digestAlg)[0];
  return {
    certificates, signedAttrsAsSet, messageDigest, signature: der.subarray(signature.contentStart, signature.end),
    serialHex: der.subarray(serial.contentStart, serial.end).toString("hex").replace(/^00/, "").toUpperCase(),
    digestIsSha256: der.subarray(digestAlgOid.start, digestAlgOid.end).equals(OID_SHA256),
  };
}

/** Checks the last signature of the PDF (the seal), which must cover the whole file. */
export function checkPdfSeal(pdf: Buffer, anchors: X509Certificate[]): SealCheckResult {
  try {
    const text = pdf.toString("latin1");
    const at = text.lastIndexOf("/ByteRange");
    if (at < 0) return { result: "ungueltig", reason: "no signature" };
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 200));
    if (!range) return { result: "ungueltig", reason: "malformed ByteRange" };
    const [a, b, c, d] = range.slice(1).map(Number);
    if (a !== 0 || c + d !== pdf.length || b >= c) return { result: "ungueltig", reason: "the signature does not cover the whole file" };
    const hole = text.slice(b, c);
    if (!/^<[0-9A-Fa-f]+>$/.test(hole)) return { result: "ungueltig", reason: "signature contents are not where ByteRange says" };
    const cms = parseCms(Buffer.from(hole.slice(1, -1), "hex"));
    if (!cms.digestIsSha256) return { result: "ungueltig", reason: "unsupported digest algorithm" };
    const digest = createHash("sha256").update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest();
    if (!digest.equals(cms.messageDigest)) return { result: "ungueltig", reason: "digest mismatch: the document was changed" };
    const signer = cms.certificates.find((cert) => cert.serialNumber.toUpperCase().replace(/^0+/, "") === cms.serialHex.replace(/^0+/, ""));
    if (!signer) return { result: "ungueltig", reason: "signer certificate missing" };
    if (!verify("sha256", cms.signedAttrsAsSet, signer.publicKey, cms.signature)) return { result: "ungueltig", reason: "signature does not verify" };
    if (!chainsToAnchor(signer, cms.certificates.filter((x) => x !== signer), anchors)) {
      return { result: "nicht_vertrauenswuerdig", reason: "certificate does not chain to a trust anchor", signer: signer.subject };
    }
    return { result: "gueltig", signer: signer.subject };
  } catch (error) {
    return { result: "ungueltig", reason: (error as Error).message };
  }
}
