/** Jobcenter configuration: read from JOBCENTERS_FILE, validated, mirrored into the database. */
import { readFileSync } from "node:fs";
import { env } from "~/config/env.server";
import { jobcenterListSchema, jobcenterForPostcode, type Jobcenter } from "~/tenants/jobcenter";
import type { DB } from "./db.server";

let cached: Jobcenter[] | undefined;

export function jobcenters(): Jobcenter[] {
  if (!cached) {
    const file = env().JOBCENTERS_FILE;
    const parsed = jobcenterListSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`Invalid jobcenter configuration in ${file}: ${parsed.error.issues[0]?.message}`);
    const ids = new Set(parsed.data.map((j) => j.id));
    if (ids.size !== parsed.data.length) throw new Error(`Duplicate jobcenter id in ${file}`);
    cached = parsed.data;
  }
  return cached;
}

export function getJobcenter(id: string): Jobcenter | undefined {
  return jobcenters().find((j) => j.id === id);
}

export function findJobcenterByPostcode(postcode: string): Jobcenter | undefined {
  return jobcenterForPostcode(jobcenters(), postcode);
}

export async function syncJobcenters(db: DB): Promise<void> {
  const now = new Date().toISOString();
  for (const jc of jobcenters()) {
    const row = { name: jc.name, config: JSON.stringify(jc), updated_at: now };
    // One statement, not "select, then insert": instances starting at the same moment on one
    // PostgreSQL would both insert, and the second would die on the primary key.
    await db.insertInto("jobcenters").values({ id: jc.id, ...row }).onConflict((oc) => oc.column("id").doUpdateSet(row)).execute();
  }
}
