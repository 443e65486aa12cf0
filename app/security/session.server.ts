/**
 * The applicant's cookie session: which draft belongs to this browser (id + resume code) and
 * which receipts it may show. Signed, HttpOnly, SameSite=Lax; no answers ever go in here.
 */
import { createCookieSessionStorage, type Session } from "@remix-run/node";
import { env, secureCookies } from "~/config/env.server";
import type { DraftHandle } from "~/store/drafts.server";
import { secrets } from "./secrets.server";

type SessionData = { drafts: Record<string, DraftHandle>; receipts: string[] };
export type ApplicantSession = Session<SessionData>;

let storage: ReturnType<typeof createCookieSessionStorage<SessionData>> | undefined;

function sessionStorage() {
  storage ??= createCookieSessionStorage<SessionData>({
    cookie: {
      name: "antrag",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
      secrets: [secrets().sessionSecret],
      maxAge: env().DRAFT_TTL_DAYS * 86_400,
    },
  });
  return storage;
}

export async function getSession(request: Request): Promise<Session<SessionData>> {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export async function commitSession(session: Session<SessionData>): Promise<string> {
  return sessionStorage().commitSession(session);
}

export function draftHandle(session: Session<SessionData>, flowId: string): DraftHandle | undefined {
  return session.get("drafts")?.[flowId];
}

export function setDraftHandle(session: Session<SessionData>, flowId: string, handle: DraftHandle | undefined) {
  const drafts = { ...(session.get("drafts") ?? {}) };
  if (handle) drafts[flowId] = handle;
  else delete drafts[flowId];
  session.set("drafts", drafts);
}

export function addReceipt(session: Session<SessionData>, submissionId: string) {
  const receipts = (session.get("receipts") ?? []).filter((r) => r !== submissionId);
  session.set("receipts", [submissionId, ...receipts].slice(0, 10));
}

export function mayViewReceipt(session: Session<SessionData>, submissionId: string): boolean {
  return (session.get("receipts") ?? []).includes(submissionId);
}
