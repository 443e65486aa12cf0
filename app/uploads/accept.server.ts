/**
 * From received bytes to a storable PDF: size limit, type by magic bytes, image size from the
 * header (before decoding), conversion of images in a worker, a PDF that opens without a password
 * and carries no active content (ADR 0021). Every refusal names its reason. Each accepted file
 * keeps the hash of its received bytes, so a retried upload is stored once.
 */
import type { ReceivedFile } from "~/security/csrf.server";
import { sha256 } from "~/store/submissions.server";
import { toStoredPdf } from "./convert.server";
import { detectType } from "./detect.server";
import type { UploadError } from "./errors";
import { sanitizeFileName } from "./filename";
import { MAX_FILE_BYTES } from "./limits";
import type { NewUpload } from "./store.server";

export interface Checked {
  accepted: NewUpload[];
  errors: UploadError[];
}

export async function checkFiles(files: readonly ReceivedFile[], nachweis: string, now: Date = new Date()): Promise<Checked> {
  const accepted: NewUpload[] = [];
  const errors: UploadError[] = [];
  for (const file of files) {
    const name = sanitizeFileName(file.name);
    if (!file.bytes || file.size > MAX_FILE_BYTES) {
      errors.push({ nachweis, code: "tooLarge", file: name });
      continue;
    }
    const type = detectType(file.bytes);
    if (!type.ok) {
      errors.push({ nachweis, code: type.reason, file: name });
      continue;
    }
    const pdf = await toStoredPdf(type.type, file.bytes, name, now);
    if (!pdf.ok) {
      errors.push({ nachweis, code: pdf.reason, file: name });
      continue;
    }
    accepted.push({ nachweis, originalName: name, pdf: pdf.pdf, receivedSha256: sha256(file.bytes) });
  }
  return { accepted, errors };
}
