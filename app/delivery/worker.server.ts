/**
 * The outbox worker: after commit, every due delivery is claimed (so that several app
 * instances never deliver the same entry at once), handed to its connector, and marked
 * delivered — or retried with exponential backoff (5 s, 10 s, 20 s … at most 1 h) until
 * MAX_ATTEMPTS, after which it stays "failed" (dead letter) for a person to look at.
 */
import type { DB } from "~/store/db.server";
import type { DeliveryState } from "~/store/schema";
import type { Jobcenter } from "~/tenants/jobcenter";
import { connectorFor, type Connector } from "./connectors.server";
import { loadPackage } from "./package.server";

export const MAX_ATTEMPTS = 8;
const CLAIM_MS = 2 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** (attempts - 1), 60 * 60_000);
}

export interface WorkerDeps {
  jobcenter: (id: string) => Jobcenter | undefined;
  connector?: (jobcenter: Jobcenter, name: string) => Connector;
}

/** Runs every delivery that is due at `now`; returns how many it attempted. */
export async function runDueDeliveries(db: DB, deps: WorkerDeps, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  const due = await db.selectFrom("outbox").innerJoin("submissions", "submissions.id", "outbox.submission_id")
    .select(["outbox.id", "outbox.submission_id", "outbox.nachreichung_id", "outbox.connector", "outbox.attempts", "submissions.jobcenter_id"])
    .where("outbox.state", "in", ["pending", "retrying"]).where("outbox.next_attempt_at", "<=", at)
    .orderBy("outbox.next_attempt_at").limit(50).execute();
  let attempted = 0;
  for (const entry of due) {
    const claimed = await db.updateTable("outbox").set({ locked_until: new Date(now.getTime() + CLAIM_MS).toISOString() })
      .where("id", "=", entry.id).where("state", "in", ["pending", "retrying"])
      .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", at)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue; // another instance has it
    attempted++;
    const attempts = entry.attempts + 1;
    try {
      const jobcenter = deps.jobcenter(entry.jobcenter_id);
      if (!jobcenter) throw new Error(`Jobcenter ${entry.jobcenter_id} is not configured`);
      const connector = (deps.connector ?? connectorFor)(jobcenter, entry.connector);
      await connector(await loadPackage(db, entry.id, entry.submission_id, entry.nachreichung_id));
      await db.updateTable("outbox").set({
        state: "delivered", attempts, delivered_at: new Date().toISOString(), locked_until: null, last_error: null, updated_at: new Date().toISOString(),
      }).where("id", "=", entry.id).execute();
    } catch (error) {
      const state: DeliveryState = attempts >= MAX_ATTEMPTS ? "failed" : "retrying";
      await db.updateTable("outbox").set({
        state, attempts, locked_until: null, updated_at: new Date().toISOString(),
        next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        last_error: String((error as Error).message ?? error).slice(0, 500),
      }).where("id", "=", entry.id).execute();
    }
  }
  return attempted;
}

export interface DeliveryStatus {
  connector: string;
  state: DeliveryState;
  attempts: number;
  deliveredAt: string | null;
  lastError: string | null;
}

/** Delivery of the submission itself (its Nachreichungen have entries of their own). */
export async function deliveryStatus(db: DB, submissionId: string): Promise<DeliveryStatus[]> {
  const rows = await db.selectFrom("outbox").select(["connector", "state", "attempts", "delivered_at", "last_error"])
    .where("submission_id", "=", submissionId).where("nachreichung_id", "is", null).orderBy("connector").execute();
  return rows.map((r) => ({ connector: r.connector, state: r.state, attempts: r.attempts, deliveredAt: r.delivered_at, lastError: r.last_error }));
}
