/**
 * The binary assets the PDFs embed: pre-subset fonts (scripts/subset-pdf-fonts.sh) and the sRGB
 * profile of the PDF/A output intent. Read from disk once, on first use, then kept in memory:
 * every PDF embeds the same bytes, so reading them per document would only cost time.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const ASSETS_DIR = process.env.ASSETS_DIR ?? join(process.cwd(), "assets");

const cache = new Map<string, Uint8Array>();

/** An asset's bytes, e.g. `asset("fonts/NotoSans-Regular.ttf")`. */
export function asset(path: string): Uint8Array {
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(ASSETS_DIR, path)));
    cache.set(path, bytes);
  }
  return bytes;
}
