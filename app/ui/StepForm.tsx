/**
 * The generic form of a flow step. Without JavaScript it is a native POST form and the server
 * validates. With JavaScript, react-hook-form validates with the very same zod schema
 * (stepSchema) before the form is posted. As GOV.UK advises, it validates on sending, not when
 * a field is left: an error appearing on blur moved the button away under the pointer and
 * pulled focus to the summary. After a failed send, a field's own message updates as it is
 * corrected; the summary stays as it was sent until the next send, so nothing above the
 * button moves while the applicant fixes the answers.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useForm, type FieldErrors as RhfErrors, type Resolver } from "react-hook-form";
import { asked, DATE_PARTS, datePartsOf, fieldTextBase, stepSchema, todayIso, type FieldErrors } from "~/flows/engine/fields";
import type { FieldDef, StepValues } from "~/flows/engine/types";
import { useI18n } from "~/i18n/context";
import type { Vars } from "~/i18n/translate";
import { CsrfField } from "./CsrfField";
import { ErrorSummary } from "./ErrorSummary";
import { Field, type FieldText } from "./Field";

interface Props {
  namespace: string;
  /** Key prefix of this step's field texts, e.g. "steps.person". */
  textKey: string;
  /** Key of the optional lead paragraph (default `<textKey>.intro`). */
  introKey?: string;
  /** Values for `{{…}}` placeholders in this step's texts (amounts, the benefit's name). */
  vars?: Vars;
  fields: readonly FieldDef[];
  values: StepValues;
  serverErrors?: FieldErrors;
  submitLabel: string;
  secondary?: ReactNode;
  /**
   * The page's question (its heading). A page of one question names it in error messages,
   * since its field label may be only an instruction ("Wählen Sie alles aus, was zutrifft.").
   */
  question?: string;
  /** Shown after the lead paragraph, before the form (e.g. QuestionStep.overview). */
  children?: ReactNode;
}

function defaults(fields: readonly FieldDef[], values: StepValues) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === "date") datePartsOf(values[f.name]).forEach((part, i) => (out[`${f.name}-${DATE_PARTS[i]}`] = part));
    else out[f.name] = values[f.name] ?? (f.kind === "checkboxes" ? [] : "");
  }
  return out;
}

export function StepForm({ namespace, textKey, introKey = `${textKey}.intro`, vars, fields, values, serverErrors, submitLabel, secondary, question, children }: Props) {
  const { t, has } = useI18n();
  const schema = useMemo(() => stepSchema(fields), [fields]);
  const form = useForm<Record<string, unknown>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<Record<string, unknown>>,
    defaultValues: defaults(fields, values),
    mode: "onSubmit",
    shouldFocusError: false,
  });
  const submit = useSubmit();
  const navigation = useNavigation();
  const clientErrors = form.formState.errors as RhfErrors;
  const busy = navigation.state !== "idle";

  // The errors the summary lists: the server's, or those of the last send in the browser.
  const [sent, setSent] = useState<{ errors?: Record<string, string | undefined>; attempt: number }>({ errors: serverErrors, attempt: 0 });
  useEffect(() => setSent((s) => ({ errors: serverErrors, attempt: s.attempt + 1 })), [serverErrors]);

  const errorText = (field: FieldDef, label: string, code: string) => {
    const max = "maxLength" in field ? field.maxLength : "max" in field ? field.max : undefined;
    const min = "min" in field ? field.min : "earliest" in field && field.earliest ? field.earliest.split("-").reverse().join(".") : undefined;
    return t(`validation.${code}`, { label: fields.length === 1 && question ? question : label, ...(max !== undefined ? { max } : {}), ...(min !== undefined ? { min } : {}) });
  };
  const textFor = (field: FieldDef): FieldText => {
    const base = fieldTextBase(`${namespace}:${textKey}`, field, namespace);
    const label = t(`${base}.label`, vars);
    const code = (clientErrors[field.name]?.message as string | undefined) ?? serverErrors?.[field.name];
    const hint = field.hint ? t(`${base}.hint`, vars) : undefined;
    // Every date shows how to type it; a birth date's example is a birth year.
    const example = field.kind === "date" ? t("dateParts.example", { year: field.autocomplete === "bday" ? "1987" : todayIso().slice(0, 4) }) : undefined;
    return {
      label,
      hint: hint && example ? `${hint} ${example}` : hint ?? example,
      error: code ? errorText(field, label, code) : undefined,
      option: (o) => t(`${base}.options.${o}`, vars),
      optionHint: "optionHints" in field && field.optionHints ? (o) => t(`${base}.optionHints.${o}`, vars) : undefined,
    };
  };
  const texts = fields.map(textFor);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const watched = form.watch();
  const errors = fields.flatMap((f, i) => {
    const code = sent.errors?.[f.name];
    return code ? [{ name: f.name, message: errorText(f, texts[i].label, code) }] : [];
  });

  return (
    <>
      <ErrorSummary errors={errors} focusKey={sent.attempt} />
      {has(`${namespace}:${introKey}`) ? <p className="lead">{t(`${namespace}:${introKey}`, vars)}</p> : null}
      {children}
      <Form
        method="post"
        noValidate
        onSubmit={(event) => {
          const element = event.currentTarget;
          void form.handleSubmit(
            () => submit(element, { method: "post" }),
            (invalid) => setSent((s) => ({ errors: Object.fromEntries(Object.entries(invalid).map(([name, e]) => [name, e?.message as string | undefined])), attempt: s.attempt + 1 })),
          )(event);
        }}
      >
        <CsrfField />
        {fields.map((field, i) => (
          // A conditional question (FieldBase.onlyWhen) shows with JavaScript only when its condition holds; without, always, with its hint.
          hydrated && field.onlyWhen && !asked(field.onlyWhen, watched[field.onlyWhen.field]) ? null
            : <Field key={field.name} field={field} text={texts[i]} value={values[field.name]} register={form.register} />
        ))}
        <div className="button-group">
          <button type="submit" className="button button--primary" disabled={busy}>{submitLabel}</button>
          {secondary}
        </div>
      </Form>
    </>
  );
}
