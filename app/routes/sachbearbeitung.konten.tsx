/**
 * Account administration for the role "administration": the jobcenter's accounts with role,
 * second factor and status, a button to lock or unlock every other account (locking ends its
 * sessions at once), and a form to create an account in the administrator's own jobcenter.
 * Plain POST forms (POST → redirect → GET); everything works without JavaScript.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import * as z from "zod/mini";
import {
  AccountAccessError, createCaseworker, findCaseworkerByEmail, listCaseworkers, lockedUntilByAccount, normaliseEmail, OwnAccountError, setDisabled,
} from "~/caseworker/accounts.server";
import { areaUser } from "~/caseworker/area.server";
import { recordAudit } from "~/caseworker/audit.server";
import { MIN_PASSWORD_LENGTH } from "~/caseworker/password.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { ROLES, type Role } from "~/caseworker/texts";
import { AreaBar, berlinDateTime } from "~/caseworker/ui";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { isUniqueViolation } from "~/store/errors.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { fieldId } from "~/ui/Field";
import { TableWrap } from "~/ui/TableWrap";

const PATH = "/sachbearbeitung/konten";
const MELDUNGEN = ["angelegt", "gesperrt", "entsperrt"] as const;
type Meldung = (typeof MELDUNGEN)[number];

const NAME_MAX = 200;
const EMAIL_MAX = 254;
/** argon2id takes any length, but nobody needs more, and a megabyte-long password costs time. */
const PASSWORD_MAX = 256;

type FieldName = "name" | "email" | "rolle" | "passwort";
type ErrorCode = "nameLeer" | "nameZuLang" | "emailLeer" | "emailFormat" | "emailZuLang" | "emailVergeben" | "rolle" | "passwortZuKurz" | "passwortZuLang";

/** The create form's schema; messages are error codes (texts under sachbearbeitung:konten.fehler). */
function accountSchema() {
  return z.object({
    name: z.string().check(z.minLength(1, "nameLeer"), z.maxLength(NAME_MAX, "nameZuLang")),
    email: z.string().check(
      z.minLength(1, "emailLeer"),
      z.maxLength(EMAIL_MAX, "emailZuLang"),
      z.refine((e) => e.length === 0 || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e), "emailFormat"),
    ),
    rolle: z.enum(ROLES, "rolle"),
    passwort: z.string().check(z.minLength(MIN_PASSWORD_LENGTH, "passwortZuKurz"), z.maxLength(PASSWORD_MAX, "passwortZuLang")),
  });
}

interface CreateValues {
  name: string;
  email: string;
  rolle: string;
}

export type KontenActionResult =
  | { problem: "selbst"; errors?: undefined; values?: undefined }
  | { problem?: undefined; errors: { name: FieldName; code: ErrorCode }[]; values: CreateValues };

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request, { roles: ["administration"] });
  const jobcenterId = auth.caseworker.jobcenterId;
  const [accounts, locks] = await Promise.all([listCaseworkers(auth.database, jobcenterId), lockedUntilByAccount(auth.database, jobcenterId)]);
  const meldung = MELDUNGEN.find((m) => m === new URL(request.url).searchParams.get("meldung"));
  return {
    user: areaUser(auth),
    jobcenterName: getJobcenter(jobcenterId)?.name ?? jobcenterId,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    meldung,
    accounts: accounts.map((a) => {
      const until = locks.get(a.id);
      return {
        id: a.id, name: a.name, email: a.email, role: a.role, hasTotp: a.hasTotp, disabled: a.disabled, self: a.id === auth.caseworker.id,
        status: a.disabled ? ("gesperrt" as const) : until ? ("voruebergehend" as const) : ("aktiv" as const),
        lockedUntil: until ? berlinDateTime(until) : undefined,
      };
    }),
    roles: [...ROLES],
    titleKeys: ["sachbearbeitung:konten.titel"],
  };
}

