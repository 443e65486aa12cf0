/**
 * Authorisation matrix of the caseworker area: every page and resource route, called through
 * its real loader with a real Request, for anonymous, a caseworker of jobcenter 1, a caseworker
 * of jobcenter 2 and an administrator of jobcenter 1. Every cell is asserted: redirect to the
 * sign-in page (302), 200, 403 (role), or 404 (another jobcenter's submission, exactly like an
 * unknown id).
 */
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaseworker } from "~/caseworker/accounts.server";
import { listAudit } from "~/caseworker/audit.server";
import { createSession } from "~/caseworker/sessions.server";
import { db, type DB } from "~/store/db.server";
import { createDraft } from "~/store/drafts.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { commitSubmission, type StoredSubmission } from "~/store/submissions.server";
import { DOCUMENT_KINDS } from "~/submission/document";
import { produceDocuments } from "~/submission/pipeline.server";
import { sealUpload } from "~/uploads/store.server";
import * as inbox from "~/routes/sachbearbeitung._index";
import * as view from "~/routes/sachbearbeitung.antrag.$id";
import * as pdf from "~/routes/sachbearbeitung.antrag.$id.antrag[.]pdf";
import * as xml from "~/routes/sachbearbeitung.antrag.$id.antrag[.]xml";
import * as anlage from "~/routes/sachbearbeitung.antrag.$id.anlage.$upload";
import * as poll from "~/routes/sachbearbeitung.eingang[.]json";
import * as protokoll from "~/routes/sachbearbeitung.protokoll";
import * as csv from "~/routes/sachbearbeitung.protokoll[.]csv";
import * as konto from "~/routes/sachbearbeitung.konto";
import { personaDocuments } from "../fixtures/documents";

const FAST = { m: 64, t: 1, p: 1 };
type Who = "anonym" | "sb1" | "sb2" | "admin1";
const cookies: Record<Who, string | undefined> = { anonym: undefined, sb1: undefined, sb2: undefined, admin1: undefined };
let database: DB;
let sub1: StoredSubmission;
let sub2: StoredSubmission;
let upload1: string;

async function seedSubmission(jobcenterId: string, reference: string): Promise<StoredSubmission> {
  const jobcenter = getJobcenter(jobcenterId)!;
  const doc = personaDocuments()[0].document;
  const sealed = await produceDocuments(doc, jobcenter);
  const draft = await createDraft(database, { flow: "veraenderung", jobcenterId, language: "de", ttlDays: 30 });
  return (await commitSubmission(database, {
    id: randomUUID(), reference, draftId: draft.id, flow: "veraenderung", formVersion: doc.kopf.formularversion, rechtsstand: doc.kopf.rechtsstand,
    jobcenterId, language: "de", receivedAt: new Date(), model: doc.fachdaten, connectors: ["inbox"],
    documents: [
      { kind: DOCUMENT_KINDS.xml.kind, fileName: "antrag.xml", mediaType: "application/xml", bytes: sealed.xml },
      { kind: DOCUMENT_KINDS.pdf.kind, fileName: "antrag.pdf", mediaType: "application/pdf", bytes: Buffer.from(sealed.pdf) },
    ],
  })) as StoredSubmission;
}

beforeAll(async () => {
  database = await db();
  const make = async (who: Who, jobcenterId: string, role: "sachbearbeitung" | "administration") => {
    const cw = await createCaseworker(database, { jobcenterId, email: `${who}@authz.example`, name: who, role, password: "ein-langes-passwort" }, { hashParams: FAST });
    cookies[who] = (await createSession(database, cw.id, "active")).split(";")[0];
  };
  await make("sb1", "demo-musterstadt", "sachbearbeitung");
  await make("sb2", "demo-beispielkreis", "sachbearbeitung");
  await make("admin1", "demo-musterstadt", "administration");
  sub1 = await seedSubmission("demo-musterstadt", "AUTHZ2M1");
  sub2 = await seedSubmission("demo-beispielkreis", "AUTHZ2B1");
  const row = sealUpload({ kind: "submission", submissionId: sub1.id }, { nachweis: "sonstiges", originalName: "Mietvertrag.pdf", pdf: Buffer.from("%PDF-1.4\n%%EOF\n") }, new Date());
  await database.insertInto("uploads").values({ ...row, draft_id: null, submission_id: sub1.id, nachreichung_id: null }).execute();
  upload1 = row.id;
});

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

