/**
 * The export of one submission for import into a Fachverfahren: a ZIP with the sealed XML and
 * PDF, every uploaded Nachweis, every Nachreichung (its sealed XML and files) and a manifest
 * listing each file with its SHA-256 — the same packages and manifests the delivery connectors
 * send (app/delivery/package.server.ts), one folder per package.
 */
import { loadPackage, manifest, packageName } from "~/delivery/package.server";
import type { DB } from "~/store/db.server";
import type { StoredSubmission } from "~/store/submissions.server";
import { listNachreichungen } from "~/uploads/nachreichung.server";
import { zip, type ZipEntry } from "./zip.server";

export async function exportZip(db: DB, submission: StoredSubmission, now: Date = new Date()): Promise<{ fileName: string; bytes: Buffer; files: number }> {
  const packages = [await loadPackage(db, `export-${submission.id}`, submission.id)];
  for (const n of await listNachreichungen(db, submission.id)) packages.push(await loadPackage(db, `export-${n.id}`, submission.id, n.id));
  const entries: ZipEntry[] = [];
  for (const pkg of packages) {
    const folder = packageName(pkg);
    for (const d of pkg.documents) entries.push({ name: `${folder}/${d.fileName}`, bytes: d.bytes });
    entries.push({ name: `${folder}/manifest.json`, bytes: Buffer.from(`${JSON.stringify(manifest(pkg), null, 2)}\n`, "utf8") });
  }
  return { fileName: `export-${submission.reference}.zip`, bytes: zip(entries, now), files: entries.length };
}
