/**
 * Caseworker sign-in: e-mail and password, then a TOTP code when the account has one. CSRF via
 * readVerifiedForm; failures are throttled per address (progressive, with a hard limit) or per
 * known device, and lock the account for unknown devices only (sign-in.server.ts, ADR 0020).
 * A complete sign-in makes the device known.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { Caseworker } from "~/caseworker/accounts.server";
import { recordAudit } from "~/caseworker/audit.server";
import { deviceCookieOf, rememberDevice } from "~/caseworker/known-device.server";
import { createSession, destroySession, lookupSession } from "~/caseworker/sessions.server";
import { signInWithCode, signInWithPassword, type SignInOutcome } from "~/caseworker/sign-in.server";
import type { LoginMessage } from "~/caseworker/texts";
import { berlinDateTime, berlinTime } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { db, type DB } from "~/store/db.server";
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

/** Signed in completely: an active session, the device remembered for this account. */
async function signedIn(database: DB, request: Request, cw: Caseworker, knownDevice: boolean, totp: boolean) {
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(database, cw.id, "active"));
  headers.append("Set-Cookie", rememberDevice(deviceCookieOf(request), cw.id));
  await recordAudit(database, { caseworkerId: cw.id, jobcenterId: cw.jobcenterId, action: "anmeldung", detail: { totp, bekanntesGeraet: knownDevice } });
  return redirect("/sachbearbeitung", { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const database = await db();
  const attempt = { ip: context.clientIp, deviceCookie: deviceCookieOf(request) };
  const fail = (error: LoginMessage, field: ActionResult["field"], status: number, until?: string, headers?: HeadersInit) =>
    data<ActionResult>({ error, field, until }, { status, headers });
  const refused = (outcome: Exclude<SignInOutcome, { ok: true }>, field: ActionResult["field"]) => {
    if (outcome.reason === "zuViele") {
      const until = new Date(Date.now() + outcome.retryAfterSeconds * 1000).toISOString();
      return fail("zuViele", field, 429, until, { "Retry-After": String(outcome.retryAfterSeconds) });
    }
    if (outcome.reason === "gesperrt") return fail("gesperrt", "email", 423, outcome.until);
    return fail(outcome.reason, field, 401);
  };

  if (form.get("schritt") === "code") {
    const pending = await lookupSession(database, request, { touch: false });
    if (!pending.state || pending.state.stage !== "totp") throw redirect("/sachbearbeitung/anmelden");
    const cw = pending.state.caseworker;
    const outcome = await signInWithCode(database, cw, String(form.get("code") ?? ""), attempt);
    if (!outcome.ok) {
      if (outcome.reason === "gesperrt") await destroySession(database, request);
      return refused(outcome, "code");
    }
    // A new token for the signed-in session (no fixation from the half-finished one).
    await destroySession(database, request);
    return signedIn(database, request, cw, outcome.knownDevice, true);
  }

  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return fail("leer", "email", 400);
  const outcome = await signInWithPassword(database, email, password, attempt);
  if (!outcome.ok) return refused(outcome, "email");
  const cw = outcome.caseworker;
  if (cw.hasTotp) {
    const cookie = await createSession(database, cw.id, "totp");
    return redirect("/sachbearbeitung/anmelden", { headers: { "Set-Cookie": cookie } });
  }
  return signedIn(database, request, cw, outcome.knownDevice, false);
}

export default function Anmelden() {
  const t = useT();
  const { stage, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const until = result?.until ? (result.error === "zuViele" ? berlinTime(result.until) : berlinDateTime(result.until)) : "";
  const message = result ? t(`sachbearbeitung:anmelden.meldungen.${result.error}`, { bis: until }) : undefined;
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

