/**
 * Caseworker accounts from the command line (the first administrator of a jobcenter, and more):
 *   npm run admin -- create-user --jobcenter <id> --email <e> --name <n> --role administration [--password-file <f>]
 *   npm run admin -- list-users [--jobcenter <id>]
 *   npm run admin -- demo-accounts      (prints the demo accounts that a non-production start creates)
 * Without --password-file the password is read from stdin (one line; on a terminal it is visible:
 * prefer --password-file or a pipe).
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { AccountInputError, createCaseworker, listCaseworkers } from "~/caseworker/accounts.server";
import { recordAudit } from "~/caseworker/audit.server";
import { demoAccounts } from "~/caseworker/demo.server";
import { ROLES, type Role } from "~/caseworker/texts";
import { db } from "~/store/db.server";
import { jobcenters } from "~/store/jobcenters.server";

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { jobcenter: { type: "string" }, email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, "password-file": { type: "string" } },
});

async function readPassword(): Promise<string> {
  if (values["password-file"]) return readFileSync(values["password-file"], "utf8").replace(/\r?\n$/, "");
  const tty = process.stdin.isTTY;
  if (tty) process.stderr.write("Passwort: ");
  const rl = createInterface({ input: process.stdin, output: undefined, terminal: false });
  const line = await new Promise<string>((resolve) => rl.once("line", resolve).once("close", () => resolve("")));
  rl.close();
  if (tty) process.stderr.write("\n");
  return line;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

switch (command) {
  case "create-user": {
    const { jobcenter, email, name, role } = values;
    if (!jobcenter || !email || !name || !role) fail("Usage: npm run admin -- create-user --jobcenter <id> --email <e> --name <n> --role <role> [--password-file <f>]");
    if (!(ROLES as readonly string[]).includes(role)) fail(`--role must be one of: ${ROLES.join(", ")}`);
    const database = await db();
    try {
      const account = await createCaseworker(database, { jobcenterId: jobcenter, email, name, role: role as Role, password: await readPassword() });
      await recordAudit(database, { caseworkerId: null, jobcenterId: jobcenter, action: "konto_angelegt", detail: { konto: account.id, rolle: account.role, quelle: "cli" } });
      console.log(`created ${account.role} ${account.email} (${account.id}) in ${account.jobcenterId}`);
    } catch (error) {
      if (error instanceof AccountInputError) fail(error.message);
      if (/unique/i.test(String((error as Error).message))) fail(`an account with e-mail ${email} exists`);
      throw error;
    }
    await database.destroy();
    break;
  }
  case "list-users": {
    const database = await db();
    for (const c of await listCaseworkers(database, values.jobcenter)) {
      console.log([c.jobcenterId, c.email, c.role, c.name, c.hasTotp ? "totp" : "-", c.disabled ? "gesperrt" : "aktiv"].join("\t"));
    }
    await database.destroy();
    break;
  }
  case "demo-accounts": {
    for (const a of demoAccounts(jobcenters())) console.log(`  ${a.jobcenterId}  ${a.role.padEnd(15)}  ${a.email}  ${a.password}`);
    break;
  }
  default:
    fail("Commands: create-user, list-users, demo-accounts");
}
