/** Why a file was not taken; each code has a text under `nachweisUpload.errors.<code>` (with {{file}}). */
export const UPLOAD_ERROR_CODES = [
  "tooLarge", "tooMany", "empty", "heic", "office", "archive", "executable", "otherImage", "unknown", "damaged", "encrypted",
  "imageTooLarge", "activeContent", "noFile", "network", "failed",
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

/** One refused file (or, for noFile/tooMany/failed, the whole request) of one Nachweis. */
export interface UploadError {
  nachweis: string;
  code: UploadErrorCode;
  /** The file's sanitised name; empty when the error is not about one file. */
  file: string;
}

/** The id of the error summary link target: the "Datei auswählen" input of the Nachweis. */
export const uploadFieldName = (nachweis: string) => `datei-${nachweis}`;
