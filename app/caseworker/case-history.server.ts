/**
 * Who has worked a submission, read from its audit history (ADR 0020). The four-eyes Freigabe
 * asks this instead of the current columns (`assigned_to`, `completed_by`), which are
 * overwritten as the case moves on: sending a case back to "in Bearbeitung" clears "completed
 * by", a reassignment replaces the assignee, but the append-only audit log keeps every step.
 *
 * Working the case means any of:
 *   - taking it, or having it assigned (`zugewiesen`: the person in `an`),
 *   - changing its status (`status_geaendert`: taking into work, back to work, vollständig),
 *   - asking for documents (`nachforderung_gestellt`),
 *   - reviewing documents sent later (`nachreichung_gesehen`).
 * Only assigning it to someone else is not: a Teamleitung who distributes the inbox may still
 * sign off what a colleague worked. The status entry that accompanies such an assignment of a
 * new submission (eingegangen → in Bearbeitung) carries `anlass: "zuweisen"` and does not count
 * either; entries written before that marker existed count (stricter, never more lenient).
 * Reading a case, its documents or downloads is not working it.
 */
import type { DB } from "~/store/db.server";
import type { AuditAction } from "./texts";

export const WORK_ACTIONS = ["status_geaendert", "zugewiesen", "nachforderung_gestellt", "nachreichung_gesehen"] as const satisfies readonly AuditAction[];

/** The `anlass` of a status entry written because someone assigned a new submission to a colleague. */
export const ASSIGNMENT_CAUSE = "zuweisen";

type Detail = Record<string, unknown>;

function parse(detail: string): Detail {
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" ? (value as Detail) : {};
  } catch {
    return {};
  }
}

/** The account ids of everyone who worked the submission at any time, by its audit history. */
export async function workedBy(db: DB, submissionId: string): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select(["caseworker_id", "action", "detail"])
    .where("submission_id", "=", submissionId).where("action", "in", [...WORK_ACTIONS]).execute();
  const people = new Set<string>();
  for (const row of rows) {
    const detail = parse(row.detail);
    if (row.action === "zugewiesen") {
      // The person it was given to (oneself when taking it); not the person who assigned it.
      if (typeof detail.an === "string" && detail.an) people.add(detail.an);
      continue;
    }
    if (row.action === "status_geaendert" && detail.anlass === ASSIGNMENT_CAUSE) continue;
    if (row.caseworker_id) people.add(row.caseworker_id);
  }
  return [...people];
}
