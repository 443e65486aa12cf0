/**
 * Page numbers from query parameters (`?seite=`), bounded: beyond MAX_PAGE an offset would leave
 * the integers the databases bind (`datatype mismatch`, a 500). ADR 0019.
 */
export const MAX_PAGE = 100_000;

/** A whole page number from 1 to MAX_PAGE; missing, negative or not a number is page 1. */
export function pageParam(value: string | null | undefined): number {
  const page = Number.parseInt(value ?? "", 10);
  if (!Number.isFinite(page) || page < 1) return 1;
  return Math.min(page, MAX_PAGE);
}
