/**
 * The translator components use, on the server and in the browser alike. It reads a plain
 * message bundle (produced by i18next's resource store on the server and sent with the root
 * loader), so the browser needs no i18next runtime. Keys are "ns:path.to.key"; `{{name}}`
 * interpolates; `count` picks `_one`/`_other`… by the language's plural rules.
 */
import { direction } from "./config";
import { intlLocale } from "./format";

export type MessageTree = { [key: string]: string | MessageTree };
export type Bundle = Record<string, MessageTree>;
export type Vars = Record<string, string | number>;
export type T = (key: string, vars?: Vars) => string;

function lookup(tree: MessageTree | undefined, path: string): string | MessageTree | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of path.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

/**
 * In right-to-left text, runs of Latin letters and digits ("Nummer der Bedarfsgemeinschaft",
 * "05817//0093412", "§ 60 SGB I") are wrapped in Unicode isolates (LRI … PDI), so the bidi
 * algorithm neither reverses "05817//0093412" nor tears "Jobcenter Musterstadt (Demo)" apart.
 */
const LATIN_RUN = /\(?[§A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F .,:/@+'’&–()-]*[A-Za-z0-9\u00C0-\u024F)])?/g;

/** Brackets inside a run stay inside its island: "Jobcenter Musterstadt (Demo)" is one unit. */
export function isolateLatin(text: string): string {
  return text.replace(LATIN_RUN, (run) => `\u2066${run}\u2069`);
}

export function createT(lng: string, bundle: Bundle, defaultNs = "common"): T {
  const plural = new Intl.PluralRules(intlLocale(lng));
  const rtl = direction(lng) === "rtl";
  return (key, vars) => {
    const text = translate(key, vars);
    return rtl && text !== key ? isolateLatin(text) : text;
  };

  function translate(key: string, vars?: Vars): string {
    const sep = key.indexOf(":");
    const ns = sep > 0 ? key.slice(0, sep) : defaultNs;
    const path = sep > 0 ? key.slice(sep + 1) : key;
    let found = lookup(bundle[ns], path);
    if (vars && typeof vars.count === "number") {
      const form = lookup(bundle[ns], `${path}_${plural.select(vars.count)}`) ?? lookup(bundle[ns], `${path}_other`);
      if (typeof form === "string") found = form;
    }
    if (typeof found !== "string") return key;
    return vars ? found.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : found;
  }
}

/** Whether a key exists (for optional texts such as hints). */
export function hasKey(bundle: Bundle, key: string, defaultNs = "common"): boolean {
  const sep = key.indexOf(":");
  return typeof lookup(bundle[sep > 0 ? key.slice(0, sep) : defaultNs], sep > 0 ? key.slice(sep + 1) : key) === "string";
}

/** A bundle with a page's texts merged in (deep, so "steps.person" joins the other steps). */
export function mergeBundles(base: Bundle, extra: Bundle | undefined): Bundle {
  if (!extra) return base;
  const merge = (a: MessageTree, b: MessageTree): MessageTree => {
    const out: MessageTree = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = typeof v === "object" && typeof out[k] === "object" ? merge(out[k] as MessageTree, v) : v;
    return out;
  };
  const out: Bundle = { ...base };
  for (const [ns, tree] of Object.entries(extra)) out[ns] = merge(out[ns] ?? {}, tree);
  return out;
}
