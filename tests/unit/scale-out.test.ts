/**
 * Scale-out (issue 19 "Beyond one server", ADR 0023): two `node build/server.js` processes on one
 * PostgreSQL database behave as one server. One applicant journey is spread over both — start on
 * A, pages answered alternately on A and B, resumed by code on B from another device, submitted
 * on A and B at the same moment — and gives one submission, delivered exactly once (to a local
 * HTTPS-connector receiver, with both delivery workers running). The rate limits are shared:
 * resume-code look-ups (RESUME_ATTEMPTS=3 here) and caseworker sign-in failures split across A
 * and B are refused on either once the limit is reached.
 *
 * Needs TEST_DATABASE_URL (a PostgreSQL server; scripts/test.sh starts a throw-away one) and the
 * built server (`npm run build`, which scripts/test.sh runs first). Without TEST_DATABASE_URL it
 * is skipped, as the PostgreSQL store tests are.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldValue, StepValues } from "~/flows/engine/types";
import { freshPostgres, pgAdminUrl } from "../fixtures/databases";
import { answerEntries, formOf, type FormEntries } from "../fixtures/form-entries";
import { personas } from "../fixtures/veraenderung-personas";

const ROOT = join(__dirname, "..", "..");
const SERVER = join(ROOT, "build", "server.js");
const persona = personas.find((p) => p.name === "vermoegen-konto")!;
const FLOW = "veraenderung";
const POSTCODE = "00150";
const RESUME_ATTEMPTS = 3;
/** Client addresses, told to the servers by X-Forwarded-For (TRUST_PROXY=1, as behind one load balancer). */
const APPLICANT = "192.0.2.10";
const PHONE = "192.0.2.11";
const ATTACKER = "203.0.113.7";
const GUESSER = "203.0.113.8";

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once("error", reject);
  probe.listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

interface Instance { name: string; base: string; process: ChildProcess; log: string[] }

