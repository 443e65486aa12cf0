/**
 * Encryption at rest. AES-256-GCM with a fresh 96-bit IV per write and the record id as
 * associated data (a ciphertext moved to another row does not decrypt). Draft keys are
 * derived with HKDF from the master key *and* the draft's resume code, which the server stores
 * only as an HMAC: the database and the master key alone do not open a draft.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { secrets } from "./secrets.server";

const VERSION = "v1";

export function deriveKey(purpose: string, salt: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secrets().encryptionKey, Buffer.from(salt, "utf8"), Buffer.from(purpose, "utf8"), 32));
}

export function encrypt(plaintext: string, key: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

/** Like encrypt, for binary data (uploaded files): the same format, without a base64 detour inside. */
export function encryptBytes(plaintext: Uint8Array, key: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptBytes(sealed: string, key: Buffer, aad: string): Buffer {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
}

export function decrypt(sealed: string, key: Buffer, aad: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

export function hmac(purpose: string, value: string): string {
  return createHmac("sha256", deriveKey(`hmac:${purpose}`, "antragsportal")).update(value).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** No 0/O, 1/I/L, U: codes are read aloud on the phone and typed from paper. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function randomCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** Resume codes: 20 symbols of 30 = 98 bits, shown in groups of four. */
export const RESUME_CODE_LENGTH = 20;

export function formatResumeCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/** Accepts what people type: lower case, spaces and dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isWellFormedCode(code: string, length: number): boolean {
  return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}