const done = (meldung: Meldung) => redirect(`${PATH}?meldung=${meldung}`);
const notFound = () => new Response("Not found", { status: 404 });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireCaseworker(request, { roles: ["administration"] });
  const actor = auth.caseworker;
  const intent = String(form.get("intent") ?? "");

  if (intent === "sperren" || intent === "entsperren") {
    const disable = intent === "sperren";
    try {
      const target = await setDisabled(auth.database, actor, String(form.get("konto") ?? ""), disable);
      await recordAudit(auth.database, {
        caseworkerId: actor.id, jobcenterId: actor.jobcenterId, action: disable ? "konto_gesperrt" : "konto_entsperrt",
        detail: { konto: target.id, rolle: target.role },
      });
      return done(disable ? "gesperrt" : "entsperrt");
    } catch (error) {
      if (error instanceof AccountAccessError) throw notFound();
      if (error instanceof OwnAccountError) return data<KontenActionResult>({ problem: "selbst" }, { status: 403 });
      throw error;
    }
  }

  if (intent !== "anlegen") throw new Response("Bad Request", { status: 400 });
  const values: CreateValues = {
    name: String(form.get("name") ?? "").trim(),
    email: String(form.get("email") ?? "").trim(),
    rolle: String(form.get("rolle") ?? ""),
  };
  const password = String(form.get("passwort") ?? "");
  const invalid = (errors: { name: FieldName; code: ErrorCode }[]) => data<KontenActionResult>({ errors, values }, { status: 400 });
  const parsed = accountSchema().safeParse({ ...values, passwort: password });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ name: String(i.path[0]) as FieldName, code: i.message as ErrorCode }));
    return invalid([...new Map(errors.map((e) => [e.name, e])).values()]);
  }
  if (await findCaseworkerByEmail(auth.database, parsed.data.email)) return invalid([{ name: "email", code: "emailVergeben" }]);
  let created;
  try {
    // Always the administrator's own jobcenter: the form has no say in it.
    created = await createCaseworker(auth.database, {
      jobcenterId: actor.jobcenterId, name: parsed.data.name, email: normaliseEmail(parsed.data.email), role: parsed.data.rolle as Role, password: parsed.data.passwort,
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid([{ name: "email", code: "emailVergeben" }]);
    throw error;
  }
  await recordAudit(auth.database, {
    caseworkerId: actor.id, jobcenterId: actor.jobcenterId, action: "konto_angelegt", detail: { konto: created.id, rolle: created.role },
  });
  return done("angelegt");
}

export default function Konten() {
  const t = useT();
  const { user, jobcenterName, minPasswordLength, meldung, accounts, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const password = useRef<HTMLInputElement>(null);
  // With JavaScript the form stays mounted after an error: never keep the password in it.
  useEffect(() => {
    if (password.current) password.current.value = "";
  }, [result]);

  const errorText = (code: ErrorCode): string => {
    switch (code) {
      case "nameLeer": return t("sachbearbeitung:konten.fehler.nameLeer");
      case "nameZuLang": return t("sachbearbeitung:konten.fehler.nameZuLang", { max: NAME_MAX });
      case "emailLeer": return t("sachbearbeitung:konten.fehler.emailLeer");
      case "emailFormat": return t("sachbearbeitung:konten.fehler.emailFormat");
      case "emailZuLang": return t("sachbearbeitung:konten.fehler.emailZuLang", { max: EMAIL_MAX });
      case "emailVergeben": return t("sachbearbeitung:konten.fehler.emailVergeben");
      case "rolle": return t("sachbearbeitung:konten.fehler.rolle");
      case "passwortZuKurz": return t("sachbearbeitung:konten.fehler.passwortZuKurz", { min: minPasswordLength });
      case "passwortZuLang": return t("sachbearbeitung:konten.fehler.passwortZuLang", { max: PASSWORD_MAX });
    }
  };
  const meldungText = (m: Meldung): string => {
    switch (m) {
      case "angelegt": return t("sachbearbeitung:konten.meldungen.angelegt");
      case "gesperrt": return t("sachbearbeitung:konten.meldungen.gesperrt");
      case "entsperrt": return t("sachbearbeitung:konten.meldungen.entsperrt");
    }
  };
  const errors = (result?.errors ?? []).map((e) => ({ name: e.name, message: errorText(e.code) }));
  const errorOf = (name: FieldName) => errors.find((e) => e.name === name)?.message;
  const values = result?.values;

  /** Props that wire a control to its hint and error message. */
  const describe = (name: FieldName, hint = false) => {
    const ids = [hint ? `${fieldId(name)}-hint` : "", errorOf(name) ? `${fieldId(name)}-error` : ""].filter(Boolean).join(" ");
    return { id: fieldId(name), name, "aria-describedby": ids || undefined, "aria-invalid": errorOf(name) ? true : undefined };
  };
  const group = (name: FieldName) => `form-group${errorOf(name) ? " form-group--error" : ""}`;
  const error = (name: FieldName) => {
    const message = errorOf(name);
    return message ? <p className="error-message" id={`${fieldId(name)}-error`}><span className="visually-hidden">{t("errorPrefix")} </span>{message}</p> : null;
  };

  return (
    <>
      <AreaBar user={user} />
      <ErrorSummary errors={errors} />
      <h1>{t("sachbearbeitung:konten.titel")}</h1>
      {result?.problem === "selbst" ? <div className="notice notice--warning" role="alert"><p>{t("sachbearbeitung:konten.selbst")}</p></div> : null}
      {meldung && !result ? <div className="notice" role="status"><p>{meldungText(meldung)}</p></div> : null}
      <p>{t("sachbearbeitung:konten.hinweis")}</p>

      <TableWrap label={t("sachbearbeitung:konten.tabelle", { jobcenter: jobcenterName })}>
        <table className="table">
          <caption>{t("sachbearbeitung:konten.tabelle", { jobcenter: jobcenterName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sachbearbeitung:konten.name")}</th>
              <th scope="col">{t("sachbearbeitung:konten.email")}</th>
              <th scope="col">{t("sachbearbeitung:konten.rolle")}</th>
              <th scope="col">{t("sachbearbeitung:konten.zweiterFaktor")}</th>
              <th scope="col">{t("sachbearbeitung:konten.status")}</th>
              <th scope="col">{t("sachbearbeitung:konten.aktion")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} data-konto={a.id}>
                <th scope="row">{a.name}</th>
                <td dir="ltr">{a.email}</td>
                <td>{t(`sachbearbeitung:rollen.${a.role}`)}</td>
                <td>{a.hasTotp ? t("sachbearbeitung:konten.faktorEingerichtet") : t("sachbearbeitung:konten.faktorFehlt")}</td>
                <td data-status={a.status}>
                  {a.status === "gesperrt" ? t("sachbearbeitung:konten.gesperrt")
                    : a.status === "voruebergehend" ? t("sachbearbeitung:konten.voruebergehendGesperrt", { bis: a.lockedUntil ?? "" })
                    : t("sachbearbeitung:konten.aktiv")}
                </td>
                <td>
                  {a.self ? t("sachbearbeitung:konten.eigenesKonto") : (
                    <Form method="post" className="inline-form">
                      <CsrfField />
                      <input type="hidden" name="konto" value={a.id} />
                      <button type="submit" name="intent" value={a.disabled ? "entsperren" : "sperren"} className="button button--secondary">
                        {a.disabled ? t("sachbearbeitung:konten.entsperren") : t("sachbearbeitung:konten.sperren")}
                        <span className="visually-hidden"> ({a.name})</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2 id="anlegen-titel">{t("sachbearbeitung:konten.anlegenTitel")}</h2>
      <p>{t("sachbearbeitung:konten.anlegenHinweis", { jobcenter: jobcenterName })}</p>
      <Form method="post" noValidate key={location.key} aria-labelledby="anlegen-titel">
        <CsrfField />
        <input type="hidden" name="intent" value="anlegen" />
        <div className={group("name")}>
          <label className="label" htmlFor={fieldId("name")}>{t("sachbearbeitung:konten.name")}</label>
          {error("name")}
          <input className="input" type="text" autoComplete="off" maxLength={NAME_MAX} defaultValue={values?.name ?? ""} {...describe("name")} />
        </div>
        <div className={group("email")}>
          <label className="label" htmlFor={fieldId("email")}>{t("sachbearbeitung:konten.email")}</label>
          {error("email")}
          <input className="input" type="email" autoComplete="off" spellCheck={false} dir="ltr" maxLength={EMAIL_MAX} defaultValue={values?.email ?? ""} {...describe("email")} />
        </div>
        <div className={group("rolle")}>
          <label className="label" htmlFor={fieldId("rolle")}>{t("sachbearbeitung:konten.rolle")}</label>
          {error("rolle")}
          <select className="input" defaultValue={values && roles.includes(values.rolle as Role) ? values.rolle : "sachbearbeitung"} {...describe("rolle")}>
            {roles.map((r) => <option key={r} value={r}>{t(`sachbearbeitung:rollen.${r}`)}</option>)}
          </select>
        </div>
        <div className={group("passwort")}>
          <label className="label" htmlFor={fieldId("passwort")}>{t("sachbearbeitung:konten.passwort")}</label>
          <p className="hint" id={`${fieldId("passwort")}-hint`}>{t("sachbearbeitung:konten.passwortHinweis", { min: minPasswordLength })}</p>
          {error("passwort")}
          <input className="input" type="password" autoComplete="new-password" dir="ltr" ref={password} {...describe("passwort", true)} />
        </div>
        <button type="submit" className="button button--primary">{t("sachbearbeitung:konten.anlegen")}</button>
      </Form>
    </>
  );
}
