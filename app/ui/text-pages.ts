/** The sections of the text pages; each has `<page>.<section>.title` and `.body` texts. */
export const TEXT_PAGES = {
  privacy: ["data", "purpose", "storage", "cookies", "monitoring", "rights"],
  accessibility: ["status", "limits", "feedback", "enforcement"],
} as const;

/** Error page kinds by HTTP status; each has `errorPage.<kind>.title` and `.body`. */
export const ERROR_KINDS = { 404: "notFound", 403: "forbidden", 429: "tooMany" } as const;
export const DEFAULT_ERROR_KIND = "server";
