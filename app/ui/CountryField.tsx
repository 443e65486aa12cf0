/**
 * A country field (ADR 0030): a native select of every country, named in the page's language
 * and in its alphabetical order (the `countries` bundle the loader sends), storing the ISO code.
 * Without JavaScript it is a plain select (which jumps by typed letters). With JavaScript a
 * search box above it narrows the list to the names that contain what was typed — in any
 * script, ignoring accents and case — and the select stays the form control.
 */
import { useEffect, useId, useMemo, useState } from "react";
import type { UseFormRegister } from "react-hook-form";
import type { CountryField as CountryFieldDef } from "~/flows/engine/types";
import { UNKNOWN_COUNTRY } from "~/i18n/countries";
import { useI18n } from "~/i18n/context";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

interface Props {
  field: CountryFieldDef;
  id: string;
  label: string;
  hint: React.ReactNode;
  error: React.ReactNode;
  describedBy?: string;
  invalid: boolean;
  value: string;
  register?: UseFormRegister<Record<string, unknown>>;
}

export function CountryField({ field, id, label, hint, error, describedBy, invalid, value, register }: Props) {
  const { t, keys } = useI18n();
  const [query, setQuery] = useState("");
  const [enhanced, setEnhanced] = useState(false);
  const searchId = useId();
  const all = useMemo(() => keys("countries").filter((code) => field.unknown || code !== UNKNOWN_COUNTRY), [keys, field.unknown]);
  const needle = fold(query.trim());
  // The chosen country always stays in the list, so narrowing never changes the answer.
  const shown = needle ? all.filter((code) => code === value || fold(t(`countries:${code}`)).includes(needle)) : all;
  const bind = register ? register(field.name) : { name: field.name };
  // The search box exists only where it works: after hydration.
  useEffect(() => setEnhanced(true), []);
  return (
    <div className={`form-group${invalid ? " form-group--error" : ""}`}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint}
      {error}
      {enhanced ? (
        <div className="country-search">
          <label className="country-search__label" htmlFor={searchId}>{t("country.search")}</label>
          <input className="input country-search__input" id={searchId} type="search" dir="auto" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={id} />
        </div>
      ) : null}
      <select className="input input--country" id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} autoComplete={field.autocomplete ?? "off"} defaultValue={value} {...bind}>
        <option value="">{t("country.choose")}</option>
        {shown.map((code) => <option key={code} value={code}>{t(`countries:${code}`)}</option>)}
      </select>
    </div>
  );
}
