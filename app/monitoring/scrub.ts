/**
 * Sentry `beforeSend` / `beforeBreadcrumb` for server and browser: events may carry what broke
 * and where, never what a person entered. Request bodies, cookies, query strings, headers
 * (but the user agent), user data, extras, custom contexts and breadcrumb payloads are dropped;
 * messages are redacted
 * for anything that looks like personal data (IBAN, e-mail, phone, dates, long numbers, codes).
 */
type Json = unknown;

const PATTERNS: [RegExp, string][] = [
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/gi, "[iban]"],
  [/[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi, "[email]"],
  [/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/g, "[date]"],
  [/\+?\d[\d\s()/-]{5,}\d/g, "[number]"],
  [/\b[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){4}\b/g, "[code]"],
  [/\/fortsetzen\/[^/?#\s]+/g, "/fortsetzen/[code]"],
];

export function redact(text: string): string {
  return PATTERNS.reduce((s, [re, label]) => s.replace(re, label), text);
}

function redactDeep(value: Json, depth = 0): Json {
  if (depth > 8) return "[deep]";
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth + 1);
    return out;
  }
  return value;
}

interface Frame {
  vars?: unknown;
  pre_context?: unknown;
  context_line?: unknown;
  post_context?: unknown;
}

interface EventLike {
  request?: { url?: string; headers?: Record<string, string>; data?: unknown; cookies?: unknown; query_string?: unknown; env?: unknown };
  user?: unknown;
  extra?: unknown;
  contexts?: Record<string, unknown>;
  breadcrumbs?: { data?: unknown; message?: string }[];
  exception?: { values?: { value?: string; stacktrace?: { frames?: Frame[] } }[] };
  message?: string;
  [key: string]: unknown;
}

export function scrubEvent<E>(event: E): E {
  const e = event as EventLike;
  if (e.request) {
    const ua = e.request.headers?.["user-agent"] ?? e.request.headers?.["User-Agent"];
    e.request = { url: e.request.url ? redact(e.request.url.split("?")[0]) : undefined, headers: ua ? { "user-agent": ua } : {} };
  }
  delete e.user;
  // Extras are free-form: whatever code attached there could be an answer. Drop them whole.
  delete e.extra;
  if (e.contexts) {
    const { os, runtime, browser, device, trace } = e.contexts;
    e.contexts = { os, runtime, browser, device, trace };
  }
  if (e.message) e.message = redact(e.message);
  e.breadcrumbs = (e.breadcrumbs ?? []).map((b) => ({ ...b, data: undefined, message: b.message ? redact(b.message) : undefined }));
  for (const v of e.exception?.values ?? []) {
    if (v.value) v.value = redact(v.value);
    // Local variables and quoted source lines: file names and line numbers are enough.
    for (const f of v.stacktrace?.frames ?? []) {
      delete f.vars;
      delete f.pre_context;
      delete f.context_line;
      delete f.post_context;
    }
  }
  return event;
}

export function scrubBreadcrumb<B extends { data?: unknown; message?: string }>(crumb: B): B {
  return { ...crumb, data: undefined, message: crumb.message ? redact(crumb.message) : undefined };
}
