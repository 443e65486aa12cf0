/** Lists every error and links to its field; takes focus so screen readers announce it. */
import { useEffect, useRef } from "react";
import { useI18n } from "~/i18n/context";
import { fieldId } from "./Field";

/**
 * `focusKey`: the summary takes focus when it changes (a form's send), not whenever its list
 * changes; without it, whenever the errors change.
 */
export function ErrorSummary({ errors, focusKey }: { errors: { name: string; message: string }[]; focusKey?: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.name}:${e.message}`).join("|");
  const trigger = focusKey ?? signature;
  useEffect(() => {
    if (!signature) return;
    ref.current?.focus();
    const prefix = `${t("errorPrefix")} `;
    if (!document.title.startsWith(prefix)) document.title = prefix + document.title;
    // Focus follows the trigger (a send), not every change of the list.
  }, [trigger, t]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">{t("errorSummaryTitle")}</h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={e.name}><a href={`#${fieldId(e.name)}`}>{e.message}</a></li>
        ))}
      </ul>
    </div>
  );
}
