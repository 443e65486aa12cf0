/**
 * CSRF protection for every state-changing POST: the server sets a random `csrf` cookie
 * (HttpOnly, SameSite=Lax) and every form carries HMAC(cookie) in a hidden field. Actions read
 * their form through `readVerifiedForm`, which rejects a missing or wrong token with 403 — and,
 * before reading anything, a request the server marked as sent from another site (403), a body
 * that is no form (415) or an unreadable one (400), each with an error page (ADR 0019).
 */
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { hmac, safeEqual } from "./crypto.server";
import { refusal } from "./refusal.server";
import { CROSS_ORIGIN, REFUSAL_HEADER } from "./request-source.server";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";

export function csrfTokenFor(cookie: string): string {
  return hmac("csrf", cookie);
}

/** One cookie's value from a Cookie header (used by the HTTP server and the actions). */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export function readCookie(request: Request, name: string): string | undefined {
  return cookieValue(request.headers.get("Cookie"), name);
}

const URLENCODED = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const MULTIPART = /^multipart\/form-data\s*(;|$)/i;

/** Throws the refusal for a request from another site (403) or with a body that is no form (415). */
async function refuseUnlessForm(request: Request): Promise<void> {
  if (request.headers.get(REFUSAL_HEADER) === CROSS_ORIGIN) throw await refusal(request, 403, "crossOrigin");
  const type = request.headers.get("Content-Type") ?? "";
  if (!URLENCODED.test(type) && !MULTIPART.test(type)) throw await refusal(request, 415);
}

export async function readVerifiedForm(request: Request): Promise<FormData> {
  await refuseUnlessForm(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw await refusal(request, 400); // e.g. multipart without boundary, or a broken body
  }
  const cookie = readCookie(request, CSRF_COOKIE);
  const sent = form.get(CSRF_FIELD);
  if (!cookie || typeof sent !== "string" || !safeEqual(sent, csrfTokenFor(cookie))) {
    throw await refusal(request, 403);
  }
  return form;
}

/** A file part of a multipart form. `bytes` is undefined when it was larger than allowed (not kept). */
export interface ReceivedFile {
  field: string;
  name: string;
  size: number;
  bytes: Buffer | undefined;
}

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const MAX_TEXT_PART = 16 * 1024;

/**
 * readVerifiedForm for forms with files (enctype multipart/form-data), streaming. The token is
 * checked as soon as its field arrives, and forms put it first (CsrfField): a file part before a
 * valid token ends the request with 403, so nothing of a forged upload is read, let alone kept.
 * Files over `maxFileBytes` are drained and reported with `bytes` undefined, so the page can say
 * which one was too large; more than `maxFiles` file parts, an oversized text field, or far more
 * bytes than the limits allow end the request with 413. (request.formData() would buffer any
 * amount in memory before the token could be checked.) A multipart body that cannot be parsed
 * gets 400; other bodies go through readVerifiedForm.
 */
export async function readVerifiedMultipartForm(request: Request, limits: MultipartLimits): Promise<{ form: FormData; files: ReceivedFile[] }> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("Content-Type") ?? "")) return { form: await readVerifiedForm(request), files: [] };
  await refuseUnlessForm(request);
  try {
    return await readMultipart(request, limits);
  } catch (error) {
    if (error instanceof Response) throw error;
    throw await refusal(request, 400); // no boundary, or a body that is not the multipart it claims
  }
}

async function readMultipart(request: Request, limits: MultipartLimits): Promise<{ form: FormData; files: ReceivedFile[] }> {
  const forbidden = () => refusal(request, 403);
  const tooLarge = () => refusal(request, 413);
  const cookie = readCookie(request, CSRF_COOKIE);
  const expected = cookie ? csrfTokenFor(cookie) : undefined;
  let verified = false;
  let total = 0;
  const files: ReceivedFile[] = [];
  const form = await unstable_parseMultipartFormData(request, async (part) => {
    if (part.filename === undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.data) {
        size += chunk.length;
        if (size > MAX_TEXT_PART) throw await tooLarge();
        chunks.push(chunk);
      }
      const value = Buffer.concat(chunks).toString("utf8");
      if (part.name === CSRF_FIELD) {
        if (!expected || !safeEqual(value, expected)) throw await forbidden();
        verified = true;
      }
      return value;
    }
    if (!verified) throw await forbidden();
    if (files.length >= limits.maxFiles) throw await tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxFiles * limits.maxFileBytes) throw await tooLarge();
      if (size <= limits.maxFileBytes) chunks.push(chunk);
      else chunks.length = 0;
    }
    // An empty file input is sent as a part with no name and no bytes.
    if (!part.filename && size === 0) return undefined;
    files.push({ field: part.name, name: part.filename ?? "", size, bytes: size <= limits.maxFileBytes ? Buffer.concat(chunks) : undefined });
    return undefined;
  });
  if (!verified) throw await forbidden();
  return { form, files };
}
