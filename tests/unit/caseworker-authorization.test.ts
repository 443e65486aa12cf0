/**
 * Authorisation matrix of the portal: every caseworker page, resource route (PDF, XML, ZIP,
 * attachments) and action, and every applicant page of a submitted application, called through
 * its real loader or action with a real Request, for seven parties: anonymous, applicant A,
 * applicant B, a caseworker of jobcenter 1, a caseworker of jobcenter 2, a Teamleitung of
 * jobcenter 1 and an administrator of jobcenter 1. Every cell is asserted:
 *   login — redirect to the caseworker sign-in (no or an applicant-only session)
 *   200   — shown / delivered
 *   done  — the POST was carried out (redirect back to the submission with a confirmation)
 *   403   — signed in, but the role may not
 *   404   — another jobcenter's or another applicant's submission: exactly like an unknown id
 */
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "~/caseworker/audit.server";
import { submissionPath } from "~/caseworker/paths";
import { csrfTokenFor } from "~/security/csrf.server";
import { addReceipt, commitSession, getSession } from "~/security/session.server";
import { db, type DB } from "~/store/db.server";
import type { StoredSubmission } from "~/store/submissions.server";
import { sealUpload } from "~/uploads/store.server";
import * as inbox from "~/routes/sachbearbeitung._index";
import * as view from "~/routes/sachbearbeitung.antrag.$id";
import * as pdf from "~/routes/sachbearbeitung.antrag.$id.antrag[.]pdf";
import * as xml from "~/routes/sachbearbeitung.antrag.$id.antrag[.]xml";
import * as zipExport from "~/routes/sachbearbeitung.antrag.$id.export[.]zip";
import * as anlage from "~/routes/sachbearbeitung.antrag.$id.anlage.$upload";
import * as poll from "~/routes/sachbearbeitung.eingang[.]json";
import * as protokoll from "~/routes/sachbearbeitung.protokoll";
import * as csv from "~/routes/sachbearbeitung.protokoll[.]csv";
import * as konto from "~/routes/sachbearbeitung.konto";
import * as konten from "~/routes/sachbearbeitung.konten";
import * as uebersicht from "~/routes/sachbearbeitung.uebersicht";
import * as receipt from "~/routes/eingang.$id";
import * as receiptPdf from "~/routes/eingang.$id.eingangsbestaetigung[.]pdf";
import * as applicantPdf from "~/routes/eingang.$id.antrag[.]pdf";
import * as statusPage from "~/routes/eingang.$id_.stand";
import * as nachreichung from "~/routes/eingang.$id_.nachweise";
import { seedCaseworker, seedSubmission } from "../fixtures/seed";

const WHO = ["anonym", "antragA", "antragB", "sb1", "sb2", "tl1", "admin1"] as const;
type Who = (typeof WHO)[number];
type Cell = 200 | 403 | 404 | "login" | "done";
const CSRF = "matrix-csrf-cookie";

const cookies = {} as Record<Who, string>;
let database: DB;
let sub1: StoredSubmission; // jobcenter 1, sent by applicant A
let sub2: StoredSubmission; // jobcenter 2, sent by applicant B
let work1: StoredSubmission; // jobcenter 1, for the workflow POSTs
let upload1: string;

async function applicantCookie(submissionId: string): Promise<string> {
  const session = await getSession(new Request("http://localhost/"));
  addReceipt(session, submissionId);
  return (await commitSession(session)).split(";")[0];
}

