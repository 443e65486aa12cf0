/**
 * The two server secrets: the session-signing secret and the 32-byte master encryption key.
 * Production takes both from the environment; development generates them once into
 * DATA_DIR/secrets.json (mode 0600) so drafts survive restarts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "~/config/env.server";

interface Secrets {
  sessionSecret: string;
  encryptionKey: Buffer;
}

let cached: Secrets | undefined;

function decodeKey(value: string): Buffer {
  const key = Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  return key;
}

export function secrets(): Secrets {
  if (cached) return cached;
  const e = env();
  if (e.SESSION_SECRET && e.ENCRYPTION_KEY) {
    cached = { sessionSecret: e.SESSION_SECRET, encryptionKey: decodeKey(e.ENCRYPTION_KEY) };
    return cached;
  }
  mkdirSync(e.DATA_DIR, { recursive: true });
  const file = join(e.DATA_DIR, "secrets.json");
  if (!existsSync(file)) {
    const generated = { sessionSecret: randomBytes(32).toString("base64url"), encryptionKey: randomBytes(32).toString("base64") };
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: "wx" });
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { sessionSecret: string; encryptionKey: string };
  cached = {
    sessionSecret: e.SESSION_SECRET ?? stored.sessionSecret,
    encryptionKey: decodeKey(e.ENCRYPTION_KEY ?? stored.encryptionKey),
  };
  return cached;
}
