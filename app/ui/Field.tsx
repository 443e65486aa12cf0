/**
 * One declared field: label, optional hint, error message, all wired with aria-describedby.
 * Radios and checkboxes are a fieldset with a legend. Works as a plain form control without
 * JavaScript; with it, react-hook-form's `register` is spread onto the controls.
 */
import type { UseFormRegister } from "react-hook-form";
import type { FieldDef, FieldValue } from "~/flows/engine/types";
import { useI18n } from "~/i18n/context";
import { CountryField } from "./CountryField";
import { DateField } from "./DateField";

export interface FieldText {
  label: string;
  hint?: string;
  error?: string;
  option?: (value: string) => string;
  /** The explanation under an option (ChoiceField.optionHints). */
  optionHint?: (value: string) => string;
}

interface Props {
  field: FieldDef;
  text: FieldText;
  value: FieldValue | undefined;
  register?: UseFormRegister<Record<string, unknown>>;
}

export const fieldId = (name: string) => `f-${name}`;

const INPUT_TYPES: Record<string, { type: string; inputMode?: "numeric" | "decimal" | "tel" | "email" | "text" }> = {
  text: { type: "text" }, name: { type: "text" }, email: { type: "email", inputMode: "email" },
  tel: { type: "tel", inputMode: "tel" }, postcode: { type: "text", inputMode: "numeric" },
  iban: { type: "text" }, money: { type: "text", inputMode: "decimal" },
  number: { type: "text", inputMode: "numeric" }, steuerId: { type: "text", inputMode: "numeric" }, rvNummer: { type: "text" },
};

export function Field({ field, text, value, register }: Props) {
  const { t } = useI18n();
  const id = fieldId(field.name);
  const hintId = text.hint ? `${id}-hint` : undefined;
  const errorId = text.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const label = field.optional ? `${text.label} ${t("optional")}` : text.label;
  const bind = register ? register(field.name) : { name: field.name };
  const hint = text.hint ? <p className="hint" id={hintId}>{text.hint}</p> : null;
  const error = text.error ? (
    <p className="error-message" id={errorId}>
      <span className="visually-hidden">{t("errorPrefix")} </span>{text.error}
    </p>
  ) : null;

  if (field.kind === "radio" || field.kind === "checkboxes") {
    const type = field.kind === "radio" ? "radio" : "checkbox";
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    return (
      <div className={`form-group${text.error ? " form-group--error" : ""}`}>
        <fieldset className="fieldset" aria-describedby={describedBy}>
          <legend className="fieldset__legend">{label}</legend>
          {hint}
          {error}
          <div className={`choices choices--${type}`}>
            {field.options.map((option, i) => (
              <div className="choice" key={option}>
                <input
                  className="choice__input"
                  type={type}
                  id={i === 0 ? id : `${id}-${option}`}
                  value={option}
                  defaultChecked={selected.includes(option)}
                  aria-describedby={text.optionHint ? `${id}-${option}-hint` : undefined}
                  {...bind}
                />
                {text.optionHint ? (
                  // The explanation is not part of the option's name: read once, as its description.
                  <div>
                    <label className="choice__label" htmlFor={i === 0 ? id : `${id}-${option}`}>{text.option?.(option) ?? option}</label>
                    <p className="choice__hint" id={`${id}-${option}-hint`}>{text.optionHint(option)}</p>
                  </div>
                ) : <label className="choice__label" htmlFor={i === 0 ? id : `${id}-${option}`}>{text.option?.(option) ?? option}</label>}
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  if (field.kind === "country") {
    return <CountryField field={field} id={id} label={label} hint={hint} error={error} describedBy={describedBy} invalid={Boolean(text.error)} value={typeof value === "string" ? value : ""} register={register} />;
  }

  if (field.kind === "date") {
    return <DateField field={field} id={id} label={label} hint={hint} error={error} describedBy={describedBy} invalid={Boolean(text.error)} value={value} register={register} />;
  }

  const common = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": text.error ? true : undefined,
    autoComplete: field.autocomplete ?? "off",
    defaultValue: typeof value === "string" ? value : "",
    ...bind,
  };
  const control = field.kind === "textarea" ? (
    <textarea className="input input--textarea" rows={5} dir="auto" {...common} />
  ) : (
    <input
      className={`input input--${field.kind}`}
      type={INPUT_TYPES[field.kind].type}
      inputMode={INPUT_TYPES[field.kind].inputMode}
      spellCheck={field.kind === "iban" || field.kind === "email" ? false : undefined}
      autoCapitalize={field.kind === "iban" || field.kind === "rvNummer" ? "characters" : undefined}
      dir={["iban", "money", "number", "steuerId", "rvNummer", "tel", "email", "postcode"].includes(field.kind) ? "ltr" : "auto"}
      {...common}
    />
  );
  return (
    <div className={`form-group${text.error ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint}
      {error}
      {field.kind === "money" ? <div className="input-affix">{control}<span className="input-affix__unit" aria-hidden="true">€</span></div> : control}
    </div>
  );
}
