/** Sign-out (POST only): the session row is deleted, the cookie cleared. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/caseworker/audit.server";
import { clearSessionCookie, destroySession, lookupSession } from "~/caseworker/sessions.server";
import { readVerifiedForm } from "~/security/csrf.server";
import { db } from "~/store/db.server";

export async function action({ request }: ActionFunctionArgs) {
  await readVerifiedForm(request);
  const database = await db();
  const found = await lookupSession(database, request, { touch: false });
  if (found.state) {
    await recordAudit(database, { caseworkerId: found.state.caseworker.id, jobcenterId: found.state.caseworker.jobcenterId, action: "abmeldung" });
  }
  await destroySession(database, request);
  return redirect("/sachbearbeitung/anmelden?grund=abgemeldet", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export const loader = () => redirect("/sachbearbeitung");
