/**
 * The limits of document upload (Nachweise), in one place. Shared by the server checks, the
 * page texts and the browser's `accept` hints; documented in docs/decisions/0013.
 */

/** Largest file a person may upload (as sent, before conversion): 20 MiB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Most files one draft, or one submission with all its Nachreichungen, may carry. */
export const MAX_FILES = 50;

/** Most file parts one request may carry; more is refused outright (413). */
export const MAX_FILES_PER_REQUEST = 20;

/** What the file pickers suggest; the server decides by magic bytes, never by name or type. */
export const ACCEPT_FILES = "application/pdf,image/jpeg,image/png";
export const ACCEPT_PHOTO = "image/*";

/** Every stored file is a PDF: images are converted on upload. */
export const STORED_MEDIA_TYPE = "application/pdf";

/** Nachweis key for files that belong to no listed Nachweis ("Weitere Unterlagen"). */
export const OTHER_NACHWEIS = "sonstiges";

/** Megabytes for texts ("höchstens 20 MB"). */
export const MAX_FILE_MB = MAX_FILE_BYTES / (1024 * 1024);

/**
 * Images are refused by their declared size, read from the header before any decoding (a PNG of
 * 48 KB can declare 20000 × 20000 pixels: 1.6 GB once decoded). 40 megapixels is more than any
 * phone camera in common use; no side may exceed 12,000 pixels (a panorama, a bomb).
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 12_000;
export const MAX_IMAGE_MEGAPIXELS = MAX_IMAGE_PIXELS / 1_000_000;

/** An image conversion runs in a worker thread with this much heap and time, at most this many at once. */
export const IMAGE_WORKER_HEAP_MB = 512;
export const IMAGE_WORKER_TIMEOUT_MS = 20_000;
export const IMAGE_WORKERS = 2;
