/** How many submissions of the caseworker's jobcenter arrived since `seit` (the inbox poll). Not activity. */
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { countNewSince } from "~/caseworker/inbox.server";
import { requireCaseworker } from "~/caseworker/sessions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request, { touch: false });
  const since = new URL(request.url).searchParams.get("seit") ?? "";
  const valid = !Number.isNaN(Date.parse(since));
  const neu = valid ? await countNewSince(auth.database, auth.caseworker.jobcenterId, new Date(since).toISOString()) : 0;
  return data({ neu }, { headers: { "Cache-Control": "no-store" } });
}
