/** Resume by code: rate-limited look-up, then the draft handle goes into this browser's session. */
import { redirect } from "@remix-run/node";
import { firstIncomplete } from "./engine/journey";
import { getFlow } from "./registry.server";
import { stepUrl } from "./urls";
import { isWellFormedCode, normaliseCode, RESUME_CODE_LENGTH } from "~/security/crypto.server";
import { resumeLimiter } from "~/security/rate-limit.server";
import { commitSession, getSession, setDraftHandle } from "~/security/session.server";
import { db } from "~/store/db.server";
import { findDraftByCode, loadDraft } from "~/store/drafts.server";

export const RESUME_FAILURES = ["invalid", "notFound", "tooMany"] as const;
export type ResumeFailure = (typeof RESUME_FAILURES)[number];

export async function resume(request: Request, clientIp: string, input: string): Promise<Response | ResumeFailure> {
  const limit = await resumeLimiter().attempt(clientIp);
  if (!limit.allowed) return "tooMany";
  const code = normaliseCode(input);
  if (!isWellFormedCode(code, RESUME_CODE_LENGTH)) return "invalid";
  const database = await db();
  const found = await findDraftByCode(database, code);
  const flow = found ? getFlow(found.flow) : undefined;
  if (!found || !flow) return "notFound";
  const handle = { id: found.id, code };
  const draft = await loadDraft(database, handle);
  if (!draft) return "notFound";
  const session = await getSession(request);
  setDraftHandle(session, flow.id, handle);
  return redirect(stepUrl(flow.id, firstIncomplete(flow, draft.answers)), { headers: { "Set-Cookie": await commitSession(session) } });
}