beforeAll(async () => {
  database = await db();
  cookies.anonym = "";
  cookies.sb1 = (await seedCaseworker(database, "demo-musterstadt", "Matrix SB1", "sachbearbeitung")).cookie;
  cookies.sb2 = (await seedCaseworker(database, "demo-beispielkreis", "Matrix SB2", "sachbearbeitung")).cookie;
  cookies.tl1 = (await seedCaseworker(database, "demo-musterstadt", "Matrix TL1", "teamleitung")).cookie;
  cookies.admin1 = (await seedCaseworker(database, "demo-musterstadt", "Matrix Admin1", "administration")).cookie;
  sub1 = await seedSubmission(database, "demo-musterstadt", "AUTHZ2M1", "erstantrag");
  sub2 = await seedSubmission(database, "demo-beispielkreis", "AUTHZ2B1");
  work1 = await seedSubmission(database, "demo-musterstadt", "AUTHZ2W1", "erstantrag");
  cookies.antragA = await applicantCookie(sub1.id);
  cookies.antragB = await applicantCookie(sub2.id);
  const row = sealUpload({ kind: "submission", submissionId: sub1.id }, { nachweis: "sonstiges", originalName: "Mietvertrag.pdf", pdf: Buffer.from("%PDF-1.4\n%%EOF\n") }, new Date());
  await database.insertInto("uploads").values({ ...row, draft_id: null, submission_id: sub1.id, nachreichung_id: null }).execute();
  upload1 = row.id;
});

const context = { nonce: "n", csrfToken: "t", clientIp: "127.0.0.1" };

function headers(who: Who): Headers {
  const h = new Headers();
  const jar = [cookies[who], `csrf=${CSRF}`].filter(Boolean).join("; ");
  h.set("Cookie", jar);
  return h;
}

