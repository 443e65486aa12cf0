/**
 * The German words of the caseworker PDF. Labels come from locales/de/dokument.json; code
 * values (status "erfolgt", beziehung "partner") print as the German option labels the
 * applicant chose from (locales/de/veraenderung.json), so the caseworker reads what the
 * applicant read. Lookups are memoised: the same few hundred strings serve every document.
 */
import { fixedT, i18n } from "~/i18n/i18next.server";

/** The Veränderungsmitteilung's namespace: its change names. */
export const FLOW_NAMESPACE = "veraenderung";
export const DOKUMENT_NAMESPACE = "dokument";

const memo = new Map<string, string | undefined>();

/** German text from a namespace, or undefined if the key does not exist. */
export function germanText(ns: string, key: string): string | undefined {
  return german(ns, key);
}

function german(ns: string, key: string): string | undefined {
  const id = `${ns}:${key}`;
  if (!memo.has(id)) memo.set(id, i18n().exists(key, { lng: "de", ns }) ? String(fixedT("de", ns)(key)) : undefined);
  return memo.get(id);
}

/** A text of the caseworker PDF; `vars` fill {{placeholders}}. A missing key is a bug: it throws. */
export function dokumentText(key: string, vars?: Record<string, string | number>): string {
  const text = german(DOKUMENT_NAMESPACE, key);
  if (text === undefined) throw new Error(`locales/de/dokument.json lacks "${key}"`);
  return vars ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? "")) : text;
}

/** Label of a model field (felder.<name>); the raw name if the namespace lacks it (tests catch that). */
export function fieldLabel(name: string): string {
  return german(DOKUMENT_NAMESPACE, `felder.${name}`) ?? name;
}

/** "Ukrainisch (uk)"; unknown codes print as they are. */
export function languageName(code: string): string {
  const name = german(DOKUMENT_NAMESPACE, `sprachen.${code}`);
  return name ? `${name} (${code})` : code;
}

/** German name of a change type (aenderungsarten.<art>). */
export function changeName(art: string): string {
  return german(FLOW_NAMESPACE, `aenderungsarten.${art}`) ?? art;
}

/** German title of the flow step a Nachweis is asked for in (its `anlass`), in the flow's namespace. */
export function stepTitle(step: string, namespace = FLOW_NAMESPACE): string {
  return german(namespace, `steps.${step}.title`) ?? step;
}

