/** Resume an application with the code shown on "continue later". */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { resume } from "~/flows/resume.server";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { CsrfField } from "~/ui/CsrfField";
import { CodeField } from "~/ui/CodeField";
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
        <CodeField name="code" label={t("resume.label")} hint={t("resume.hint")} error={error} defaultValue={result?.code ?? ""} />
        <button className="button button--primary" type="submit" disabled={navigation.state !== "idle"}>{t("resume.submit")}</button>
      </Form>
    </>
  );
}
