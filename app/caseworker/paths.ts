/** The caseworker area lives under /sachbearbeitung: German-only, its own namespace (ADR 0014). */
export const CASEWORKER_ROOT = "/sachbearbeitung";
export const isCaseworkerPath = (pathname: string) => pathname === CASEWORKER_ROOT || pathname.startsWith(`${CASEWORKER_ROOT}/`);
export const submissionPath = (id: string) => `${CASEWORKER_ROOT}/antrag/${id}`;
