/** Model paths ↔ XML element paths, by the schema (render.server.ts writes the same names). */
import { schemaOrder } from "./schema.server";

const NAMES: Record<string, string> = { sha256: "SHA256", iban: "IBAN" };
/** The element a model key becomes. */
export const elementName = (key: string) => NAMES[key] ?? key[0].toUpperCase() + key.slice(1);

/**
 * Model path segments (binding.ts: keys, indices, `[key=value]` selectors) → element names
 * under `root`: a list item is its container's item element, or the `art` it selects.
 */
export function elementPath(root: string, segments: readonly string[]): string[] {
  const order = schemaOrder();
  const out = [root];
  for (const s of segments) {
    const current = out.at(-1)!;
    const selector = /^\[(\w+)=([^\]]+)\]$/.exec(s);
    if (selector?.[1] === "art") out.push(selector[2]);
    else if (/^\d+$/.test(s) || selector) out.push(order.items.get(current) ?? "?");
    else out.push(elementName(s));
  }
  return out;
}
