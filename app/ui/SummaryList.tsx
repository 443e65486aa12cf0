/** Key–value rows with an optional change link each (check-your-answers, receipts). */
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/context";

import type { SummaryRow } from "~/flows/engine/review";

export type { SummaryRow };

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  const t = useT();
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt className="summary-list__key">{row.label}</dt>
          <dd className="summary-list__value">
            {/* <bdi>: what a person typed keeps its own direction ("05817//0093412" in Arabic pages). */}
            {(Array.isArray(row.value) ? row.value : [row.value]).map((v) => <span className="summary-list__line" key={v}><bdi>{v}</bdi></span>)}
          </dd>
          {row.changeHref ? (
            <dd className="summary-list__actions">
              <Link to={row.changeHref}>
                {t("change")}<span className="visually-hidden"> {row.label}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
