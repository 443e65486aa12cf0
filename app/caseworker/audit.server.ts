/**
 * The audit log: append-only. This module is the only code that touches `audit_log`, and it
 * only inserts and reads — no update, no delete (a unit test checks both). Entries say who, when,
 * what and which submission, never answer data: `detail` holds technical facts only.
 */
import { randomUUID } from "node:crypto";
import type { DB } from "~/store/db.server";
import type { AuditAction } from "./texts";

export interface AuditEntry {
  id: string;
  at: string;
  caseworkerId: string | null;
  caseworkerName: string | null;
  jobcenterId: string | null;
  submissionId: string | null;
  reference: string | null;
  action: AuditAction;
  detail: Record<string, string | number | boolean>;
}

export interface NewAuditEntry {
  caseworkerId: string | null;
  jobcenterId: string | null;
  submissionId?: string | null;
  action: AuditAction;
  detail?: Record<string, string | number | boolean>;
}

export async function recordAudit(db: DB, entry: NewAuditEntry, now: Date = new Date()): Promise<void> {
  await db.insertInto("audit_log").values({
    id: randomUUID(),
    at: now.toISOString(),
    caseworker_id: entry.caseworkerId,
    jobcenter_id: entry.jobcenterId,
    submission_id: entry.submissionId ?? null,
    action: entry.action,
    detail: JSON.stringify(entry.detail ?? {}),
  }).execute();
}

export interface AuditQuery {
  submissionId?: string;
  limit?: number;
  offset?: number;
}

/** A jobcenter's entries, newest first (scoped: entries of other jobcenters never show). */
export async function listAudit(db: DB, jobcenterId: string, query: AuditQuery = {}): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit_log")
    .leftJoin("caseworkers", "caseworkers.id", "audit_log.caseworker_id")
    .leftJoin("submissions", "submissions.id", "audit_log.submission_id")
    .select(["audit_log.id", "audit_log.at", "audit_log.caseworker_id", "caseworkers.name", "audit_log.jobcenter_id", "audit_log.submission_id", "submissions.reference", "audit_log.action", "audit_log.detail"])
    .where("audit_log.jobcenter_id", "=", jobcenterId);
  if (query.submissionId) q = q.where("audit_log.submission_id", "=", query.submissionId);
  const rows = await q.orderBy("audit_log.at", "desc").orderBy("audit_log.id", "desc").limit(query.limit ?? 200).offset(query.offset ?? 0).execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, caseworkerId: r.caseworker_id, caseworkerName: r.name ?? null, jobcenterId: r.jobcenter_id,
    submissionId: r.submission_id, reference: r.reference ?? null, action: r.action as AuditAction, detail: JSON.parse(r.detail),
  }));
}

const csvCell = (value: string) => (/[",;\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);

/** CSV (RFC 4180, semicolon-separated as German spreadsheets expect), formula-safe. */
export function auditCsv(entries: AuditEntry[], header: string[], actionLabel: (a: AuditAction) => string): string {
  const lines = [header.map(csvCell).join(";")];
  for (const e of entries) {
    lines.push([e.at, e.caseworkerName ?? "", e.caseworkerId ?? "", actionLabel(e.action), e.reference ?? "", e.submissionId ?? "", JSON.stringify(e.detail)].map(csvCell).join(";"));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
