/**
 * The applicant's way back to a submission from any device: the reference and a Zugangscode.
 * The code is derived from the submission id with a keyed HMAC (nothing extra is stored; it
 * cannot be guessed from the reference), 12 symbols of 30 ≈ 59 bits, and look-ups are rate
 * limited per address like resume codes. A correct pair puts the submission into this browser's
 * session, exactly as submitting did, so the receipt, status and Nachreichung pages open.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { redirect } from "@remix-run/node";
import { statusUrl } from "~/flows/urls";
import { CODE_ALPHABET, deriveKey, isWellFormedCode, normaliseCode } from "~/security/crypto.server";
import { resumeLimiter } from "~/security/rate-limit.server";
import { addReceipt, commitSession, getSession } from "~/security/session.server";
import { db } from "~/store/db.server";

export const ACCESS_CODE_LENGTH = 12;
export const REFERENCE_LENGTH = 8;

export function accessCode(submissionId: string): string {
  const mac = createHmac("sha256", deriveKey("status-access-code", "antragsportal")).update(submissionId).digest();
  let out = "";
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) out += CODE_ALPHABET[mac.readUInt16BE(i * 2) % CODE_ALPHABET.length];
  return out;
}

export const formatAccessCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

export const STATUS_ACCESS_FAILURES = ["invalid", "notFound", "tooMany"] as const;
export type StatusAccessFailure = (typeof STATUS_ACCESS_FAILURES)[number];

export async function openByCode(request: Request, clientIp: string, referenceInput: string, codeInput: string): Promise<Response | StatusAccessFailure> {
  if (!(await resumeLimiter().attempt(clientIp)).allowed) return "tooMany";
  const reference = normaliseCode(referenceInput);
  const code = normaliseCode(codeInput);
  if (!isWellFormedCode(reference, REFERENCE_LENGTH) || !isWellFormedCode(code, ACCESS_CODE_LENGTH)) return "invalid";
  const database = await db();
  const found = await database.selectFrom("submissions").select("id").where("reference", "=", reference).executeTakeFirst();
  // Same answer for an unknown reference and a wrong code; the comparison takes constant time.
  const expected = Buffer.from(accessCode(found?.id ?? "no-such-submission"));
  if (!found || !timingSafeEqual(expected, Buffer.from(code))) return "notFound";
  const session = await getSession(request);
  addReceipt(session, found.id);
  return redirect(statusUrl(found.id), { headers: { "Set-Cookie": await commitSession(session) } });
}
