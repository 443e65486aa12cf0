/**
 * "Auf diesem Gerät beenden": a native POST form (works without JavaScript) in the footer of
 * the applicant's pages. It leads to the confirmation page (app/routes/beenden.tsx), which says
 * what happens before this browser forgets the applicant's drafts and receipts (ADR 0022).
 */
import { Form, useLocation } from "@remix-run/react";
import { isCaseworkerPath } from "~/caseworker/paths";
import { useI18n } from "~/i18n/context";
import { CsrfField } from "./CsrfField";

export const END_ON_DEVICE_PATH = "/beenden";

/** Pages that always belong to this browser's session: a flow's inner pages and a receipt's. */
const SESSION_PAGE = /^\/(?:antrag\/[^/]+\/[^/]|eingang\/[^/]+)/;

/** Whether a page offers the form: a page of a draft or receipt, or any applicant page while the cookie holds one. */
export function offersEndOnDevice(pathname: string, sessionHoldsAnything: boolean): boolean {
  if (pathname === END_ON_DEVICE_PATH || isCaseworkerPath(pathname)) return false;
  return sessionHoldsAnything || SESSION_PAGE.test(pathname);
}

export function EndOnDeviceForm() {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action={END_ON_DEVICE_PATH} className="site-footer__end">
      <CsrfField />
      <input type="hidden" name="zurueck" value={`${location.pathname}${location.search}`} />
      <button type="submit" className="button button--secondary">{t("endSession.button")}</button>
    </Form>
  );
}
