/** Once per run: the caseworker accounts every test signs in with (see accounts.ts). */
import { ACCOUNTS, createAccount } from "./accounts";

export default function globalSetup() {
  for (const a of Object.values(ACCOUNTS)) createAccount(a.email, a.name, a.role, "jobcenter" in a ? a.jobcenter : undefined);
}
