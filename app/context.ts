/** What the HTTP server hands every loader and action (server/index.ts). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** CSP nonce for this response's inline scripts and styles. */
    nonce: string;
    /** The token forms must echo (HMAC of this browser's csrf cookie). */
    csrfToken: string;
    /** Client address for rate limiting (X-Forwarded-For only with TRUST_PROXY). */
    clientIp: string;
  }
}
export {};

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
