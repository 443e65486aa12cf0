/**
 * A form from a flow page for someone else to fill in (QuestionStep.form): the school's
 * confirmation for Lernförderung, filled with the child from this browser's draft.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDraft } from "~/flows/context.server";
import { prune, viewOf } from "~/flows/engine/journey";
import { pdfResponse } from "~/submission/receipt-access.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.flow);
  const make = params.form && Object.hasOwn(ctx.flow.forms ?? {}, params.form) ? ctx.flow.forms![params.form] : undefined;
  if (!make) throw new Response("Not found", { status: 404 });
  const view = viewOf(ctx.flow, prune(ctx.flow, ctx.draft.answers));
  const raw = new URL(request.url).searchParams.get("person");
  const member = raw !== null && /^\d{1,2}$/.test(raw) ? view.members()[Number(raw)] : undefined;
  return pdfResponse(await make(view, member), `${params.form}.pdf`);
}
