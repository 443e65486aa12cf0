/** Loader helpers shared by the caseworker pages. */
import { getJobcenter } from "~/store/jobcenters.server";
import type { Authenticated } from "./sessions.server";
import type { AreaUser } from "./ui";

export function areaUser(auth: Authenticated): AreaUser {
  return {
    name: auth.caseworker.name,
    role: auth.caseworker.role,
    jobcenterName: getJobcenter(auth.caseworker.jobcenterId)?.name ?? auth.caseworker.jobcenterId,
    expiresAt: auth.session.expiresAt,
  };
}

/** A file download or inline view: never cached, never sniffed. */
export function fileResponse(bytes: Uint8Array, mediaType: string, fileName: string, inline = false): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Blob([bytes as BlobPart]), {
    headers: {
      "Content-Type": mediaType,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
