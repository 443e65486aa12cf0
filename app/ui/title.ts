/**
 * The page title: "<page> – <service>", prefixed "Fehler:" (in the page's language) whenever
 * an action returned errors — also on a no-JavaScript POST re-render, which Remix's `meta`
 * cannot see (it gets loader data only). Loaders name their title as translation keys.
 */
import { useMatches } from "@remix-run/react";
import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import type { T } from "~/i18n/translate";

export interface Titled {
  /** Translation keys joined with " – ", most specific first. */
  titleKeys: string[];
}

function hasErrors(actionData: unknown): boolean {
  if (!actionData || typeof actionData !== "object") return false;
  return Object.values(actionData).some((d) => {
    const v = d as { errors?: unknown; error?: unknown } | null;
    return Boolean(v && typeof v === "object" && ((v.errors && Object.keys(v.errors).length > 0) || v.error));
  });
}

export function usePageTitle(t: T, fallbackKeys: string[] = []): string {
  const matches = useMatches();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const leaf = [...matches].reverse().find((m) => (m.data as Partial<Titled> | undefined)?.titleKeys);
  const keys = (leaf?.data as Titled | undefined)?.titleKeys ?? fallbackKeys;
  const page = [...keys.map((k) => t(k)), t("serviceName")].join(" – ");
  return hasErrors(state?.actionData) ? `${t("errorPrefix")} ${page}` : page;
}
