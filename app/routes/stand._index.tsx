/** Open the status page of a submission from any device, with its reference and Zugangscode. */
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { openByCode } from "~/submission/status-access.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";

export function loader() {
  return { titleKeys: ["statusLookup.title"] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const reference = String(form.get("referenz") ?? "").slice(0, 40);
  const code = String(form.get("code") ?? "").slice(0, 40);
  const outcome = await openByCode(request, context.clientIp, reference, code);
  if (outcome instanceof Response) return outcome;
  return data({ error: outcome, reference, code }, { status: outcome === "tooMany" ? 429 : 400 });
}

export default function StatusLookup() {
  const result = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const error = result?.error ? t(`statusLookup.errors.${result.error}`) : undefined;
  return (
    <>
      <ErrorSummary errors={error ? [{ name: "referenz", message: error }] : []} />
      <h1>{t("statusLookup.title")}</h1>
      <p className="lead">{t("statusLookup.lead")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="f-referenz">{t("statusLookup.referenceLabel")}</label>
          <p className="hint" id="f-referenz-hint">{t("statusLookup.referenceHint")}</p>
          {error ? <p className="error-message" id="f-referenz-error"><span className="visually-hidden">{t("errorPrefix")} </span>{error}</p> : null}
          <input
            className="input input--code" id="f-referenz" name="referenz" type="text" dir="ltr" autoComplete="off" spellCheck={false}
            autoCapitalize="characters" defaultValue={result?.reference ?? ""}
            aria-describedby={error ? "f-referenz-hint f-referenz-error" : "f-referenz-hint"} aria-invalid={error ? true : undefined}
          />
        </div>
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="f-code">{t("statusLookup.codeLabel")}</label>
          <p className="hint" id="f-code-hint">{t("statusLookup.codeHint")}</p>
          <input
            className="input input--code" id="f-code" name="code" type="text" dir="ltr" autoComplete="off" spellCheck={false}
            autoCapitalize="characters" defaultValue={result?.code ?? ""} aria-describedby="f-code-hint" aria-invalid={error ? true : undefined}
          />
        </div>
        <button className="button button--primary" type="submit" disabled={navigation.state !== "idle"}>{t("statusLookup.submit")}</button>
      </Form>
    </>
  );
}
