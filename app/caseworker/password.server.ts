/**
 * Caseworker passwords: argon2id (RFC 9106) from @noble/hashes (pure JavaScript, no native
 * build), stored as a PHC string `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`. Parameters follow
 * OWASP's minimum (19 MiB, 2 passes, 1 lane). Verification reads the parameters from the string,
 * so they can be raised later; `needsRehash` tells when.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { argon2idAsync } from "@noble/hashes/argon2.js";

export const ARGON2_PARAMS = { m: 19_456, t: 2, p: 1 } as const;
const HASH_BYTES = 32;
export const MIN_PASSWORD_LENGTH = 12;

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64").replace(/=+$/, "");

async function derive(password: string, salt: Uint8Array, params: { m: number; t: number; p: number }): Promise<Uint8Array> {
  return argon2idAsync(new TextEncoder().encode(password.normalize("NFC")), salt, { ...params, dkLen: HASH_BYTES });
}

export async function hashPassword(password: string, params: { m: number; t: number; p: number } = ARGON2_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export function parsePhc(phc: string) {
  const m = PHC.exec(phc);
  if (!m) return undefined;
  return { params: { m: Number(m[1]), t: Number(m[2]), p: Number(m[3]) }, salt: Buffer.from(m[4], "base64"), hash: Buffer.from(m[5], "base64") };
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  const parsed = parsePhc(phc);
  if (!parsed) return false;
  const computed = Buffer.from(await derive(password, parsed.salt, parsed.params));
  return computed.length === parsed.hash.length && timingSafeEqual(computed, parsed.hash);
}

export function needsRehash(phc: string): boolean {
  const parsed = parsePhc(phc);
  return !parsed || parsed.params.m < ARGON2_PARAMS.m || parsed.params.t < ARGON2_PARAMS.t;
}

let dummy: Promise<string> | undefined;

/** Spends the time of one verification when the e-mail address is unknown (no account oracle by timing). */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword("dummy password for unknown accounts");
  await verifyPassword(await dummy, password);
  return false;
}