/** Classifies what a loader or action gave back. */
async function outcome(run: () => Promise<unknown>): Promise<{ cell: Cell | number; location?: string }> {
  const classify = (status: number, location?: string): { cell: Cell | number; location?: string } => {
    if (status === 302 && location?.startsWith("/sachbearbeitung/anmelden")) return { cell: "login", location };
    if (status === 302 && location?.includes("meldung=")) return { cell: "done", location };
    return { cell: status, location };
  };
  try {
    const result = await run();
    if (result instanceof Response) return classify(result.status, result.headers.get("Location") ?? undefined);
    const init = (result as { init?: { status?: number } } | undefined)?.init;
    return classify(init?.status ?? 200);
  } catch (thrown) {
    if (thrown instanceof Response) return classify(thrown.status, thrown.headers.get("Location") ?? undefined);
    throw thrown;
  }
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

interface Row {
  name: string;
  call: (who: Who) => Promise<{ cell: Cell | number }>;
  expect: Record<Who, Cell>;
}

const get = (loader: Loader, path: () => string, params: () => Record<string, string> = () => ({})) => (who: Who) =>
  outcome(async () => loader({ request: new Request(`http://localhost${path()}`, { headers: headers(who) }), params: params(), context }));

/** A workflow POST that is allowed in every open status: the form carries the status the page showed. */
const post = (action: Action, id: () => string, fields: () => Promise<Record<string, string>>) => (who: Who) =>
  outcome(async () => {
    const form = new URLSearchParams({ csrf: csrfTokenFor(CSRF), ...(await fields()) });
    const h = headers(who);
    h.set("Content-Type", "application/x-www-form-urlencoded");
    return action({ request: new Request(`http://localhost${submissionPath(id())}`, { method: "POST", headers: h, body: form }), params: { id: id() }, context });
  });

const currentStatus = async (id: string) => (await database.selectFrom("submissions").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const requestCount = async (id: string) => String((await database.selectFrom("nachforderungen").select("id").where("submission_id", "=", id).execute()).length);
const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

// Rows: caseworker pages, resources and actions; then the applicant's pages of a submission.
const area = (ok: Partial<Record<Who, Cell>>): Record<Who, Cell> => ({ anonym: "login", antragA: "login", antragB: "login", sb1: 404, sb2: 404, tl1: 404, admin1: 404, ...ok });
const everyone = { sb1: 200, sb2: 200, tl1: 200, admin1: 200 } as const;
const jc1 = { sb1: 200, tl1: 200, admin1: 200 } as const;
const jc2 = { sb2: 200 } as const;
const applicant = (ok: Partial<Record<Who, Cell>>): Record<Who, Cell> => ({ anonym: 404, antragA: 404, antragB: 404, sb1: 404, sb2: 404, tl1: 404, admin1: 404, ...ok });

const ROWS: Row[] = [
  { name: "inbox", call: get(inbox.loader, () => "/sachbearbeitung"), expect: area(everyone) },
  { name: "inbox poll", call: get(poll.loader, () => `/sachbearbeitung/eingang.json?seit=${encodeURIComponent(new Date(0).toISOString())}`), expect: area(everyone) },
  { name: "own account", call: get(konto.loader, () => "/sachbearbeitung/konto"), expect: area(everyone) },
  { name: "dashboard", call: get(uebersicht.loader, () => "/sachbearbeitung/uebersicht"), expect: area({ sb1: 403, sb2: 403, tl1: 200, admin1: 200 }) },
  { name: "accounts", call: get(konten.loader, () => "/sachbearbeitung/konten"), expect: area({ sb1: 403, sb2: 403, tl1: 403, admin1: 200 }) },
  { name: "audit log", call: get(protokoll.loader, () => "/sachbearbeitung/protokoll"), expect: area({ sb1: 403, sb2: 403, tl1: 403, admin1: 200 }) },
  { name: "audit CSV", call: get(csv.loader, () => "/sachbearbeitung/protokoll.csv"), expect: area({ sb1: 403, sb2: 403, tl1: 403, admin1: 200 }) },
  { name: "submission view (jc1)", call: get(view.loader, () => submissionPath(sub1.id), () => ({ id: sub1.id })), expect: area(jc1) },
  { name: "PDF (jc1)", call: get(pdf.loader, () => `${submissionPath(sub1.id)}/antrag.pdf`, () => ({ id: sub1.id })), expect: area(jc1) },
  { name: "PDF inline (jc1)", call: get(pdf.loader, () => `${submissionPath(sub1.id)}/antrag.pdf?ansicht=1`, () => ({ id: sub1.id })), expect: area(jc1) },
  { name: "XML (jc1)", call: get(xml.loader, () => `${submissionPath(sub1.id)}/antrag.xml`, () => ({ id: sub1.id })), expect: area(jc1) },
  { name: "ZIP export (jc1)", call: get(zipExport.loader, () => `${submissionPath(sub1.id)}/export.zip`, () => ({ id: sub1.id })), expect: area(jc1) },
  { name: "attachment (jc1)", call: get(anlage.loader, () => `${submissionPath(sub1.id)}/anlage/${upload1}`, () => ({ id: sub1.id, upload: upload1 })), expect: area(jc1) },
  { name: "attachment under another submission", call: get(anlage.loader, () => `${submissionPath(sub2.id)}/anlage/${upload1}`, () => ({ id: sub2.id, upload: upload1 })), expect: area({}) },
  { name: "submission view (jc2)", call: get(view.loader, () => submissionPath(sub2.id), () => ({ id: sub2.id })), expect: area(jc2) },
  { name: "PDF (jc2)", call: get(pdf.loader, () => `${submissionPath(sub2.id)}/antrag.pdf`, () => ({ id: sub2.id })), expect: area(jc2) },
  { name: "XML (jc2)", call: get(xml.loader, () => `${submissionPath(sub2.id)}/antrag.xml`, () => ({ id: sub2.id })), expect: area(jc2) },
  { name: "ZIP export (jc2)", call: get(zipExport.loader, () => `${submissionPath(sub2.id)}/export.zip`, () => ({ id: sub2.id })), expect: area(jc2) },
  { name: "unknown submission", call: get(view.loader, () => submissionPath(randomUUID()), () => ({ id: randomUUID() })), expect: area({}) },
  {
    name: "POST take over (jc1)", call: post(view.action as Action, () => work1.id, async () => ({ intent: "uebernehmen", status: await currentStatus(work1.id) })),
    expect: area({ sb1: "done", tl1: "done", admin1: 403 }),
  },
  {
    name: "POST Nachforderung (jc1)", call: post(view.action as Action, () => work1.id, async () => ({ intent: "nachfordern", nachweise: "sonstiges", notiz: "", frist: inTwoWeeks(), anzahl: await requestCount(work1.id) })),
    expect: area({ sb1: "done", tl1: "done", admin1: 403 }),
  },
  {
    name: "POST take over (jc2)", call: post(view.action as Action, () => sub2.id, async () => ({ intent: "uebernehmen", status: await currentStatus(sub2.id) })),
    expect: area({ sb2: "done" }),
  },
  { name: "receipt (A)", call: get(receipt.loader, () => `/eingang/${sub1.id}`, () => ({ id: sub1.id })), expect: applicant({ antragA: 200 }) },
  { name: "status page (A)", call: get(statusPage.loader, () => `/eingang/${sub1.id}/stand`, () => ({ id: sub1.id })), expect: applicant({ antragA: 200 }) },
  { name: "Nachreichung page (A)", call: get(nachreichung.loader, () => `/eingang/${sub1.id}/nachweise`, () => ({ id: sub1.id })), expect: applicant({ antragA: 200 }) },
  { name: "receipt PDF (A)", call: get(receiptPdf.loader, () => `/eingang/${sub1.id}/eingangsbestaetigung.pdf`, () => ({ id: sub1.id })), expect: applicant({ antragA: 200 }) },
  { name: "submitted PDF (A)", call: get(applicantPdf.loader, () => `/eingang/${sub1.id}/antrag.pdf`, () => ({ id: sub1.id })), expect: applicant({ antragA: 200 }) },
  { name: "receipt (B)", call: get(receipt.loader, () => `/eingang/${sub2.id}`, () => ({ id: sub2.id })), expect: applicant({ antragB: 200 }) },
  { name: "status page (B)", call: get(statusPage.loader, () => `/eingang/${sub2.id}/stand`, () => ({ id: sub2.id })), expect: applicant({ antragB: 200 }) },
  { name: "submitted PDF (B)", call: get(applicantPdf.loader, () => `/eingang/${sub2.id}/antrag.pdf`, () => ({ id: sub2.id })), expect: applicant({ antragB: 200 }) },
];

describe("authorisation matrix", () => {
  const cells = ROWS.flatMap((row) => WHO.map((who) => [row.name, who, row.expect[who], row] as const));
  it.each(cells)("%s as %s → %s", async (_name, who, want, row) => {
    expect((await row.call(who)).cell).toBe(want);
  });

  it("audits views, downloads and actions with who and which submission, without answer data", async () => {
    const entries = await listAudit(database, "demo-musterstadt", { submissionId: sub1.id, limit: 1000 });
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ["antrag_angesehen", "pdf_heruntergeladen", "pdf_angezeigt", "xml_heruntergeladen", "anlage_heruntergeladen", "export_heruntergeladen"]) expect(actions).toContain(a);
    expect(entries.every((e) => e.caseworkerId)).toBe(true);
    const work = new Set((await listAudit(database, "demo-musterstadt", { submissionId: work1.id, limit: 1000 })).map((e) => e.action));
    for (const a of ["zugewiesen", "status_geaendert", "nachforderung_gestellt"]) expect(work).toContain(a);
    const rows = await database.selectFrom("audit_log").select("detail").execute();
    expect(JSON.stringify(rows)).not.toMatch(/Mietvertrag|Olena|Kovalenko|DE\d{20}/);
    // Jobcenter 2's caseworker never reached jobcenter 1's submissions: nothing recorded for them there.
    expect(entries.some((e) => e.caseworkerName === "Matrix SB2")).toBe(false);
    // Jobcenter 1's people reached nothing of jobcenter 2.
    const jc2 = await listAudit(database, "demo-beispielkreis", { submissionId: sub2.id, limit: 1000 });
    expect(jc2.every((e) => e.caseworkerName === "Matrix SB2")).toBe(true);
  });
});
