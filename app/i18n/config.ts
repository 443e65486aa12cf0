/** Languages the portal speaks. Output to the jobcenter is always German. */
export const LANGUAGES = ["de", "en", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = "de";
const RTL = new Set<string>(["ar", "fa", "prs", "ps", "ur", "he"]);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function direction(lng: string): "rtl" | "ltr" {
  return RTL.has(lng) ? "rtl" : "ltr";
}

/** Namespaces every page needs; a flow page adds its flow's namespace. */
export const BASE_NAMESPACES = ["common"] as const;
