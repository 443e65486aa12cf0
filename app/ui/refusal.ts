/**
 * The error page of a refused request (app/security/refusal.server.ts). An action's error skips
 * the root loader, so the refusal carries the page shell itself — in the applicant's language —
 * and, where the status alone says too little, which refusal it is.
 */
import { isRouteErrorResponse } from "@remix-run/react";
import type { RootData } from "~/root";
import type { REFUSAL_KINDS } from "./text-pages";

export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface RefusalPage {
  shell: RootData;
  kind?: RefusalKind;
}

export function refusalPage(error: unknown): RefusalPage | undefined {
  if (!isRouteErrorResponse(error)) return undefined;
  const page = error.data as Partial<RefusalPage> | null | undefined;
  return page && typeof page === "object" && page.shell && typeof page.shell.lng === "string" ? (page as RefusalPage) : undefined;
}