async function waitHealthy(instance: Instance, deadline: number): Promise<{ outbox: Record<string, number> }> {
  for (;;) {
    if (instance.process.exitCode !== null) throw new Error(`${instance.name} exited (${instance.process.exitCode}):\n${instance.log.join("").slice(-3000)}`);
    try {
      const response = await fetch(`${instance.base}/healthz`);
      if (response.ok) return (await response.json()) as { outbox: Record<string, number> };
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${instance.name} not healthy in time:\n${instance.log.join("").slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A browser's cookie jar with plain fetch, sending each request to the instance asked for. */
class Device {
  readonly cookies = new Map<string, string>();
  html = "";
  document: HTMLElement = parse("");
  url = "";

  constructor(readonly address: string) {}

  async raw(base: string, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ "Accept-Language": "de-DE", "X-Forwarded-For": this.address, ...(init.headers as Record<string, string> | undefined) });
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, base), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GET on `base`, following redirects there; keeps the page. */
  async get(base: string, path: string): Promise<number> {
    let response = await this.raw(base, path);
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 10) throw new Error(`too many redirects from ${path}`);
      path = response.headers.get("location")!;
      await response.arrayBuffer();
      response = await this.raw(base, path);
    }
    this.html = await response.text();
    this.document = parse(this.html);
    this.url = new URL(path, base).pathname;
    return response.status;
  }

  /** POST a urlencoded form to `base`, no redirect followed. */
  post(base: string, path: string, entries: [string, string][]): Promise<Response> {
    return this.raw(base, path, { method: "POST", body: new URLSearchParams(entries), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  }

  csrf(): string {
    const token = this.document.querySelector('input[name="csrf"]')?.getAttribute("value");
    if (!token) throw new Error(`no CSRF field on ${this.url}`);
    return token;
  }

  /** The entries of the current page's primary form: its hidden fields, then the given answers (as the served form names them). */
  formEntries(values: StepValues): { action: string; entries: FormEntries } {
    const button = this.document.querySelector("form button.button--primary[type=submit]");
    if (!button) throw new Error(`no primary button on ${this.url}`);
    const form = formOf(button)!;
    const entries: FormEntries = [];
    for (const input of form.querySelectorAll("input")) {
      const name = input.getAttribute("name");
      if (name && (input.getAttribute("type") ?? "").toLowerCase() === "hidden" && !(name in values)) entries.push([name, input.getAttribute("value") ?? ""]);
    }
    for (const [name, value] of Object.entries(values) as [string, FieldValue][]) entries.push(...answerEntries(form, this.url, name, value));
    const name = button.getAttribute("name");
    if (name) entries.push([name, button.getAttribute("value") ?? ""]);
    return { action: button.getAttribute("formaction") ?? form.getAttribute("action") ?? this.url, entries };
  }

  /** Answers the current page by posting to `postTo` and follows the redirect on `followOn`. */
  async answer(postTo: string, followOn: string, values: StepValues): Promise<void> {
    const { action, entries } = this.formEntries(values);
    const response = await this.post(postTo, action, entries);
    await response.arrayBuffer();
    expect(response.status, `answer on ${this.url}`).toBe(302);
    expect(await this.get(followOn, response.headers.get("location")!)).toBe(200);
    expect(this.document.querySelector(".error-summary"), `no errors after ${this.url}`).toBeNull();
  }
}

const pageKey = (device: Device) => device.url.split("/").slice(3).join("/");

describe.skipIf(!pgAdminUrl)("two server processes on one PostgreSQL (skipped without TEST_DATABASE_URL: needs a PostgreSQL server; scripts/test.sh starts one)", () => {
  let database: { url: string; drop: () => Promise<void> };
  let A: Instance;
  let B: Instance;
  let receiver: Server;
  const deliveries: string[] = [];

  beforeAll(async () => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    database = await freshPostgres("scaleout");
    // A jobcenter file whose Musterstadt also delivers to an HTTPS receiver here: it counts deliveries.
    const receiverPort = await freePort();
    receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        deliveries.push(String(req.headers["x-antragsportal-delivery"]));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(receiverPort, "127.0.0.1", r));
    const config = JSON.parse(readFileSync(join(ROOT, "config", "demo-jobcenters.json"), "utf8")) as { id: string; zustellung?: unknown[] }[];
    for (const jc of config) if (jc.id === "demo-musterstadt") jc.zustellung = [{ art: "https", url: `http://127.0.0.1:${receiverPort}/eingang`, hmacSecretVariable: "SCALE_OUT_HMAC" }];
    const configDir = mkdtempSync(join(tmpdir(), "portal-scale-out-"));
    writeFileSync(join(configDir, "jobcenters.json"), JSON.stringify(config));

    const start = async (name: string): Promise<Instance> => {
      const port = await freePort();
      const child = spawn(process.execPath, [SERVER], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH, HOME: process.env.HOME,
          PORT: String(port), HOST: "127.0.0.1",
          NODE_ENV: "production", SECURE_COOKIES: "false", TRUST_PROXY: "1",
          DATA_DIR: mkdtempSync(join(tmpdir(), `portal-scale-out-${name}-`)),
          DATABASE_URL: database.url,
          JOBCENTERS_FILE: join(configDir, "jobcenters.json"),
          SCALE_OUT_HMAC: "scale-out-hmac-secret",
          RESUME_ATTEMPTS: String(RESUME_ATTEMPTS),
          SESSION_SECRET: "scale-out-session-secret-0123456789abcdef0123",
          ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
        },
      });
      const log: string[] = [];
      child.stdout!.on("data", (d: Buffer) => log.push(d.toString()));
      child.stderr!.on("data", (d: Buffer) => log.push(d.toString()));
      return { name, base: `http://127.0.0.1:${port}`, process: child, log };
    };
    // Both start at once: they migrate the same empty database.
    [A, B] = await Promise.all([start("A"), start("B")]);
    const deadline = Date.now() + 30_000;
    await Promise.all([waitHealthy(A, deadline), waitHealthy(B, deadline)]);
  }, 45_000);

  afterAll(async () => {
    for (const instance of [A, B]) {
      if (!instance || instance.process.exitCode !== null) continue;
      const exited = new Promise((r) => instance.process.once("exit", r));
      instance.process.kill("SIGTERM");
      const timer = setTimeout(() => instance.process.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise((r) => (receiver ? receiver.close(r) : r(undefined)));
    await database?.drop();
  }, 20_000);

  it("one journey over A and B: draft, resume by code, one submission from two simultaneous submits, delivered exactly once", async () => {
    const laptop = new Device(APPLICANT);
    // Start on A.
    expect(await laptop.get(A.base, `/antrag/${FLOW}`)).toBe(200);
    await laptop.answer(A.base, B.base, { plz: POSTCODE });
    expect(laptop.url).toBe(`/antrag/${FLOW}/person`);
    // The first two pages alternately on B and A, then "continue later" (on A).
    await laptop.answer(B.base, A.base, persona.answers.person as StepValues);
    expect(pageKey(laptop)).toBe("bereiche");
    await laptop.answer(A.base, B.base, persona.answers.bereiche as StepValues);
    expect(await laptop.get(A.base, `/antrag/${FLOW}/spaeter`)).toBe(200);
    const code = laptop.document.querySelector(".code-display")?.text.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){4}$/);

    // Another device resumes by code on B, and answers the rest alternately.
    const phone = new Device(PHONE);
    expect(await phone.get(B.base, "/fortsetzen")).toBe(200);
    const resumed = await phone.post(B.base, "/fortsetzen", [["csrf", phone.csrf()], ["code", code!]]);
    expect(resumed.status).toBe(302);
    expect(await phone.get(A.base, resumed.headers.get("location")!)).toBe(200);
    expect(pageKey(phone)).toBe("vermoegensereignisse");
    const answered: string[] = [];
    for (let turn = 0; pageKey(phone) !== "pruefen"; turn++) {
      if (turn > 20) throw new Error("the flow did not reach the check-answers page");
      const key = pageKey(phone);
      expect(answered, `${key} shown twice`).not.toContain(key);
      answered.push(key);
      const [postTo, followOn] = turn % 2 ? [A.base, B.base] : [B.base, A.base];
      await phone.answer(postTo, followOn, persona.answers[key] as StepValues);
    }
    expect(answered).toEqual(["vermoegensereignisse", "kontoKontakt", "vermoegen", "verkauf", "versicherungsleistung", "konto", "kontakt", "weiteres"]);
    // Everything answered on both instances is there, whichever shows the check page.
    for (const base of [A.base, B.base]) {
      expect(await phone.get(base, `/antrag/${FLOW}/pruefen`)).toBe(200);
      expect(phone.html).toContain("Yılmaz"); // answered by the laptop
      expect(phone.html).toContain("fatma.yilmaz@example.org"); // answered by the phone
    }

    // Submit on A and B at the same moment: one submission, both answers lead to it.
    const form: [string, string][] = [["csrf", phone.csrf()], ["erklaerung", "ja"]];
    const [onA, onB] = await Promise.all([A, B].map((i) => phone.post(i.base, `/antrag/${FLOW}/pruefen`, form)));
    expect([onA.status, onB.status]).toEqual([302, 302]);
    const receipt = onA.headers.get("location")!;
    expect(receipt).toMatch(/^\/eingang\/[0-9a-f-]{36}$/);
    expect(onB.headers.get("location")).toBe(receipt);
    expect(await phone.get(B.base, receipt)).toBe(200);
    expect(phone.document.querySelector(".reference")?.text.trim()).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const submissions = await client.query<{ id: string }>("select id from submissions");
      expect(submissions.rows.map((r) => r.id)).toEqual([receipt.split("/")[2]]);
      // Both delivery workers run every 5 s; the entries are claimed, so each is delivered once.
      const deadline = Date.now() + 25_000;
      let outbox: { connector: string; state: string; attempts: number }[] = [];
      for (;;) {
        outbox = (await client.query("select connector, state, attempts from outbox order by connector")).rows;
        if (outbox.length > 0 && outbox.every((e) => e.state === "delivered")) break;
        if (Date.now() > deadline) throw new Error(`outbox not delivered in time: ${JSON.stringify(outbox)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(outbox.map((e) => e.connector)).toEqual(["https:0", "inbox"]);
      // The inbox is the portal's own (delivered with the submission); the connector took one attempt.
      expect(outbox.find((e) => e.connector === "https:0")?.attempts).toBe(1);
    } finally {
      await client.end();
    }
    // One more round of both workers: still one delivery at the receiver.
    await new Promise((r) => setTimeout(r, 5_500));
    expect(deliveries).toHaveLength(1);
    for (const instance of [A, B]) {
      const health = await waitHealthy(instance, Date.now() + 5_000);
      expect(health.outbox).toEqual({ pending: 0, retrying: 0, delivered: 2, failed: 0 });
    }
  }, 50_000);

  it("rate limits are shared: resume-code guesses and sign-in failures split across A and B are refused on either past the limit", async () => {
    const attacker = new Device(ATTACKER);
    await attacker.get(A.base, "/fortsetzen");
    const guess = (instance: Instance) => attacker.post(instance.base, "/fortsetzen", [["csrf", attacker.csrf()], ["code", "2345-6789-ABCD-EFGH-JKMN"]]).then(async (r) => (await r.arrayBuffer(), r.status));
    // RESUME_ATTEMPTS (3) wrong codes, split across the two instances: each is a plain "not found".
    expect([await guess(A), await guess(B), await guess(A)]).toEqual([400, 400, 400]);
    // The fourth is refused on either instance, and so are the status look-ups (same limiter).
    expect(await guess(B)).toBe(429);
    expect(await guess(A)).toBe(429);
    await attacker.get(B.base, "/stand");
    const lookup = await attacker.post(B.base, "/stand", [["csrf", attacker.csrf()], ["referenz", "23456789"], ["code", "2345-6789-ABCD"]]);
    await lookup.arrayBuffer();
    expect(lookup.status).toBe(429);
    // Another address is not affected.
    const other = new Device("198.51.100.5");
    await other.get(B.base, "/fortsetzen");
    const fine = await other.post(B.base, "/fortsetzen", [["csrf", other.csrf()], ["code", "2345-6789-ABCD-EFGH-JKMN"]]);
    await fine.arrayBuffer();
    expect(fine.status).toBe(400);

    // Caseworker sign-in: 5 failures free per address (ADR 0020), counted across both instances.
    const guesser = new Device(GUESSER);
    await guesser.get(A.base, "/sachbearbeitung/anmelden");
    const signIn = (instance: Instance) => guesser.post(instance.base, "/sachbearbeitung/anmelden", [
      ["csrf", guesser.csrf()], ["schritt", "passwort"], ["email", "niemand@example.org"], ["password", "falsch-falsch-falsch"],
    ]).then(async (r) => (await r.arrayBuffer(), { status: r.status }));
    const statuses = [];
    for (const instance of [A, B, A, B, A]) statuses.push((await signIn(instance)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // After the 5th failure the address waits 1 s, then 2 s, 4 s… from its last failure. Under
    // load a sign-in takes longer than the first wait, so the next attempts alternate between
    // the instances until one is refused: with counts kept per instance (3 on A, 2 on B) none
    // of the next three would ever be.
    const next: number[] = [];
    for (const instance of [B, A, B]) {
      next.push((await signIn(instance)).status);
      if (next.at(-1) === 429) break;
    }
    expect(next.at(-1), `statuses after the 5th failure: ${next.join(", ")}`).toBe(429);
  }, 30_000);
});
