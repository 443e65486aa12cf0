/**
 * Where a request comes from, as the HTTP server (server/index.ts) decides it before the app
 * sees the request: the client address behind a known number of proxies (rate limits), whether
 * a state-changing request was sent from another site, and whether error details may be shown.
 * ADR 0019.
 */

/** Set by the HTTP server on a request it refuses before any action runs; a client's own is dropped. */
export const REFUSAL_HEADER = "x-portal-refusal";
export const CROSS_ORIGIN = "cross-origin";
/** The methods whose requests change state, and Remix answers with actions. */
export const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const MAX_ADDRESS = 64;

function normalise(address: string | undefined): string {
  const a = (address ?? "").trim().slice(0, MAX_ADDRESS);
  return a.toLowerCase().startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

function headerList(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value.join(",") : value ?? "").split(",").map((v) => v.trim()).filter(Boolean);
}

/**
 * The client address: the socket peer, or — behind `hops` trusted proxies — the entry of
 * X-Forwarded-For that the outermost trusted proxy appended. Each proxy appends the address it
 * saw, so only the right-most `hops` entries are facts; anything left of them is whatever the
 * client wrote and is never used (`X-Forwarded-For: <random>, 127.0.0.1` changes nothing).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const chain = [normalise(socketAddress), ...(hops > 0 ? headerList(forwardedFor).reverse().map(normalise) : [])];
  return chain[Math.min(hops, chain.length - 1)] || "unknown";
}

/**
 * A state-changing request sent by a page of another site: its Origin names another host than
 * the one the request was sent to (Host, or the first X-Forwarded-Host when proxies are trusted).
 * `null` and unreadable origins count as foreign; no Origin at all (scripts, old browsers) does
 * not — the CSRF token still has to match.
 */
export function isCrossOrigin(origin: string | undefined, host: string | undefined, forwardedHost: string | undefined, hops: number): boolean {
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  const hosts = [host, hops > 0 ? headerList(forwardedHost)[0] : undefined].filter(Boolean).map((h) => h!.trim().toLowerCase());
  return !originHost || !hosts.includes(originHost);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/i;

/**
 * Error details (stack traces, file paths) only for a developer on this machine: development
 * mode, a loopback peer, and no proxy header — a reverse proxy on the same host makes every
 * client a loopback peer, but says so in these headers. Every other answer is sanitised.
 */
export function showsErrorDetails(nodeEnv: string, socketAddress: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (nodeEnv !== "development" || !LOOPBACK.test(socketAddress ?? "")) return false;
  return !["x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host"].some((h) => headers[h] !== undefined);
}
