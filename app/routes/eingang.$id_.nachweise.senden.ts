/** JSON endpoint of the Nachreichung forms, for the script that shows upload progress. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleNachreichung, jsonOutcome } from "~/uploads/actions.server";

export async function action({ request, params }: ActionFunctionArgs) {
  return jsonOutcome(await handleNachreichung(request, params.id));
}
