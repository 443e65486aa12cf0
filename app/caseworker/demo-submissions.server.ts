/**
 * Demo submissions for the demo jobcenters, so a first start shows a working inbox and a
 * dashboard with something to read: twelve weeks of submissions built from the test personas,
 * sealed through the real pipeline, and worked by the demo accounts (taken, Nachweise requested,
 * marked complete, signed off) at plausible times. Only for demo jobcenters, only when the
 * jobcenter has no submission yet, never in production mode. The people are fictional and the
 * jobcenters say "(Demo)" in their name.
 */
import { randomUUID } from "node:crypto";
import { getFlow } from "~/flows/registry.server";
import { randomCode } from "~/security/crypto.server";
import type { DB } from "~/store/db.server";
import { createDraft } from "~/store/drafts.server";
import { commitSubmission, getSubmissionModel, type StoredSubmission } from "~/store/submissions.server";
import { buildDocument } from "~/submission/build-document.server";
import { DOCUMENT_KINDS, type Fachdaten } from "~/submission/document";
import { produceDocuments } from "~/submission/pipeline.server";
import type { Jobcenter } from "~/tenants/jobcenter";
import { checklistOfModel, checklistSlots, keyOfSlot } from "~/uploads/checklist";
import { anlagenOf } from "~/uploads/nachreichung.server";
import { sealUpload, type UploadInfo } from "~/uploads/store.server";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { findCaseworkerByEmail, type Caseworker } from "./accounts.server";
import { demoAccounts } from "./demo.server";
import { createNachforderung, requestableSlots } from "./nachforderung.server";
import { applyAction, loadWorkflow, needsFourEyes } from "./workflow.server";

export interface DemoSample {
  flow: string;
  model: Fachdaten;
  rechtsstand: string;
  language: string;
}

export const DEMO_WEEKS = 12;
const HOUR = 3_600_000;

/** A small deterministic generator: the same demo data on every machine. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

async function demoStaff(db: DB, jobcenter: Jobcenter): Promise<{ sb: Caseworker; tl: Caseworker } | undefined> {
  const accounts = demoAccounts([jobcenter]);
  const sb = await findCaseworkerByEmail(db, accounts.find((a) => a.role === "sachbearbeitung")!.email);
  const tl = await findCaseworkerByEmail(db, accounts.find((a) => a.role === "teamleitung")!.email);
  return sb && tl ? { sb, tl } : undefined;
}

let demoPdf: Buffer | undefined;

/** One page that says what it is: the file every demo Nachweis carries. */
async function demoNachweisPdf(): Promise<Buffer> {
  if (!demoPdf) {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([595, 842]).drawText("Demo-Nachweis (fiktiv) - Antragsportal Demo-Daten", { x: 60, y: 760, size: 14, font });
    pdf.setTitle("Demo-Nachweis");
    demoPdf = Buffer.from(await pdf.save({ useObjectStreams: false }));
  }
  return demoPdf;
}

/** Stores a sealed demo submission; with `withFiles`, every checklist slot gets the demo file. */
async function store(db: DB, jobcenter: Jobcenter, sample: DemoSample, receivedAt: Date, withFiles: boolean): Promise<StoredSubmission> {
  const flow = getFlow(sample.flow)!;
  const slots = checklistSlots(checklistOfModel(sample.model));
  for (;;) {
    const id = randomUUID();
    const reference = randomCode(8);
    const owner = { kind: "submission", submissionId: id } as const;
    const files = withFiles ? await Promise.all(slots.map(async (s, i) => sealUpload(owner, { nachweis: s.slot, originalName: `Demo-${s.key}.pdf`, pdf: await demoNachweisPdf() }, receivedAt, i))) : [];
    const infos: UploadInfo[] = files.map((f) => ({ id: f.id, nachweis: f.nachweis, originalName: `${f.nachweis}.pdf`, fileName: `Demo-${keyOfSlot(f.nachweis)}.pdf`, size: f.size, sha256: f.sha256, createdAt: f.created_at, nachreichungId: null }));
    const doc = buildDocument({ reference, flow, rechtsstand: sample.rechtsstand, receivedAt, language: sample.language, jobcenter, model: sample.model, anlagen: anlagenOf(infos) });
    const sealed = await produceDocuments(doc, jobcenter);
    const draft = await createDraft(db, { flow: flow.id, jobcenterId: jobcenter.id, language: sample.language, ttlDays: 1 });
    const result = await commitSubmission(db, {
      id, reference, draftId: draft.id, flow: flow.id, formVersion: flow.formVersion, rechtsstand: sample.rechtsstand,
      jobcenterId: jobcenter.id, language: sample.language, receivedAt, model: sample.model, connectors: ["inbox"],
      missingNachweise: withFiles ? 0 : slots.length, dueDate: flow.document.dueDate?.(sample.model),
      documents: [{ ...DOCUMENT_KINDS.xml, bytes: sealed.xml }, { ...DOCUMENT_KINDS.pdf, bytes: sealed.pdf }],
      alsoInTransaction: async (trx) => {
        for (const f of files) await trx.insertInto("uploads").values({ ...f, draft_id: null, submission_id: id, nachreichung_id: null }).execute();
      },
    });
    if (result !== "reference-taken") return result;
  }
}

