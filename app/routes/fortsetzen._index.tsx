/** Resume an application with the code shown on "continue later". */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { resume } from "~/flows/resume.server";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";


export function loader({ request }: LoaderFunctionArgs) {
  return { invalidLink: new URL(request.url).searchParams.has("ungueltig"), titleKeys: ["resume.title"] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const code = String(form.get("code") ?? "");
  const outcome = await resume(request, context.clientIp, code);
  if (outcome instanceof Response) return outcome;
  return data({ error: outcome, code }, { status: outcome === "tooMany" ? 429 : 400 });
}

export default function Resume() {
  const result = useActionData<typeof action>();
  const { invalidLink } = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const error = result?.error ? t(`resume.errors.${result.error}`) : undefined;
  return (
    <>
      <ErrorSummary errors={error ? [{ name: "code", message: error }] : []} />
      <h1>{t("resume.title")}</h1>
      {invalidLink && !result ? <div className="notice notice--warning" role="status"><p>{t("resume.invalidLink")}</p></div> : null}
      <p className="lead">{t("resume.lead")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <div className={`form-group${error ? " form-group--error" : ""}`}>
          <label className="label" htmlFor="f-code">{t("resume.label")}</label>
          <p className="hint" id="f-code-hint">{t("resume.hint")}</p>
          {error ? <p className="error-message" id="f-code-error"><span className="visually-hidden">{t("errorPrefix")} </span>{error}</p> : null}
          <input
            className="input input--code" id="f-code" name="code" type="text" dir="ltr" autoComplete="off" spellCheck={false}
            autoCapitalize="characters" defaultValue={result?.code ?? ""}
            aria-describedby={error ? "f-code-hint f-code-error" : "f-code-hint"} aria-invalid={error ? true : undefined}
          />
        </div>
        <button className="button button--primary" type="submit" disabled={navigation.state !== "idle"}>{t("resume.submit")}</button>
      </Form>
    </>
  );
}
