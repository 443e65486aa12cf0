/**
 * Demo caseworker accounts: one per role in every demo jobcenter, with fixed passwords that
 * `scripts/start.sh` prints. Never in production mode and never for a non-demo jobcenter.
 */
import type { DB } from "~/store/db.server";
import type { Jobcenter } from "~/tenants/jobcenter";
import { createCaseworker, findCaseworkerByEmail } from "./accounts.server";
import type { Role } from "./texts";

export interface DemoAccount {
  jobcenterId: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

const PEOPLE: { role: Role; local: string; name: string }[] = [
  { role: "sachbearbeitung", local: "sachbearbeitung", name: "Sam Sachbearbeitung (Demo)" },
  { role: "teamleitung", local: "teamleitung", name: "Toni Teamleitung (Demo)" },
  { role: "administration", local: "admin", name: "Alex Administration (Demo)" },
];

export function demoAccounts(jobcenters: readonly Jobcenter[]): DemoAccount[] {
  return jobcenters.filter((j) => j.demo).flatMap((j) => PEOPLE.map((p) => ({
    jobcenterId: j.id,
    email: `${p.local}@${j.id}.demo.example`,
    name: p.name,
    role: p.role,
    password: `Demo-${p.local}-2026!`,
  })));
}

/** Creates missing demo accounts; does nothing in production. Returns the accounts created. */
export async function ensureDemoCaseworkers(db: DB, jobcenters: readonly Jobcenter[], nodeEnv: string): Promise<DemoAccount[]> {
  if (nodeEnv === "production") return [];
  const created: DemoAccount[] = [];
  for (const account of demoAccounts(jobcenters)) {
    if (await findCaseworkerByEmail(db, account.email)) continue;
    await createCaseworker(db, account);
    created.push(account);
  }
  return created;
}
