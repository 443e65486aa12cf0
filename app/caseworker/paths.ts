/** The caseworker area lives under /sachbearbeitung: German-only, its own namespace (ADR 0014). */
export const CASEWORKER_ROOT = "/sachbearbeitung";
export const isCaseworkerPath = (pathname: string) => pathname === CASEWORKER_ROOT || pathname.startsWith(`${CASEWORKER_ROOT}/`);
export const submissionPath = (id: string) => `${CASEWORKER_ROOT}/antrag/${id}`;

/** Query parameters that belong to a page, not to the inbox view a submission was opened from. */
const NOT_LIST = new Set(["seite", "meldung"]);

/** The inbox view (filters, search, order, saved view) in a URL's query, without page or message. */
export function listQuery(search: string | URLSearchParams): string {
  const params = new URLSearchParams(search);
  return new URLSearchParams([...params].filter(([k, v]) => !NOT_LIST.has(k) && v !== "")).toString();
}

/** A path with the inbox view kept, so "next", "back" and every action stay within that view. */
export const inView = (path: string, list: string, extra?: Record<string, string>) => {
  const query = new URLSearchParams(list);
  for (const [k, v] of Object.entries(extra ?? {})) query.set(k, v);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};
