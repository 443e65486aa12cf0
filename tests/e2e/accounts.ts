/**
 * Caseworker accounts for the browser and HTTP tests, created once per run by the global setup
 * the way an operator does (`npm run admin -- create-user`): the test server runs in production
 * mode, where demo accounts never exist. Tests that try wrong passwords create their own.
 */
import { execFileSync } from "node:child_process";

export const PASSWORD = "e2e-Sachbearbeitung-2026!";

export const ACCOUNTS = {
  sachbearbeitung: { email: "sb@e2e.example", name: "Erika Ende-zu-Ende", role: "sachbearbeitung" },
  sachbearbeitung2: { email: "sb2@e2e.example", name: "Samir Zweitprüfer", role: "sachbearbeitung" },
  teamleitung: { email: "tl@e2e.example", name: "Tom Teamleitung", role: "teamleitung" },
  administration: { email: "admin@e2e.example", name: "Ada Administration", role: "administration" },
  fremd: { email: "fremd@e2e.example", name: "Frida Fremd", role: "sachbearbeitung", jobcenter: "demo-beispielkreis" },
  // The Wohngeldstelle Musterstadt: receives BuT of Wohngeld and Kinderzuschlag families (ADR 0034).
  wohngeld: { email: "wg@e2e.example", name: "Wanda Wohngeld", role: "sachbearbeitung", jobcenter: "demo-musterstadt-wohngeld" },
} as const;

export function createAccount(email: string, name: string, role: string, jobcenter = "demo-musterstadt", password = PASSWORD) {
  execFileSync("node_modules/.bin/tsx", ["scripts/admin.ts", "create-user", "--jobcenter", jobcenter, "--email", email, "--name", name, "--role", role], {
    input: `${password}\n`,
    env: { ...process.env, NODE_ENV: "test", DATA_DIR: process.env.E2E_DATA_DIR!, ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}) },
    stdio: ["pipe", "pipe", "inherit"],
  });
}
