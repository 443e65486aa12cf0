/**
 * The inbox and the submission lookup of the caseworker area. Every query takes the
 * caseworker's jobcenter id and filters by it — the core security property of the area: a
 * submission of another jobcenter is as unknown as an id that does not exist.
 */
import { sql, type SelectQueryBuilder } from "kysely";
import type { DB } from "~/store/db.server";
import type { Database } from "~/store/schema";
import { getSubmissionModel, type StoredSubmission } from "~/store/submissions.server";
import type { Fachdaten } from "~/submission/document";
import { flowIds, getFlow } from "~/flows/registry.server";
import { INBOX_VIEWS, STATUSES, type InboxView } from "./texts";

export { INBOX_VIEWS } from "./texts";
import { applicantName } from "./view.server";
import { pageParam } from "./paging";

export const PAGE_SIZE = 25;
/** "Frist läuft ab": open items whose deadline or new period is at most this many days away (or past). */
export const URGENT_DAYS = 14;
/** Previous/next within a view looks at this many items of it at most. */
export const NEIGHBOUR_LIMIT = 5_000;
/** Name search decrypts candidates in memory (names are encrypted): at most this many, newest first. */
export const NAME_SEARCH_LIMIT = 2_000;

export interface InboxFilters {
  /** A saved view: its conditions apply on top of the other filters. */
  view?: InboxView;
  flow?: string;
  status?: string;
  language?: string;
  /** YYYY-MM-DD, Berlin days are approximated as UTC days (inclusive). */
  from?: string;
  to?: string;
  /** Reference (exact, case-insensitive) or part of the name. */
  q?: string;
  /** "fehlend": Nachweise missing; "vollstaendig": none missing. */
  completeness?: "fehlend" | "vollstaendig";
  /** "ich", "niemand", or a colleague's account id. */
  assignee?: string;
  /** Only items with new Nachweise from the applicant. */
  flagged?: boolean;
  /** Newest or oldest first, or the most urgent (earliest due date, FlowDocument.dueDate) first. */
  sort: "neu" | "alt" | "faellig";
  page: number;
}

