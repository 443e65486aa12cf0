/**
 * A date as three fields — day, month, year — with labels and an example (ADR 0037), as GOV.UK
 * asks dates people know: no picker whose format follows the phone's settings instead of the
 * page's language, no scrolling back decades to a birth year. Always day–month–year from left to
 * right, also on right-to-left pages, as German documents print dates. The parts are posted as
 * `<name>-day`, `<name>-month`, `<name>-year`; the first one carries the field's id, which the
 * error summary links to.
 */
import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { DATE_PARTS, datePartsOf } from "~/flows/engine/fields";
import type { DateField as DateFieldDef, FieldValue } from "~/flows/engine/types";
import { useI18n } from "~/i18n/context";

interface Props {
  field: DateFieldDef;
  id: string;
  label: string;
  hint: ReactNode;
  error: ReactNode;
  describedBy?: string;
  invalid: boolean;
  value: FieldValue | undefined;
  register?: UseFormRegister<Record<string, unknown>>;
}

export function DateField({ field, id, label, hint, error, describedBy, invalid, value, register }: Props) {
  const { t } = useI18n();
  const parts = datePartsOf(value);
  return (
    <div className={`form-group${invalid ? " form-group--error" : ""}`}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend">{label}</legend>
        {hint}
        {error}
        <div className="date-input" dir="ltr">
          {DATE_PARTS.map((part, i) => {
            const name = `${field.name}-${part}`;
            const partId = i ? `${id}-${part}` : id;
            return (
              <div className="date-input__item" key={part}>
                <label className="date-input__label" htmlFor={partId}>{t(`dateParts.${part}`)}</label>
                <input
                  className={`input input--${part}`}
                  id={partId}
                  type="text"
                  inputMode="numeric"
                  autoComplete={field.autocomplete === "bday" ? `bday-${part}` : "off"}
                  aria-invalid={invalid || undefined}
                  defaultValue={parts[i]}
                  {...(register ? register(name) : { name })}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
