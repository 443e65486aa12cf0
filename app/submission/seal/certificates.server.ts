/**
 * Seal identities per jobcenter. Production: each jobcenter's configuration names a PKCS#12
 * file and the environment variable holding its passphrase. Development and tests: a test CA
 * and one seal certificate per jobcenter are generated on first start into DATA_DIR/seals/
 * (keys with mode 0600), clearly named as test seals.
 */
import { generateKeyPairSync, randomBytes, type KeyObject, createPrivateKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";
import { env } from "~/config/env.server";
import type { Jobcenter } from "~/tenants/jobcenter";

export interface SealIdentity {
  /** Native key for fast RSA signatures. */
  privateKey: KeyObject;
  privateKeyPem: string;
  certificatePem: string;
  /** The issuer certificates (leaf excluded) as PEM, byte for byte as issued. */
  chainPem: string;
  /** Who seals, for the PDF signature dictionary. */
  name: string;
}

const cache = new Map<string, SealIdentity>();

function sealsDir(): string {
  return join(env().DATA_DIR, "seals");
}

function keyPair() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return { pem, forgeKey: forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey };
}

function makeCertificate(input: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKey: forge.pki.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  ca: boolean;
  years: number;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = input.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + input.years * 365 * 86_400_000);
  cert.setSubject(input.subject);
  cert.setIssuer(input.issuer);
  cert.setExtensions(input.ca
    ? [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true }, { name: "subjectKeyIdentifier" }]
    : [{ name: "basicConstraints", cA: false }, { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true }, { name: "subjectKeyIdentifier" }]);
  cert.sign(input.signingKey, forge.md.sha256.create());
  return cert;
}

/** Names as UTF8String (forge encodes the value itself): otherwise "ü" becomes a Latin-1 byte. */
const utf8 = (shortName: string, value: string): forge.pki.CertificateField =>
  ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 }) as unknown as forge.pki.CertificateField;

const CA_NAME = "Antragsportal Test-CA";

const subjectOf = (cn: string): forge.pki.CertificateField[] => [
  { shortName: "C", value: "DE" },
  utf8("O", "Antragsportal Test-PKI (nicht für den Echtbetrieb)"),
  utf8("CN", cn),
];

/** The development test CA: created once, reused for every jobcenter. */
export function testCa(): { certificatePem: string; keyPem: string } {
  const dir = sealsDir();
  const certFile = join(dir, "test-ca.cert.pem");
  const keyFile = join(dir, "test-ca.key.pem");
  if (!existsSync(certFile)) {
    mkdirSync(dir, { recursive: true });
    const { pem, forgeKey } = keyPair();
    const subject = subjectOf(CA_NAME);
    const cert = makeCertificate({ subject, issuer: subject, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), signingKey: forgeKey, ca: true, years: 10 });
    writeFileSync(keyFile, pem, { mode: 0o600 });
    writeFileSync(certFile, forge.pki.certificateToPem(cert));
  }
  return { certificatePem: readFileSync(certFile, "utf8"), keyPem: readFileSync(keyFile, "utf8") };
}

/** A generated test seal (key + certificate issued by the test CA) for one jobcenter. */
function testSeal(jc: Jobcenter): { keyPem: string; certificatePem: string; caPem: string } {
  const dir = sealsDir();
  const ca = testCa();
  const certFile = join(dir, `${jc.id}.cert.pem`);
  const keyFile = join(dir, `${jc.id}.key.pem`);
  if (!existsSync(certFile)) {
    const { pem, forgeKey } = keyPair();
    // The issuer from the same source as the CA's subject: parsed names come back as raw
    // UTF-8 bytes, which forge would encode a second time.
    const cert = makeCertificate({
      subject: subjectOf(`Test-Siegel ${jc.name}`), issuer: subjectOf(CA_NAME),
      publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), signingKey: forge.pki.privateKeyFromPem(ca.keyPem) as forge.pki.rsa.PrivateKey, ca: false, years: 3,
    });
    writeFileSync(keyFile, pem, { mode: 0o600 });
    writeFileSync(certFile, forge.pki.certificateToPem(cert));
  }
  return { keyPem: readFileSync(keyFile, "utf8"), certificatePem: readFileSync(certFile, "utf8"), caPem: ca.certificatePem };
}

/** Reads a configured PKCS#12 seal (production). */
function configuredSeal(file: string, passphrase: string) {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(readFileSync(file).toString("binary")), false, passphrase);
  const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert!).filter(Boolean);
  if (!keyBag?.key || certs.length === 0) throw new Error(`Seal file ${file} holds no key or certificate`);
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const leaf = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  if (!leaf) throw new Error(`Seal file ${file}: no certificate matches the key`);
  return { keyPem: forge.pki.privateKeyToPem(key), certificatePem: forge.pki.certificateToPem(leaf), caPem: certs.filter((c) => c !== leaf).map((c) => forge.pki.certificateToPem(c)).join("") };
}

export function sealFor(jc: Jobcenter): SealIdentity {
  const cached = cache.get(jc.id);
  if (cached) return cached;
  if (!jc.siegel && !jc.demo && env().NODE_ENV === "production") {
    throw new Error(`Jobcenter ${jc.id} has no seal configured (siegel.pkcs12); test seals are for demo jobcenters only`);
  }
  const source = jc.siegel
    ? configuredSeal(jc.siegel.pkcs12, process.env[jc.siegel.passphraseVariable] ?? "")
    : testSeal(jc);
  const identity: SealIdentity = {
    privateKey: createPrivateKey(source.keyPem),
    privateKeyPem: source.keyPem,
    certificatePem: source.certificatePem,
    chainPem: source.caPem,
    name: jc.name,
  };
  cache.set(jc.id, identity);
  return identity;
}