async function status(who: Who, loader: Loader, path: string, params: Record<string, string> = {}): Promise<{ status: number; location?: string }> {
  const headers = new Headers();
  if (cookies[who]) headers.set("Cookie", cookies[who]!);
  const request = new Request(`http://localhost${path}`, { headers });
  try {
    const result = await loader({ request, params, context: { nonce: "n", csrfToken: "t", clientIp: "127.0.0.1" } });
    return { status: result instanceof Response ? result.status : 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") ?? undefined };
    throw thrown;
  }
}

const LOGIN = "/sachbearbeitung/anmelden";
type Cell = 200 | 302 | 403 | 404;

describe("caseworker authorisation matrix", () => {
  const routes: { name: string; loader: Loader; path: () => string; params: () => Record<string, string>; expect: Record<Who, Cell> }[] = [
    { name: "inbox", loader: inbox.loader, path: () => "/sachbearbeitung", params: () => ({}), expect: { anonym: 302, sb1: 200, sb2: 200, admin1: 200 } },
    { name: "inbox poll", loader: poll.loader, path: () => `/sachbearbeitung/eingang.json?seit=${encodeURIComponent(new Date(0).toISOString())}`, params: () => ({}), expect: { anonym: 302, sb1: 200, sb2: 200, admin1: 200 } },
    { name: "account", loader: konto.loader, path: () => "/sachbearbeitung/konto", params: () => ({}), expect: { anonym: 302, sb1: 200, sb2: 200, admin1: 200 } },
    { name: "submission view (jc1)", loader: view.loader, path: () => `/sachbearbeitung/antrag/${sub1.id}`, params: () => ({ id: sub1.id }), expect: { anonym: 302, sb1: 200, sb2: 404, admin1: 200 } },
    { name: "PDF (jc1)", loader: pdf.loader, path: () => `/sachbearbeitung/antrag/${sub1.id}/antrag.pdf`, params: () => ({ id: sub1.id }), expect: { anonym: 302, sb1: 200, sb2: 404, admin1: 200 } },
    { name: "PDF inline (jc1)", loader: pdf.loader, path: () => `/sachbearbeitung/antrag/${sub1.id}/antrag.pdf?ansicht=1`, params: () => ({ id: sub1.id }), expect: { anonym: 302, sb1: 200, sb2: 404, admin1: 200 } },
    { name: "XML (jc1)", loader: xml.loader, path: () => `/sachbearbeitung/antrag/${sub1.id}/antrag.xml`, params: () => ({ id: sub1.id }), expect: { anonym: 302, sb1: 200, sb2: 404, admin1: 200 } },
    { name: "attachment (jc1)", loader: anlage.loader, path: () => `/sachbearbeitung/antrag/${sub1.id}/anlage/${upload1}`, params: () => ({ id: sub1.id, upload: upload1 }), expect: { anonym: 302, sb1: 200, sb2: 404, admin1: 200 } },
    { name: "attachment under another submission", loader: anlage.loader, path: () => `/sachbearbeitung/antrag/${sub2.id}/anlage/${upload1}`, params: () => ({ id: sub2.id, upload: upload1 }), expect: { anonym: 302, sb1: 404, sb2: 404, admin1: 404 } },
    { name: "submission view (jc2)", loader: view.loader, path: () => `/sachbearbeitung/antrag/${sub2.id}`, params: () => ({ id: sub2.id }), expect: { anonym: 302, sb1: 404, sb2: 200, admin1: 404 } },
    { name: "PDF (jc2)", loader: pdf.loader, path: () => `/sachbearbeitung/antrag/${sub2.id}/antrag.pdf`, params: () => ({ id: sub2.id }), expect: { anonym: 302, sb1: 404, sb2: 200, admin1: 404 } },
    { name: "XML (jc2)", loader: xml.loader, path: () => `/sachbearbeitung/antrag/${sub2.id}/antrag.xml`, params: () => ({ id: sub2.id }), expect: { anonym: 302, sb1: 404, sb2: 200, admin1: 404 } },
    { name: "unknown submission", loader: view.loader, path: () => `/sachbearbeitung/antrag/${randomUUID()}`, params: () => ({ id: randomUUID() }), expect: { anonym: 302, sb1: 404, sb2: 404, admin1: 404 } },
    { name: "audit log", loader: protokoll.loader, path: () => "/sachbearbeitung/protokoll", params: () => ({}), expect: { anonym: 302, sb1: 403, sb2: 403, admin1: 200 } },
    { name: "audit CSV", loader: csv.loader, path: () => "/sachbearbeitung/protokoll.csv", params: () => ({}), expect: { anonym: 302, sb1: 403, sb2: 403, admin1: 200 } },
  ];
  const cells = routes.flatMap((r) => (Object.keys(r.expect) as Who[]).map((who) => ({ route: r, who, want: r.expect[who] })));

  it.each(cells.map((c) => [c.route.name, c.who, c.want, c] as const))("%s as %s → %i", async (_name, who, want, c) => {
    const got = await status(who, c.route.loader as Loader, c.route.path(), c.route.params());
    expect(got.status).toBe(want);
    if (want === 302) expect(got.location).toBe(LOGIN);
  });

  it("audits views and downloads with who and which submission, without answer data", async () => {
    const entries = await listAudit(database, "demo-musterstadt", { submissionId: sub1.id, limit: 1000 });
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ["antrag_angesehen", "pdf_heruntergeladen", "pdf_angezeigt", "xml_heruntergeladen", "anlage_heruntergeladen"]) expect(actions).toContain(a);
    expect(entries.every((e) => e.caseworkerId)).toBe(true);
    const rows = await database.selectFrom("audit_log").select("detail").execute();
    expect(JSON.stringify(rows)).not.toMatch(/Mietvertrag|Olena|Kovalenko|DE\d{20}/);
    // Jobcenter 2's caseworker never reached jobcenter 1's submission: nothing recorded for them there.
    expect(entries.some((e) => e.caseworkerName === "sb2")).toBe(false);
  });
});
