/**
 * The translator components use, on the server and in the browser alike. It reads a plain
 * message bundle (produced by i18next's resource store on the server and sent with the root
 * loader), so the browser needs no i18next runtime. Keys are "ns:path.to.key"; `{{name}}`
 * interpolates; `count` picks `_one`/`_other`… by the language's plural rules.
 */
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

export function createT(lng: string, bundle: Bundle, defaultNs = "common"): T {
  const plural = new Intl.PluralRules(lng);
  return (key, vars) => {
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
  };
}

/** Whether a key exists (for optional texts such as hints). */
export function hasKey(bundle: Bundle, key: string, defaultNs = "common"): boolean {
  const sep = key.indexOf(":");
  return typeof lookup(bundle[sep > 0 ? key.slice(0, sep) : defaultNs], sep > 0 ? key.slice(sep + 1) : key) === "string";
}
