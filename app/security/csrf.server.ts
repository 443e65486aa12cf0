/**
 * CSRF protection for every state-changing POST: the server sets a random `csrf` cookie
 * (HttpOnly, SameSite=Lax) and every form carries HMAC(cookie) in a hidden field. Actions read
 * their form through `readVerifiedForm`, which rejects a missing or wrong token with 403.
 */
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { hmac, safeEqual } from "./crypto.server";

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

export async function readVerifiedForm(request: Request): Promise<FormData> {
  const form = await request.formData();
  const cookie = readCookie(request, CSRF_COOKIE);
  const sent = form.get(CSRF_FIELD);
  if (!cookie || typeof sent !== "string" || !safeEqual(sent, csrfTokenFor(cookie))) {
    throw new Response("Forbidden", { status: 403 });
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
const forbidden = () => new Response("Forbidden", { status: 403 });
const tooLarge = () => new Response("Payload Too Large", { status: 413 });

/**
 * readVerifiedForm for forms with files (enctype multipart/form-data), streaming. The token is
 * checked as soon as its field arrives, and forms put it first (CsrfField): a file part before a
 * valid token ends the request with 403, so nothing of a forged upload is read, let alone kept.
 * Files over `maxFileBytes` are drained and reported with `bytes` undefined, so the page can say
 * which one was too large; more than `maxFiles` file parts, an oversized text field, or far more
 * bytes than the limits allow end the request with 413. (request.formData() would buffer any
 * amount in memory before the token could be checked.) Other bodies go through readVerifiedForm.
 */
export async function readVerifiedMultipartForm(request: Request, limits: MultipartLimits): Promise<{ form: FormData; files: ReceivedFile[] }> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("Content-Type") ?? "")) return { form: await readVerifiedForm(request), files: [] };
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
        if (size > MAX_TEXT_PART) throw tooLarge();
        chunks.push(chunk);
      }
      const value = Buffer.concat(chunks).toString("utf8");
      if (part.name === CSRF_FIELD) {
        if (!expected || !safeEqual(value, expected)) throw forbidden();
        verified = true;
      }
      return value;
    }
    if (!verified) throw forbidden();
    if (files.length >= limits.maxFiles) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxFiles * limits.maxFileBytes) throw tooLarge();
      if (size <= limits.maxFileBytes) chunks.push(chunk);
      else chunks.length = 0;
    }
    // An empty file input is sent as a part with no name and no bytes.
    if (!part.filename && size === 0) return undefined;
    files.push({ field: part.name, name: part.filename ?? "", size, bytes: size <= limits.maxFileBytes ? Buffer.concat(chunks) : undefined });
    return undefined;
  });
  if (!verified) throw forbidden();
  return { form, files };
}
