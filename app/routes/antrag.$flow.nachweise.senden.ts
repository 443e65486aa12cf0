/** JSON endpoint of the draft's upload forms, for the script that shows upload progress. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleDraftUpload, jsonOutcome } from "~/uploads/actions.server";

export async function action({ request, params }: ActionFunctionArgs) {
  return jsonOutcome(await handleDraftUpload(request, params.flow));
}
