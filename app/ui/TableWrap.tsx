import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a narrow screen. A scrollable region must be reachable by
 * keyboard (WCAG 2.1.1), so it is a named, focusable region.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
