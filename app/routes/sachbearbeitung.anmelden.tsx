/**
 * Caseworker sign-in: e-mail and password, then a TOTP code when the account has one. CSRF via
 * readVerifiedForm, rate limits per address and per account, lockout after 5 failures.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { checkPassword, checkTotp } from "~/caseworker/accounts.server";
import { recordAudit } from "~/caseworker/audit.server";
import { createSession, destroySession, lookupSession } from "~/caseworker/sessions.server";
import type { LoginMessage } from "~/caseworker/texts";
import { berlinDateTime } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { loginLimiters } from "~/security/rate-limit.server";
import { db } from "~/store/db.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { fieldId } from "~/ui/Field";

export async function loader({ request }: LoaderFunctionArgs) {
  const database = await db();
  const found = await lookupSession(database, request, { touch: false });
  if (found.state?.stage === "active") throw redirect("/sachbearbeitung");
  const grund = new URL(request.url).searchParams.get("grund");
  const notice = grund === "abgelaufen" || grund === "abgemeldet" ? (grund as LoginMessage) : undefined;
  return { stage: found.state?.stage === "totp" ? ("totp" as const) : ("passwort" as const), notice, titleKeys: ["sachbearbeitung:anmelden.titel"] };
}

type ActionResult = { error: LoginMessage; field: "email" | "code"; until?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const database = await db();
  const limits = loginLimiters();
  const fail = (error: LoginMessage, field: ActionResult["field"], status: number, until?: string) => data<ActionResult>({ error, field, until }, { status });
  if (!limits.byAddress.attempt(context.clientIp).allowed) return fail("zuViele", "email", 429);

  if (form.get("schritt") === "code") {
    const pending = await lookupSession(database, request, { touch: false });
    if (!pending.state || pending.state.stage !== "totp") throw redirect("/sachbearbeitung/anmelden");
    const cw = pending.state.caseworker;
    if (!limits.byAccount.attempt(cw.email).allowed) return fail("zuViele", "code", 429);
    const result = await checkTotp(database, cw.id, String(form.get("code") ?? ""));
    if (!result.ok) {
      await recordAudit(database, { caseworkerId: cw.id, jobcenterId: cw.jobcenterId, action: result.reason === "gesperrt" ? "anmeldung_gesperrt" : "anmeldung_fehlgeschlagen", detail: { schritt: "code" } });
      if (result.reason === "gesperrt") {
        await destroySession(database, request);
        return fail("gesperrt", "email", 423, result.until);
      }
      return fail("codeFalsch", "code", 401);
    }
    // A new token for the signed-in session (no fixation from the half-finished one).
    await destroySession(database, request);
    const cookie = await createSession(database, cw.id, "active");
    await recordAudit(database, { caseworkerId: cw.id, jobcenterId: cw.jobcenterId, action: "anmeldung", detail: { totp: true } });
    return redirect("/sachbearbeitung", { headers: { "Set-Cookie": cookie } });
  }

  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return fail("leer", "email", 400);
  if (!limits.byAccount.attempt(email.toLowerCase()).allowed) return fail("zuViele", "email", 429);
  const result = await checkPassword(database, email, password);
  if (!result.ok) {
    await recordAudit(database, {
      caseworkerId: result.caseworkerId ?? null, jobcenterId: result.jobcenterId ?? null,
      action: result.reason === "gesperrt" ? "anmeldung_gesperrt" : "anmeldung_fehlgeschlagen", detail: { schritt: "passwort" },
    });
    return result.reason === "gesperrt" ? fail("gesperrt", "email", 423, result.until) : fail("falsch", "email", 401);
  }
  const cw = result.caseworker;
  if (cw.hasTotp) {
    const cookie = await createSession(database, cw.id, "totp");
    return redirect("/sachbearbeitung/anmelden", { headers: { "Set-Cookie": cookie } });
  }
  const cookie = await createSession(database, cw.id, "active");
  await recordAudit(database, { caseworkerId: cw.id, jobcenterId: cw.jobcenterId, action: "anmeldung", detail: { totp: false } });
  return redirect("/sachbearbeitung", { headers: { "Set-Cookie": cookie } });
}

export default function Anmelden() {
  const t = useT();
  const { stage, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const message = result ? t(`sachbearbeitung:anmelden.meldungen.${result.error}`, { bis: result.until ? berlinDateTime(result.until) : "" }) : undefined;
  const errors = result && message ? [{ name: result.field, message }] : [];
  const showCode = stage === "totp" && result?.error !== "gesperrt";
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t("sachbearbeitung:anmelden.titel")}</h1>
      {notice && !result && <p className="notice" role="status">{t(`sachbearbeitung:anmelden.meldungen.${notice}`)}</p>}
      {showCode ? (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="schritt" value="code" />
          <p>{t("sachbearbeitung:anmelden.codeHinweis")}</p>
          <div className={`form-group${result?.field === "code" ? " form-group--error" : ""}`}>
            <label className="label" htmlFor={fieldId("code")}>{t("sachbearbeitung:anmelden.code")}</label>
            {result?.field === "code" && <p className="error-message" id="code-error">{message}</p>}
            <input className="input" id={fieldId("code")} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" dir="ltr"
              aria-describedby={result?.field === "code" ? "code-error" : undefined} aria-invalid={result?.field === "code" || undefined} />
          </div>
          <button type="submit" className="button button--primary">{t("sachbearbeitung:anmelden.bestaetigen")}</button>
        </Form>
      ) : (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="schritt" value="passwort" />
          <div className={`form-group${result?.field === "email" ? " form-group--error" : ""}`}>
            <label className="label" htmlFor={fieldId("email")}>{t("sachbearbeitung:anmelden.email")}</label>
            {result?.field === "email" && <p className="error-message" id="email-error">{message}</p>}
            <input className="input" id={fieldId("email")} name="email" type="email" autoComplete="username" dir="ltr" spellCheck={false}
              aria-describedby={result?.field === "email" ? "email-error" : undefined} aria-invalid={result?.field === "email" || undefined} />
          </div>
          <div className="form-group">
            <label className="label" htmlFor={fieldId("password")}>{t("sachbearbeitung:anmelden.passwort")}</label>
            <input className="input" id={fieldId("password")} name="password" type="password" autoComplete="current-password" dir="ltr" />
          </div>
          <button type="submit" className="button button--primary">{t("sachbearbeitung:anmelden.anmelden")}</button>
        </Form>
      )}
    </>
  );
}

