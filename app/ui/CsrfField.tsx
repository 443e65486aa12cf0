import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";

/** The CSRF token every POST form carries (checked by readVerifiedForm). */
export function CsrfField() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ""} />;
}