export interface InboxRow {
  id: string;
  /** FlowDocument.dueDate: a renewal's new period start. */
  dueDate: string | null;
  /** The earliest deadline of an unanswered Nachforderung (YYYY-MM-DD). */
  requestDeadline: string | null;
  reference: string;
  flow: string;
  receivedAt: string;
  language: string;
  status: string;
  name: string;
  assignedTo: string | null;
  flagged: boolean;
  missingNachweise: number | null;
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  page: number;
  pages: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(params: URLSearchParams): InboxFilters {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const flow = get("verfahren");
  const status = get("status");
  const from = get("von");
  const to = get("bis");
  const view = get("ansicht");
  return {
    view: view && (INBOX_VIEWS as readonly string[]).includes(view) ? (view as InboxView) : undefined,
    flow: flow && flowIds().includes(flow) ? flow : undefined,
    status: status && (STATUSES as readonly string[]).includes(status) ? status : undefined,
    language: get("sprache")?.slice(0, 16),
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    q: get("suche")?.slice(0, 100),
    completeness: get("vollstaendigkeit") === "fehlend" ? "fehlend" : get("vollstaendigkeit") === "vollstaendig" ? "vollstaendig" : undefined,
    assignee: get("zugewiesen") && /^(ich|niemand|[0-9a-f-]{36})$/i.test(get("zugewiesen")!) ? get("zugewiesen") : undefined,
    flagged: params.get("neu") === "1" || undefined,
    sort: params.get("sortierung") === "alt" ? "alt" : params.get("sortierung") === "faellig" || (view === "frist" && !params.get("sortierung")) ? "faellig" : "neu",
    page: pageParam(params.get("seite")),
  };
}

/** The earliest deadline of an unanswered Nachforderung of the row. */
const requestDeadline = sql<string | null>`(select min(n.frist) from nachforderungen n where n.submission_id = submissions.id and n.answered_at is null)`;
/** What is due first: that deadline or the flow's due date (a renewal's new period). */
const urgentDate = sql<string | null>`(case when ${requestDeadline} is null then submissions.due_date when submissions.due_date is null or ${requestDeadline} < submissions.due_date then ${requestDeadline} else submissions.due_date end)`;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The filters as WHERE clauses; `me` is the caseworker asking (for "assigned to me"). */
function filtered<Q extends SelectQueryBuilder<Database, "submissions", object>>(query: Q, jobcenterId: string, f: InboxFilters, me: string): Q {
  let q = query.where("jobcenter_id", "=", jobcenterId) as Q;
  if (f.flow) q = q.where("flow", "=", f.flow) as Q;
  if (f.status) q = q.where("status", "=", f.status) as Q;
  if (f.language) q = q.where("language", "=", f.language) as Q;
  if (f.from) q = q.where("received_at", ">=", `${f.from}T00:00:00.000Z`) as Q;
  if (f.to) q = q.where("received_at", "<=", `${f.to}T23:59:59.999Z`) as Q;
  if (f.completeness === "fehlend") q = q.where("missing_nachweise", ">", 0) as Q;
  if (f.completeness === "vollstaendig") q = q.where("missing_nachweise", "=", 0) as Q;
  if (f.assignee === "niemand") q = q.where("assigned_to", "is", null) as Q;
  else if (f.assignee) q = q.where("assigned_to", "=", f.assignee === "ich" ? me : f.assignee) as Q;
  if (f.flagged) q = q.where("flagged", "=", 1) as Q;
  if (f.view === "meine") q = q.where("assigned_to", "=", me).where("status", "!=", "abgeschlossen") as Q;
  if (f.view === "neu") q = q.where("status", "=", "eingegangen") as Q;
  if (f.view === "nachweise") q = q.where("flagged", "=", 1) as Q;
  if (f.view === "frist") q = q.where("status", "!=", "abgeschlossen").where(urgentDate, "<=", isoDay(new Date(Date.now() + URGENT_DAYS * 86_400_000))) as Q;
  if (f.view === "freigaben") {
    // Waiting for the four-eyes Freigabe, and not worked by the person asking (who may not sign it off).
    q = q.where("status", "=", "vollstaendig").where("flow", "in", fourEyesFlows())
      .where((eb) => eb.or([eb("assigned_to", "is", null), eb("assigned_to", "!=", me)]))
      .where((eb) => eb.or([eb("completed_by", "is", null), eb("completed_by", "!=", me)])) as Q;
  }
  return q;
}

function baseQuery(db: DB, jobcenterId: string, f: InboxFilters, me: string) {
  const q = filtered(db.selectFrom("submissions").select(["id", "reference", "flow", "received_at", "language", "status", "assigned_to", "flagged", "missing_nachweise", "due_date"]).select(requestDeadline.as("request_deadline")), jobcenterId, f, me);
  // Most urgent: those with a deadline or due date first, the earliest first; then the oldest.
  const ordered = f.sort === "faellig" ? q.orderBy(sql`case when ${urgentDate} is null then 1 else 0 end`).orderBy(urgentDate, "asc").orderBy("received_at", "asc") : q.orderBy("received_at", f.sort === "alt" ? "asc" : "desc");
  return ordered.orderBy("id");
}

type Row = { id: string; reference: string; flow: string; received_at: string; language: string; status: string; assigned_to: string | null; flagged: number; missing_nachweise: number | null; due_date: string | null; request_deadline: string | null };

async function withName(db: DB, r: Row): Promise<InboxRow> {
  const model = (await getSubmissionModel(db, r.id)) as Fachdaten;
  return {
    id: r.id, reference: r.reference, flow: r.flow, receivedAt: r.received_at, language: r.language, status: r.status, name: applicantName(r.flow, model),
    assignedTo: r.assigned_to, flagged: r.flagged === 1, missingNachweise: r.missing_nachweise, dueDate: r.due_date,
    requestDeadline: r.request_deadline,
  };
}

/** Flows whose closing needs the four-eyes Freigabe (FlowDefinition.fourEyes). */
const fourEyesFlows = () => {
  const ids = flowIds().filter((id) => getFlow(id)?.fourEyes === true);
  return ids.length > 0 ? ids : ["-"];
};

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * A search, all its matches in the view's order: an exact reference, else a part of the name.
 * Names are encrypted, so name candidates are decrypted and matched in memory (at most
 * NAME_SEARCH_LIMIT, newest first).
 */
async function searchRows(db: DB, jobcenterId: string, f: InboxFilters, me: string): Promise<InboxRow[]> {
  const query = (f.q ?? "").replace(/[\s-]/g, "").toUpperCase();
  if (/^[2-9A-Z]{8}$/.test(query)) {
    const byReference = await baseQuery(db, jobcenterId, f, me).where("reference", "=", query).execute();
    if (byReference.length > 0) return Promise.all(byReference.map((r) => withName(db, r)));
  }
  const needle = fold(f.q ?? "");
  const candidates = await baseQuery(db, jobcenterId, f, me).limit(NAME_SEARCH_LIMIT).execute();
  const matches: InboxRow[] = [];
  for (const r of candidates) {
    const row = await withName(db, r);
    if (fold(row.name).includes(needle) || fold(row.reference) === needle) matches.push(row);
  }
  return matches;
}

export async function listInbox(db: DB, jobcenterId: string, f: InboxFilters, me = ""): Promise<InboxPage> {
  if (f.q) {
    const matches = await searchRows(db, jobcenterId, f, me);
    const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
    const page = Math.min(f.page, pages);
    return { rows: matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: matches.length, page, pages };
  }
  const count = filtered(db.selectFrom("submissions").select((eb) => eb.fn.countAll<string | number>().as("n")), jobcenterId, f, me);
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = await baseQuery(db, jobcenterId, f, me).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute();
  return { rows: await Promise.all(rows.map((r) => withName(db, r))), total, page, pages };
}

/** Submissions of the jobcenter received after `since` (for the "new items" hint). */
export async function countNewSince(db: DB, jobcenterId: string, since: string): Promise<number> {
  const row = await db.selectFrom("submissions").select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("jobcenter_id", "=", jobcenterId).where("received_at", ">", since).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Languages present in the jobcenter's submissions (for the filter). */
export async function inboxLanguages(db: DB, jobcenterId: string): Promise<string[]> {
  const rows = await db.selectFrom("submissions").select("language").distinct().where("jobcenter_id", "=", jobcenterId).orderBy("language").execute();
  return rows.map((r) => r.language);
}

/** A submission of this jobcenter, or undefined — also when it belongs to another jobcenter. */
export async function findSubmissionForJobcenter(db: DB, jobcenterId: string, id: string | undefined): Promise<StoredSubmission | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const r = await db.selectFrom("submissions")
    .select(["id", "reference", "flow", "form_version", "rechtsstand", "jobcenter_id", "language", "received_at", "status"])
    .where("id", "=", id).where("jobcenter_id", "=", jobcenterId).executeTakeFirst();
  return r ? {
    id: r.id, reference: r.reference, flow: r.flow, formVersion: r.form_version, rechtsstand: r.rechtsstand,
    jobcenterId: r.jobcenter_id, language: r.language, receivedAt: r.received_at, status: r.status,
  } : undefined;
}

export interface Neighbours {
  previous?: string;
  next?: string;
  /** 1-based position in the view, when the submission is (still) in it. */
  position?: number;
  total: number;
}

/**
 * The submissions before and after `id` in the inbox view `f` (same filters, same order). When
 * the submission has just left the view (marked complete in "Neu"), "next" is the one that now
 * stands where it stood: the first after it by the view's order.
 */
export async function neighbours(db: DB, jobcenterId: string, f: InboxFilters, me: string, id: string): Promise<Neighbours> {
  let rows: SortKeys[];
  if (f.q) {
    // A search: its matches in order, searched once.
    rows = (await searchRows(db, jobcenterId, f, me)).map((r) => ({ id: r.id, received_at: r.receivedAt, due_date: r.dueDate, request_deadline: r.requestDeadline }));
  } else {
    rows = await baseQuery(db, jobcenterId, f, me).limit(NEIGHBOUR_LIMIT).execute();
  }
  const at = rows.findIndex((r) => r.id === id);
  if (at >= 0) return { previous: rows[at - 1]?.id, next: rows[at + 1]?.id, position: at + 1, total: rows.length };
  // Not in the view (any more): place it by its own sort keys among the view's rows.
  const own: SortKeys | undefined = await baseQuery(db, jobcenterId, { sort: f.sort, page: 1 }, me).where("id", "=", id).executeTakeFirst();
  if (!own) return { total: rows.length };
  const after = rows.findIndex((r) => compareRows(f.sort, r, own) > 0);
  const index = after < 0 ? rows.length : after;
  return { previous: rows[index - 1]?.id, next: rows[index]?.id, total: rows.length };
}

type SortKeys = Pick<Row, "id" | "received_at" | "due_date" | "request_deadline">;

/** The order of baseQuery, in JavaScript (for a row that is not in the view any more). */
function compareRows(sort: InboxFilters["sort"], a: SortKeys, b: SortKeys): number {
  const text = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1);
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  if (sort === "faellig") {
    const urgent = (r: SortKeys) => [r.request_deadline, r.due_date].filter((d): d is string => d !== null).sort()[0] ?? null;
    return text(urgent(a), urgent(b)) || text(a.received_at, b.received_at) || byId;
  }
  const received = text(a.received_at, b.received_at);
  return (sort === "alt" ? received : -received) || byId;
}
