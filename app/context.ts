/** What the HTTP server hands every loader and action (server/index.ts). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** CSP nonce for this response's inline scripts and styles. */
    nonce: string;
    /** The token forms must echo (HMAC of this browser's csrf cookie). */
    csrfToken: string;
    /** Client address for rate limiting: the socket peer, or behind TRUST_PROXY hops the X-Forwarded-For entry the outermost trusted proxy appended. */
    clientIp: string;
  }
}
export {};

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
