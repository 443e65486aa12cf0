/**
 * The caseworker workflow on SQLite and PostgreSQL: statuses and who may move them, four-eyes
 * sign-off of an Erstantrag, stale and double actions, Nachforderung with its validation, the
 * Nachreichung that answers it, the applicant's Zugangscode, the ZIP export.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit, recordAudit } from "~/caseworker/audit.server";
import { workedBy } from "~/caseworker/case-history.server";
import { handleSubmissionAction } from "~/caseworker/submission-actions.server";
import type { Authenticated } from "~/caseworker/sessions.server";
import { exportZip } from "~/caseworker/export.server";
import { listInbox, parseFilters } from "~/caseworker/inbox.server";
import { createNachforderung, listNachforderungen, nachforderungSchema, requestableSlots } from "~/caseworker/nachforderung.server";
import { refreshMissingNachweise } from "~/uploads/missing.server";
import { zip } from "~/caseworker/zip.server";
import { allowedActions, applyAction, FreigabeRefusedError, freigabeBlocker, loadWorkflow, WorkflowConflictError, WorkflowForbiddenError } from "~/caseworker/workflow.server";
import { csrfTokenFor } from "~/security/csrf.server";
import type { DB } from "~/store/db.server";
import { syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import { getSubmissionModel, type StoredSubmission } from "~/store/submissions.server";
import { getJobcenter } from "~/store/jobcenters.server";
import { accessCode, formatAccessCode } from "~/submission/status-access.server";
import { submitNachreichung } from "~/uploads/nachreichung.server";
import { storeDrivers } from "../fixtures/databases";
import { seedCaseworker, seedSubmission } from "../fixtures/seed";

const JC1 = "demo-musterstadt";
const JC2 = "demo-beispielkreis";
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.each(storeDrivers("workflow"))("workflow on $name", (driver) => {
  let db: DB;
  let drop: () => Promise<void>;
  let people: Record<"sb" | "sb2" | "tl" | "tl2" | "admin" | "fremd", Awaited<ReturnType<typeof seedCaseworker>>["caseworker"]>;

  beforeAll(async () => {
    ({ db, drop } = await driver.open());
    await migrate(db);
    await syncJobcenters(db);
    const make = async (jc: string, name: string, role: "sachbearbeitung" | "teamleitung" | "administration") => (await seedCaseworker(db, jc, name, role)).caseworker;
    people = {
      sb: await make(JC1, "Sachbearbeiterin", "sachbearbeitung"), sb2: await make(JC1, "Kollege", "sachbearbeitung"),
      tl: await make(JC1, "Teamleiterin", "teamleitung"), tl2: await make(JC1, "Teamleiter Zwei", "teamleitung"),
      admin: await make(JC1, "Admin", "administration"), fremd: await make(JC2, "Fremd", "teamleitung"),
    };
  });
  afterAll(async () => { await db.destroy(); await drop(); });

  it("the database refuses to change or delete audit entries", async () => {
    const row = await db.selectFrom("audit_log").select("id").executeTakeFirst();
    expect(row).toBeUndefined();
    await applyAction(db, people.sb, (await seedSubmission(db, JC1, "WFAUDI22")).id, { action: "uebernehmen", seen: "eingegangen" });
    const entry = await db.selectFrom("audit_log").select(["id", "action"]).executeTakeFirstOrThrow();
    await expect(db.updateTable("audit_log").set({ action: "anmeldung" }).where("id", "=", entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_log").where("id", "=", entry.id).execute()).rejects.toThrow(/append-only/);
    expect((await db.selectFrom("audit_log").select("action").where("id", "=", entry.id).executeTakeFirstOrThrow()).action).toBe(entry.action);
  });

  it("an Erstantrag closes only with a Freigabe of a different Teamleitung", async () => {
    const s = await seedSubmission(db, JC1, "WFERST22", "erstantrag");
    expect(await applyAction(db, people.sb, s.id, { action: "uebernehmen", seen: "eingegangen" })).toBe("in_bearbeitung");
    expect(await applyAction(db, people.sb, s.id, { action: "vollstaendig", seen: "in_bearbeitung" })).toBe("vollstaendig");
    const state = (await loadWorkflow(db, JC1, s.id))!;
    expect(state.completedBy).toBe(people.sb.id);
    // Nobody may simply close an Erstantrag; the caseworker cannot approve; an administrator neither.
    expect(allowedActions(state, people.sb).has("abschliessen")).toBe(false);
    for (const who of [people.sb, people.admin]) {
      await expect(applyAction(db, who, s.id, { action: "freigeben", seen: "vollstaendig" })).rejects.toBeInstanceOf(WorkflowForbiddenError);
    }
    // A Teamleitung who worked on it (assigned) cannot approve their own work.
    await applyAction(db, people.tl, s.id, { action: "uebernehmen", seen: "vollstaendig" });
    await expect(applyAction(db, people.tl, s.id, { action: "freigeben", seen: "vollstaendig" })).rejects.toBeInstanceOf(WorkflowForbiddenError);
    // Another jobcenter's Teamleitung does not even find it.
    await expect(applyAction(db, people.fremd, s.id, { action: "freigeben", seen: "vollstaendig" })).rejects.toBeInstanceOf(WorkflowForbiddenError);
    expect(await applyAction(db, people.tl2, s.id, { action: "freigeben", seen: "vollstaendig" })).toBe("abgeschlossen");
    const closed = (await loadWorkflow(db, JC1, s.id))!;
    expect(closed).toMatchObject({ status: "abgeschlossen", approvedBy: people.tl2.id, completedBy: people.sb.id });
    expect(allowedActions(closed, people.tl).size).toBe(0);
    const actions = (await listAudit(db, JC1, { submissionId: s.id })).map((a) => a.action);
    expect(actions).toContain("freigabe_erteilt");
    expect(actions.filter((a) => a === "status_geaendert").length).toBeGreaterThanOrEqual(2);
  });

  describe("four eyes over the whole history: every path to the Freigabe", () => {
    type Person = (typeof people)["sb"];
    const act = (who: Person, id: string, action: Parameters<typeof applyAction>[3]["action"], seen: string, assignee?: string) =>
      applyAction(db, who, id, { action, seen, assignee });
    const refusal = async (who: Person, id: string) => {
      const error = await act(who, id, "freigeben", "vollstaendig").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FreigabeRefusedError);
      return (error as FreigabeRefusedError).blocker;
    };
    const blockerFor = async (who: Person, id: string) => freigabeBlocker((await loadWorkflow(db, JC1, id))!, who);

    it("take → complete → Freigabe by the same Teamleitung is refused", async () => {
      const s = await seedSubmission(db, JC1, "WF4AUG01", "erstantrag");
      await act(people.tl, s.id, "uebernehmen", "eingegangen");
      await act(people.tl, s.id, "vollstaendig", "in_bearbeitung");
      expect(await refusal(people.tl, s.id)).toBe("selbst");
      expect(allowedActions((await loadWorkflow(db, JC1, s.id))!, people.tl).has("freigeben")).toBe(false);
      expect(await act(people.tl2, s.id, "freigeben", "vollstaendig")).toBe("abgeschlossen");
    });

    it("take → complete → back to work → assign to a colleague → colleague completes → the first Teamleitung is refused, a third person signs off", async () => {
      const s = await seedSubmission(db, JC1, "WF4AUG02", "erstantrag");
      await act(people.tl, s.id, "uebernehmen", "eingegangen");
      await act(people.tl, s.id, "vollstaendig", "in_bearbeitung");
      await act(people.tl, s.id, "bearbeiten", "vollstaendig");
      await act(people.tl, s.id, "zuweisen", "in_bearbeitung", people.sb2.id);
      await act(people.sb2, s.id, "vollstaendig", "in_bearbeitung");
      // The columns no longer name the Teamleitung: only the history does.
      const state = (await loadWorkflow(db, JC1, s.id))!;
      expect(state).toMatchObject({ assignedTo: people.sb2.id, completedBy: people.sb2.id });
      expect(state.workedBy).toEqual(expect.arrayContaining([people.tl.id, people.sb2.id]));
      expect(state.workedBy).not.toContain(people.tl2.id);
      expect(freigabeBlocker(state, people.tl)).toBe("verlauf");
      expect(allowedActions(state, people.tl).has("freigeben")).toBe(false);
      expect(await refusal(people.tl, s.id)).toBe("verlauf");
      expect((await loadWorkflow(db, JC1, s.id))!.status).toBe("vollstaendig");
      // A Teamleitung who never touched it may.
      expect(allowedActions(state, people.tl2).has("freigeben")).toBe(true);
      expect(await act(people.tl2, s.id, "freigeben", "vollstaendig")).toBe("abgeschlossen");
      expect((await loadWorkflow(db, JC1, s.id))!.approvedBy).toBe(people.tl2.id);
    });

    it("assigning alone is not working the case: a Teamleitung who only distributed it may sign off", async () => {
      const s = await seedSubmission(db, JC1, "WF4AUG03", "erstantrag");
      await act(people.tl, s.id, "zuweisen", "eingegangen", people.sb.id);
      await act(people.tl, s.id, "zuweisen", "in_bearbeitung", people.sb2.id);
      await act(people.sb2, s.id, "vollstaendig", "in_bearbeitung");
      const entries = await listAudit(db, JC1, { submissionId: s.id });
      expect(entries.find((e) => e.action === "status_geaendert" && e.caseworkerId === people.tl.id)?.detail).toMatchObject({ anlass: "zuweisen" });
      const state = (await loadWorkflow(db, JC1, s.id))!;
      expect(state.workedBy).not.toContain(people.tl.id);
      // …but whoever it was assigned to had the case, even if reassigned before doing anything.
      expect(state.workedBy).toEqual(expect.arrayContaining([people.sb.id, people.sb2.id]));
      expect(await act(people.tl, s.id, "freigeben", "vollstaendig")).toBe("abgeschlossen");
    });

    it("a Teamleitung once assigned, or who asked for documents, or reviewed a Nachreichung, is refused", async () => {
      // Assigned by a colleague, reassigned without doing anything: had the case.
      const assigned = await seedSubmission(db, JC1, "WF4AUG04", "erstantrag");
      await act(people.sb, assigned.id, "zuweisen", "eingegangen", people.tl.id);
      await act(people.sb, assigned.id, "uebernehmen", "in_bearbeitung");
      await act(people.sb, assigned.id, "vollstaendig", "in_bearbeitung");
      expect(await refusal(people.tl, assigned.id)).toBe("verlauf");

      // Asked for documents (Nachforderung), then the caseworker took over.
      const requested = await seedSubmission(db, JC1, "WF4AUG05", "erstantrag", { missingNachweise: 5 });
      const model = await getSubmissionModel(db, requested.id);
      await createNachforderung(db, people.tl, (await loadWorkflow(db, JC1, requested.id))!, model,
        { nachweise: [requestableSlots(model)[0].slot], notiz: "", frist: inDays(14) }, 0);
      await act(people.sb, requested.id, "uebernehmen", "unterlagen_angefordert");
      await act(people.sb, requested.id, "vollstaendig", "unterlagen_angefordert");
      expect(await refusal(people.tl, requested.id)).toBe("verlauf");

      // Marked the Nachreichung as reviewed ("gesichtet").
      const reviewed = await seedSubmission(db, JC1, "WF4AUG06", "erstantrag");
      await act(people.sb, reviewed.id, "uebernehmen", "eingegangen");
      await db.updateTable("submissions").set({ flagged: 1 }).where("id", "=", reviewed.id).execute();
      await act(people.tl, reviewed.id, "gesichtet", "in_bearbeitung");
      await act(people.sb, reviewed.id, "vollstaendig", "in_bearbeitung");
      expect(await refusal(people.tl, reviewed.id)).toBe("verlauf");
      for (const id of [assigned.id, requested.id, reviewed.id]) expect(await blockerFor(people.tl2, id)).toBeUndefined();
    });

    it("reading a case is not working it; a status entry without the assignment marker (older entries) counts", async () => {
      const s = await seedSubmission(db, JC1, "WF4AUG07", "erstantrag");
      await recordAudit(db, { caseworkerId: people.tl2.id, jobcenterId: JC1, submissionId: s.id, action: "antrag_angesehen" });
      await recordAudit(db, { caseworkerId: people.tl2.id, jobcenterId: JC1, submissionId: s.id, action: "pdf_heruntergeladen" });
      expect(await workedBy(db, s.id)).toEqual([]);
      await recordAudit(db, { caseworkerId: people.tl2.id, jobcenterId: JC1, submissionId: s.id, action: "status_geaendert", detail: { von: "eingegangen", nach: "in_bearbeitung" } });
      expect(await workedBy(db, s.id)).toEqual([people.tl2.id]);
    });

    it("the submission page's POST says why a Freigabe is refused", async () => {
      const s = await seedSubmission(db, JC1, "WF4AUG08", "erstantrag");
      await act(people.tl, s.id, "uebernehmen", "eingegangen");
      await act(people.tl, s.id, "zuweisen", "in_bearbeitung", people.sb.id);
      await act(people.sb, s.id, "vollstaendig", "in_bearbeitung");
      const cookie = "four-eyes-csrf";
      const request = new Request("http://localhost/x", {
        method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `csrf=${cookie}` },
        body: new URLSearchParams({ csrf: csrfTokenFor(cookie), intent: "freigeben", status: "vollstaendig" }),
      });
      const auth = { database: db, caseworker: people.tl } as Authenticated;
      const result = (await handleSubmissionAction(auth, request, s.id)) as unknown as { data: unknown; init: { status: number } };
      expect(result.init.status).toBe(403);
      expect(result.data).toEqual({ problem: "verboten", blocker: "verlauf" });
      expect((await loadWorkflow(db, JC1, s.id))!.status).toBe("vollstaendig");
    });
  });

  it("a Veränderungsmitteilung closes without four eyes; stale and repeated actions are refused", async () => {
    const s = await seedSubmission(db, JC1, "WFVAEM22");
    // A new submission is taken, not "taken back into work": that button belongs to later states.
    const fresh = (await loadWorkflow(db, JC1, s.id))!;
    expect([...allowedActions(fresh, people.sb)].sort()).toEqual(["nachfordern", "uebernehmen", "zuweisen"]);
    await expect(applyAction(db, people.sb, s.id, { action: "bearbeiten", seen: "eingegangen" })).rejects.toBeInstanceOf(WorkflowForbiddenError);
    await applyAction(db, people.sb, s.id, { action: "uebernehmen", seen: "eingegangen" });
    // The page showed "eingegangen", a colleague moved it meanwhile: conflict, not an overwrite.
    await expect(applyAction(db, people.sb2, s.id, { action: "uebernehmen", seen: "eingegangen" })).rejects.toBeInstanceOf(WorkflowConflictError);
    await applyAction(db, people.sb, s.id, { action: "vollstaendig", seen: "in_bearbeitung" });
    // A double click: the second POST carries the old status.
    await expect(applyAction(db, people.sb, s.id, { action: "vollstaendig", seen: "in_bearbeitung" })).rejects.toBeInstanceOf(WorkflowConflictError);
    expect(await applyAction(db, people.sb, s.id, { action: "abschliessen", seen: "vollstaendig" })).toBe("abgeschlossen");
    const row = await db.selectFrom("submissions").select(["first_action_at", "status_changed_at"]).where("id", "=", s.id).executeTakeFirstOrThrow();
    expect(row.first_action_at).not.toBeNull();
  });

  it("assigns only to working colleagues of the same jobcenter; the inbox filters by assignee", async () => {
    const s = await seedSubmission(db, JC1, "WFZUWE22");
    for (const bad of [people.fremd.id, people.admin.id, "00000000-0000-0000-0000-000000000000"]) {
      await expect(applyAction(db, people.sb, s.id, { action: "zuweisen", seen: "eingegangen", assignee: bad })).rejects.toBeInstanceOf(WorkflowForbiddenError);
    }
    await applyAction(db, people.sb, s.id, { action: "zuweisen", seen: "eingegangen", assignee: people.sb2.id });
    const mine = await listInbox(db, JC1, parseFilters(new URLSearchParams("zugewiesen=ich")), people.sb2.id);
    expect(mine.rows.map((r) => r.reference)).toContain("WFZUWE22");
    const nobody = await listInbox(db, JC1, parseFilters(new URLSearchParams("zugewiesen=niemand")), people.sb2.id);
    expect(nobody.rows.map((r) => r.reference)).not.toContain("WFZUWE22");
  });

  it("validates a Nachforderung: at least one listed Nachweis, note length, deadline window", () => {
    const allowed = ["ausweis", "sonstiges"];
    const schema = nachforderungSchema(allowed);
    const codes = (v: object) => {
      const r = schema.safeParse({ nachweise: ["ausweis"], notiz: "", frist: inDays(14), ...v });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(codes({})).toEqual([]);
    expect(codes({ nachweise: [] })).toEqual(["keineNachweise"]);
    expect(codes({ nachweise: ["passwort"] })).toEqual(["unbekannt"]);
    expect(codes({ notiz: "x".repeat(1001) })).toEqual(["notizZuLang"]);
    expect(codes({ frist: "2026-02-30" })).toContain("fristFormat");
    expect(codes({ frist: new Date().toISOString().slice(0, 10) })).toEqual(["fristZuFrueh"]);
    expect(codes({ frist: inDays(120) })).toEqual(["fristZuSpaet"]);
    expect(codes({ frist: tomorrow() })).toEqual([]);
  });

  it("a Nachforderung is stored encrypted, moves the status, refuses a double click; a Nachreichung answers and flags it", async () => {
    const s: StoredSubmission = await seedSubmission(db, JC1, "WFNACH22", "erstantrag", { missingNachweise: 5 });
    const model = await getSubmissionModel(db, s.id);
    const slots = requestableSlots(model);
    expect(slots.length).toBeGreaterThan(1);
    expect(slots.at(-1)!.slot).toBe("sonstiges");
    const state = (await loadWorkflow(db, JC1, s.id))!;
    const input = { nachweise: [slots[0].slot], notiz: "Bitte den Mietvertrag vollständig, alle Seiten.", frist: inDays(14) };
    await expect(createNachforderung(db, people.admin, state, model, input, 0)).rejects.toBeInstanceOf(WorkflowForbiddenError);
    await createNachforderung(db, people.sb, state, model, input, 0);
    await expect(createNachforderung(db, people.sb, state, model, input, 0)).rejects.toBeInstanceOf(WorkflowConflictError);
    const raw = await db.selectFrom("nachforderungen").selectAll().where("submission_id", "=", s.id).execute();
    expect(raw).toHaveLength(1);
    expect(raw[0].payload).not.toContain("Mietvertrag");
    const after = (await loadWorkflow(db, JC1, s.id))!;
    expect(after).toMatchObject({ status: "unterlagen_angefordert", assignedTo: people.sb.id });
    expect(after.firstActionAt).not.toBeNull();

    const sent = await submitNachreichung(db, s, getJobcenter(JC1)!, [{ nachweis: slots[0].slot, originalName: "mietvertrag.pdf", pdf: Buffer.from("%PDF-1.4\n%%EOF\n") }]);
    await refreshMissingNachweise(db, s.id, model);
    const [answered] = await listNachforderungen(db, s.id, model);
    expect(answered).toMatchObject({ nummer: 1, notiz: input.notiz, frist: input.frist });
    expect(answered.answeredAt).toBe(sent.receivedAt);
    const flagged = (await loadWorkflow(db, JC1, s.id))!;
    expect(flagged.flagged).toBe(true);
    const row = await db.selectFrom("submissions").select("missing_nachweise").where("id", "=", s.id).executeTakeFirstOrThrow();
    expect(row.missing_nachweise).toBe(checklistCount(model) - 1);
    const inbox = await listInbox(db, JC1, parseFilters(new URLSearchParams("neu=1")), people.sb.id);
    expect(inbox.rows.map((r) => r.reference)).toEqual(["WFNACH22"]);
    await applyAction(db, people.sb, s.id, { action: "gesichtet", seen: "unterlagen_angefordert" });
    expect((await loadWorkflow(db, JC1, s.id))!.flagged).toBe(false);
  });

  it("exports a ZIP that unzip accepts, with the sealed documents, the Nachreichung and manifests whose hashes match", async () => {
    const s = (await db.selectFrom("submissions").select("id").where("reference", "=", "WFNACH22").executeTakeFirstOrThrow()).id;
    const sub = (await db.selectFrom("submissions").selectAll().where("id", "=", s).executeTakeFirstOrThrow());
    const exported = await exportZip(db, { id: sub.id, reference: sub.reference, flow: sub.flow, formVersion: sub.form_version, rechtsstand: sub.rechtsstand, jobcenterId: sub.jobcenter_id, language: sub.language, receivedAt: sub.received_at, status: sub.status });
    const dir = mkdtempSync(join(tmpdir(), "export-"));
    const file = join(dir, exported.fileName);
    writeFileSync(file, exported.bytes);
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    execFileSync("unzip", ["-q", file, "-d", dir]);
    const manifest = JSON.parse(readFileSync(join(dir, "WFNACH22", "manifest.json"), "utf8"));
    expect(manifest.dateien.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(["antrag.xml", "antrag.pdf"]));
    for (const d of manifest.dateien as { name: string; sha256: string }[]) {
      const bytes = readFileSync(join(dir, "WFNACH22", d.name));
      expect(createHash("sha256").update(bytes).digest("hex"), d.name).toBe(d.sha256);
    }
    const later = JSON.parse(readFileSync(join(dir, "WFNACH22-nachreichung-1", "manifest.json"), "utf8"));
    expect(later.art).toBe("nachreichung");
    expect(later.dateien).toHaveLength(2);
  });
});

function checklistCount(model: unknown): number {
  return requestableSlots(model).filter((s) => s.slot !== "sonstiges").length;
}

describe("Zugangscode and ZIP writer", () => {
  it("derives a stable 12-symbol code per submission that differs between submissions", () => {
    const a = accessCode("11111111-1111-1111-1111-111111111111");
    expect(a).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$/);
    expect(accessCode("11111111-1111-1111-1111-111111111111")).toBe(a);
    expect(accessCode("22222222-2222-2222-2222-222222222222")).not.toBe(a);
    expect(formatAccessCode(a)).toMatch(/^\w{4}-\w{4}-\w{4}$/);
  });

  it("writes UTF-8 names, stores incompressible data and refuses unsafe names", () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-"));
    const random = randomBytes(5000);
    const file = join(dir, "t.zip");
    writeFileSync(file, zip([{ name: "a/Überweisung.txt", bytes: Buffer.from("Grüße ".repeat(100)) }, { name: "a/zufall.bin", bytes: random }]));
    // Python's zipfile reads the UTF-8 flag (bit 11) independent of the locale unzip runs in.
    const names = execFileSync("python3", ["-c", "import sys, zipfile; print('|'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", file], { encoding: "utf8" }).trim();
    expect(names).toBe("a/Überweisung.txt|a/zufall.bin");
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    expect(execFileSync("unzip", ["-p", file, "a/zufall.bin"]).equals(random)).toBe(true);
    for (const name of ["../x", "/etc/x", "a\\b"]) expect(() => zip([{ name, bytes: Buffer.alloc(1) }])).toThrow();
    expect(() => zip([{ name: "x", bytes: Buffer.alloc(1) }, { name: "x", bytes: Buffer.alloc(1) }])).toThrow();
  });
});
