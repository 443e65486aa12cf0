/**
 * "Auf diesem Gerät beenden" for shared devices (counselling centres, libraries): the page says
 * what happens — drafts stay retrievable with their resume code until they expire, sent
 * applications stay open with reference and Zugangscode on /stand — and shows both, then this
 * browser forgets its drafts and receipts (the applicant cookie is removed). Nothing is deleted
 * on the server. The footer form of every applicant page posts here (ADR 0022).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getFlow } from "~/flows/registry.server";
import { STATUS_LOOKUP_URL } from "~/flows/urls";
import { useI18n } from "~/i18n/context";
import { formatResumeCode } from "~/security/crypto.server";
import { readVerifiedForm } from "~/security/csrf.server";
import { destroySession, draftHandles, getSession, holdsAnything, receiptIds } from "~/security/session.server";
import { db } from "~/store/db.server";
import { loadDraft } from "~/store/drafts.server";
import { getSubmission } from "~/store/submissions.server";
import { accessCode, formatAccessCode } from "~/submission/status-access.server";
import { CsrfField } from "~/ui/CsrfField";
import { END_ON_DEVICE_PATH } from "~/ui/EndOnDevice";
import { formatDate } from "~/ui/format";

/** Where "Zurück" leads: a page of this site the form was sent from, never another site or this page. */
function backPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 300 || !/^\/(?![/\\])[^\s\\]*$/.test(value)) return null;
  const path = value.split("?")[0];
  return path === END_ON_DEVICE_PATH || path.startsWith("/sachbearbeitung") ? null : value;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const back = backPath(url.searchParams.get("zurueck"));
  const session = await getSession(request);
  if (!holdsAnything(session)) {
    const ended = url.searchParams.has("beendet");
    return { titleKeys: [ended ? "endSession.doneTitle" : "endSession.title"], state: ended ? ("ended" as const) : ("nothing" as const), back, drafts: [], receipts: [] };
  }
  const database = await db();
  const drafts = [];
  for (const [flowId, handle] of draftHandles(session)) {
    const draft = getFlow(flowId) ? await loadDraft(database, handle) : undefined;
    if (draft && draft.flow === flowId) drafts.push({ flowId, code: formatResumeCode(handle.code), expiresAt: draft.expiresAt.slice(0, 10) });
  }
  const receipts = [];
  for (const id of receiptIds(session)) {
    const submission = await getSubmission(database, id);
    if (submission && getFlow(submission.flow)) receipts.push({ flowId: submission.flow, reference: submission.reference, accessCode: formatAccessCode(accessCode(id)) });
  }
  return { titleKeys: ["endSession.title"], state: "confirm" as const, back, drafts, receipts };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  if (form.get("bestaetigt") !== "ja") {
    // From the footer of a page: the confirmation first, with the way back to that page.
    const back = backPath(form.get("zurueck"));
    return redirect(back ? `${END_ON_DEVICE_PATH}?zurueck=${encodeURIComponent(back)}` : END_ON_DEVICE_PATH, 303);
  }
  return redirect(`${END_ON_DEVICE_PATH}?beendet=1`, { status: 303, headers: { "Set-Cookie": destroySession(), "Cache-Control": "no-store" } });
}

export default function EndOnDevice() {
  const d = useLoaderData<typeof loader>();
  const { t, lng } = useI18n();
  if (d.state === "ended") {
    return (
      <>
        <div className="panel panel--success">
          <h1 className="panel__title">{t("endSession.doneTitle")}</h1>
          <p className="panel__body">{t("endSession.doneBody")}</p>
        </div>
        <ul className="list">
          <li><Link to="/fortsetzen">{t("home.resume")}</Link></li>
          <li><Link to={STATUS_LOOKUP_URL}>{t("home.status")}</Link></li>
        </ul>
        <div className="notice"><p>{t("endSession.doneClose")}</p></div>
      </>
    );
  }
  if (d.state === "nothing") {
    return (
      <>
        <h1>{t("endSession.title")}</h1>
        <p className="lead">{t("endSession.nothing")}</p>
        <p><Link to={d.back ?? "/"}>{d.back ? t("back") : t("errorPage.home")}</Link></p>
      </>
    );
  }
  return (
    <>
      <h1>{t("endSession.title")}</h1>
      <p className="lead">{t("endSession.lead")}</p>
      <h2>{t("endSession.whatTitle")}</h2>
      <p>{t("endSession.whatBody")}</p>
      {d.drafts.length > 0 ? (
        <section aria-labelledby="beenden-entwuerfe">
          <h2 id="beenden-entwuerfe">{t("endSession.draftsTitle")}</h2>
          <p>{t("endSession.draftsBody")}</p>
          {d.drafts.map((draft) => (
            <div key={draft.flowId}>
              <h3>{t(`services.${draft.flowId}.title`)}</h3>
              <p>{t("endSession.draftExpires", { date: formatDate(draft.expiresAt, lng) })} {t("later.codeTitle")}:</p>
              <p className="code-display" dir="ltr" translate="no">{draft.code}</p>
            </div>
          ))}
        </section>
      ) : null}
      {d.receipts.length > 0 ? (
        <section aria-labelledby="beenden-eingaenge">
          <h2 id="beenden-eingaenge">{t("endSession.receiptsTitle")}</h2>
          <p>{t("endSession.receiptsBody")}</p>
          <ul className="list">
            {d.receipts.map((r) => (
              <li key={r.reference}>
                {t(`services.${r.flowId}.title`)}:{" "}
                {t("statusLookup.referenceLabel")} <strong dir="ltr" translate="no">{r.reference}</strong>,{" "}
                {t("receiptAccess.codeLabel")} <strong dir="ltr" translate="no">{r.accessCode}</strong>
              </li>
            ))}
          </ul>
          <p><Link to={STATUS_LOOKUP_URL}>{t("endSession.statusLink")}</Link></p>
        </section>
      ) : null}
      <p>{t("endSession.closeBefore")}</p>
      <Form method="post" className="button-group">
        <CsrfField />
        <input type="hidden" name="bestaetigt" value="ja" />
        <button type="submit" className="button button--primary">{t("endSession.confirm")}</button>
        <Link className="button button--secondary" to={d.back ?? "/"}>{t("endSession.cancel")}</Link>
      </Form>
    </>
  );
}