/** Works one submission up to a stage, each step some hours after the one before. */
async function work(db: DB, staff: { sb: Caseworker; tl: Caseworker }, s: StoredSubmission, stage: number, start: Date, random: () => number, now: Date) {
  let at = new Date(start.getTime() + (2 + random() * 70) * HOUR);
  const step = () => { at = new Date(at.getTime() + (4 + random() * 44) * HOUR); };
  if (stage < 1 || at > now) return;
  await applyAction(db, staff.sb, s.id, { action: "uebernehmen", seen: "eingegangen" }, at);
  step();
  const model = await getSubmissionModel(db, s.id);
  const slots = requestableSlots(model);
  const missing = (await db.selectFrom("submissions").select("missing_nachweise").where("id", "=", s.id).executeTakeFirstOrThrow()).missing_nachweise ?? 0;
  if (stage >= 2 && at < now && missing > 0 && random() < 0.7) {
    const state = (await loadWorkflow(db, s.jobcenterId, s.id))!;
    const frist = new Date(at.getTime() + 14 * 24 * HOUR).toISOString().slice(0, 10);
    await createNachforderung(db, staff.sb, state, model, { nachweise: [slots[0].slot], notiz: "", frist }, 0, at);
    step();
  }
  if (stage < 3 || at > now) return;
  const status = (await loadWorkflow(db, s.jobcenterId, s.id))!.status;
  if (status === "unterlagen_angefordert") { await applyAction(db, staff.sb, s.id, { action: "bearbeiten", seen: status }, at); step(); }
  if (at > now) return;
  await applyAction(db, staff.sb, s.id, { action: "vollstaendig", seen: "in_bearbeitung" }, at);
  step();
  if (stage < 4 || at > now) return;
  const fourEyes = needsFourEyes(s);
  await applyAction(db, fourEyes ? staff.tl : staff.sb, s.id, { action: fourEyes ? "freigeben" : "abschliessen", seen: "vollstaendig" }, at);
}

/**
 * Seeds a demo jobcenter that has no submissions yet. Returns how many were created (0 if it
 * already had some, is not a demo jobcenter, lacks its demo accounts, or in production).
 */
export async function seedDemoSubmissions(db: DB, jobcenter: Jobcenter, samples: readonly DemoSample[], nodeEnv: string, now: Date = new Date()): Promise<number> {
  if (nodeEnv === "production" || !jobcenter.demo || samples.length === 0) return 0;
  const existing = await db.selectFrom("submissions").select("id").where("jobcenter_id", "=", jobcenter.id).limit(1).execute();
  const staff = await demoStaff(db, jobcenter);
  if (existing.length > 0 || !staff) return 0;
  const random = prng([...jobcenter.id].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
  let count = 0;
  for (let week = DEMO_WEEKS - 1; week >= 0; week--) {
    const perWeek = 3 + Math.floor(random() * 6);
    for (let i = 0; i < perWeek; i++) {
      const receivedAt = new Date(now.getTime() - (week * 7 + random() * 7) * 24 * HOUR);
      if (receivedAt > now) continue;
      const sample = samples[Math.floor(random() * samples.length)];
      const s = await store(db, jobcenter, sample, receivedAt, random() < 0.4);
      // Older submissions are further along: the last week is mostly new, three months back mostly closed.
      const age = week + random() * 2;
      const stage = age < 1 ? Math.floor(random() * 2) : age < 3 ? 1 + Math.floor(random() * 3) : age < 6 ? 2 + Math.floor(random() * 3) : random() < 0.85 ? 4 : 3;
      await work(db, staff, s, Math.min(stage, 4), receivedAt, random, now);
      count++;
    }
  }
  return count;
}
