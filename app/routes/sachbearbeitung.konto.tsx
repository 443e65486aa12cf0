/**
 * The caseworker's own account: set up TOTP as a second factor. The secret is shown as text
 * and as an otpauth:// URI (no QR library); a code from the app confirms it.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { confirmTotpEnrolment, pendingTotpSecret, startTotpEnrolment } from "~/caseworker/accounts.server";
import { areaUser } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { formatSecret, otpauthUri } from "~/caseworker/totp.server";
import { AreaBar } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { fieldId } from "~/ui/Field";

const ISSUER = "Antragsportal Sachbearbeitung";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request);
  const cw = auth.caseworker;
  const pending = cw.hasTotp ? undefined : await pendingTotpSecret(auth.database, cw.id);
  return {
    user: areaUser(auth),
    email: cw.email,
    hasTotp: cw.hasTotp,
    pending: pending ? { secret: formatSecret(pending), uri: otpauthUri(pending, cw.email, ISSUER) } : undefined,
    titleKeys: ["sachbearbeitung:konto.titel"],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireCaseworker(request);
  const cw = auth.caseworker;
  if (cw.hasTotp) return redirect("/sachbearbeitung/konto");
  if (form.get("schritt") === "start") {
    await startTotpEnrolment(auth.database, cw.id);
    return redirect("/sachbearbeitung/konto");
  }
  if (!(await confirmTotpEnrolment(auth.database, cw.id, String(form.get("code") ?? "")))) {
    return data({ error: true }, { status: 400 });
  }
  await recordAudit(auth.database, { caseworkerId: cw.id, jobcenterId: cw.jobcenterId, action: "totp_eingerichtet" });
  return redirect("/sachbearbeitung/konto");
}

export default function Konto() {
  const t = useT();
  const { user, email, hasTotp, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const message = t("sachbearbeitung:konto.codeFalsch");
  return (
    <>
      <AreaBar user={user} />
      <ErrorSummary errors={result?.error ? [{ name: "code", message }] : []} />
      <h1>{t("sachbearbeitung:konto.titel")}</h1>
      <p>{t("sachbearbeitung:konto.email", { email })}</p>
      <h2>{t("sachbearbeitung:konto.totpTitel")}</h2>
      {hasTotp ? <p>{t("sachbearbeitung:konto.totpAktiv")}</p> : pending ? (
        <>
          <p>{t("sachbearbeitung:konto.totpSchritte")}</p>
          <dl className="summary-list">
            <div className="summary-list__row"><dt className="summary-list__key">{t("sachbearbeitung:konto.geheimnis")}</dt><dd className="summary-list__value code-display" dir="ltr">{pending.secret}</dd></div>
            <div className="summary-list__row"><dt className="summary-list__key">{t("sachbearbeitung:konto.uri")}</dt><dd className="summary-list__value" dir="ltr"><code>{pending.uri}</code></dd></div>
          </dl>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="schritt" value="bestaetigen" />
            <div className={`form-group${result?.error ? " form-group--error" : ""}`}>
              <label className="label" htmlFor={fieldId("code")}>{t("sachbearbeitung:anmelden.code")}</label>
              {result?.error && <p className="error-message" id="code-error">{message}</p>}
              <input className="input" id={fieldId("code")} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" dir="ltr"
                aria-describedby={result?.error ? "code-error" : undefined} aria-invalid={result?.error || undefined} />
            </div>
            <button type="submit" className="button button--primary">{t("sachbearbeitung:konto.bestaetigen")}</button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="schritt" value="start" />
          <p>{t("sachbearbeitung:konto.totpAus")}</p>
          <button type="submit" className="button button--primary">{t("sachbearbeitung:konto.einrichten")}</button>
        </Form>
      )}
    </>
  );
}
