/** Open the status page of a submission from any device, with its reference and Zugangscode. */
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { openByCode } from "~/submission/status-access.server";
import { CsrfField } from "~/ui/CsrfField";
import { CodeField } from "~/ui/CodeField";
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
        <CodeField name="referenz" label={t("statusLookup.referenceLabel")} hint={t("statusLookup.referenceHint")} error={error} defaultValue={result?.reference ?? ""} />
        <CodeField name="code" label={t("statusLookup.codeLabel")} hint={t("statusLookup.codeHint")} defaultValue={result?.code ?? ""} />
        <button className="button button--primary" type="submit" disabled={navigation.state !== "idle"}>{t("statusLookup.submit")}</button>
      </Form>
    </>
  );
}
