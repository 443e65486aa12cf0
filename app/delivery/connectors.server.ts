/**
 * Delivery connectors, configured per jobcenter (zustellung). "ordner": a folder an E-Akte or
 * Fachverfahren imports from, written atomically (temporary folder, then one rename: an
 * importer never sees half a submission). "https": a JSON envelope with the documents, signed
 * with HMAC-SHA256 over the body; any 2xx answer counts as delivered.
 */
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Jobcenter } from "~/tenants/jobcenter";
import { manifest, packageName, type DeliveryPackage } from "./package.server";

export type Connector = (pkg: DeliveryPackage) => Promise<void>;

export function folderConnector(root: string): Connector {
  return async (pkg) => {
    const name = packageName(pkg);
    const target = join(root, name);
    if (existsSync(target)) return; // delivered before (e.g. the process died before marking it)
    await mkdir(root, { recursive: true });
    const temp = join(root, `.tmp-${name}-${randomBytes(4).toString("hex")}`);
    await mkdir(temp);
    try {
      for (const doc of pkg.documents) await writeFile(join(temp, doc.fileName), doc.bytes);
      await writeFile(join(temp, "manifest.json"), JSON.stringify(manifest(pkg), null, 2));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
  };
}

export const SIGNATURE_HEADER = "X-Antragsportal-Signature";

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function httpsConnector(url: string, secret: string, timeoutMs = 15_000): Connector {
  return async (pkg) => {
    const body = JSON.stringify({
      ...manifest(pkg),
      dokumente: pkg.documents.map((d) => ({
        name: d.fileName, mediaType: d.mediaType, sha256: d.sha256, ...(d.nachweis ? { nachweis: d.nachweis } : {}), inhalt: d.bytes.toString("base64"),
      })),
    });
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        [SIGNATURE_HEADER]: signBody(secret, body),
        // The receiver can drop repeats of the same delivery by this id.
        "X-Antragsportal-Delivery": pkg.deliveryId,
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
}

/** The connector behind an outbox entry's name ("ordner:0", "https:1"), from the jobcenter's config. */
export function connectorFor(jobcenter: Jobcenter, name: string): Connector {
  const [kind, index] = name.split(":");
  const config = jobcenter.zustellung[Number(index)];
  if (!config || config.art !== kind) throw new Error(`Connector ${name} is not configured for ${jobcenter.id}`);
  if (config.art === "ordner") return folderConnector(config.pfad);
  const secret = process.env[config.hmacSecretVariable];
  if (!secret) throw new Error(`Secret ${config.hmacSecretVariable} for ${name} is not set`);
  return httpsConnector(config.url, secret);
}
