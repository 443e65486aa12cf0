/** A field for a code people copy from paper (resume code, reference, Zugangscode): left to right, no autocorrect. */
import { useT } from "~/i18n/context";

export function CodeField({ name, label, hint, error, defaultValue }: { name: string; label: string; hint: string; error?: string; defaultValue: string }) {
  const t = useT();
  const id = `f-${name}`;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>{hint}</p>
      {error ? <p className="error-message" id={`${id}-error`}><span className="visually-hidden">{t("errorPrefix")} </span>{error}</p> : null}
      <input
        className="input input--code" id={id} name={name} type="text" dir="ltr" autoComplete="off" spellCheck={false}
        autoCapitalize="characters" defaultValue={defaultValue}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
