/**
 * CSRF protection for every state-changing POST: the server sets a random `csrf` cookie
 * (HttpOnly, SameSite=Lax) and every form carries HMAC(cookie) in a hidden field. Actions read
 * their form through `readVerifiedForm`, which rejects a missing or wrong token with 403.
 */
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
