/** Per-jobcenter accent colours as a cacheable stylesheet (no inline styles under the CSP). */
import { jobcenters } from "~/store/jobcenters.server";

export function loader() {
  const css = jobcenters()
    .filter((jc) => jc.branding)
    .map((jc) => `.jobcenter-bar--${jc.id}{--brand:${jc.branding!.farbe}}`)
    .join("\n");
  return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
