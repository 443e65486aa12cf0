/** The sections of the text pages; each has `<page>.<section>.title` and `.body` texts. */
export const TEXT_PAGES = {
  privacy: ["data", "purpose", "storage", "cookies", "monitoring", "rights"],
  accessibility: ["status", "limits", "feedback", "enforcement"],
} as const;

/** Error page kinds by HTTP status; each has `errorPage.<kind>.title` and `.body`. */
export const ERROR_KINDS = {
  400: "badRequest", 403: "forbidden", 404: "notFound", 413: "tooLarge", 415: "unsupportedType", 429: "tooMany",
} as const;
export const DEFAULT_ERROR_KIND = "server";
/** Kinds a refused request names itself, where its status alone says too little (app/ui/refusal.ts). */
export const REFUSAL_KINDS = ["crossOrigin"] as const;
