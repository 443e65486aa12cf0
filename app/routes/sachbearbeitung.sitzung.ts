/** "Angemeldet bleiben" from the idle warning: any authenticated POST counts as activity. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { readVerifiedForm } from "~/security/csrf.server";

export async function action({ request }: ActionFunctionArgs) {
  await readVerifiedForm(request);
  await requireCaseworker(request);
  const back = new URL(request.headers.get("Referer") ?? "/sachbearbeitung", request.url);
  const target = back.origin === new URL(request.url).origin && back.pathname.startsWith("/sachbearbeitung") ? back.pathname + back.search : "/sachbearbeitung";
  return redirect(target);
}

export const loader = () => redirect("/sachbearbeitung");
