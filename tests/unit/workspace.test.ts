/**
 * The caseworker workspace (ADR 0029) on SQLite and PostgreSQL: saved views, the urgency order
 * (a Nachforderung's deadline or a renewal's new period, whichever comes first), previous/next
 * within a view — also after the submission left it —, and never another jobcenter's
 * submission. Without the databases: the list context in URLs, the language guess and the
 * points for the caseworker's attention that the flows compute.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseAttention, markForeignText } from "~/caseworker/attention.server";
import { listInbox, neighbours, parseFilters } from "~/caseworker/inbox.server";
import { probablyNotGerman } from "~/caseworker/language-guess";
import { createNachforderung } from "~/caseworker/nachforderung.server";
import { inView, listQuery } from "~/caseworker/paths";
import { structuredData } from "~/caseworker/view.server";
import { applyAction, loadWorkflow } from "~/caseworker/workflow.server";
import type { DB } from "~/store/db.server";
import { getJobcenter, syncJobcenters } from "~/store/jobcenters.server";
import { migrate } from "~/store/migrations.server";
import type { StoredSubmission } from "~/store/submissions.server";
import { storeDrivers } from "../fixtures/databases";
import { erstantragDocuments, personaDocuments, weiterbewilligungDocuments } from "../fixtures/documents";
import { seedCaseworker, seedSubmission } from "../fixtures/seed";

const JC1 = "demo-musterstadt";
const JC2 = "demo-beispielkreis";
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe.each(storeDrivers("workspace"))("the caseworker workspace on $name", (driver) => {
  let db: DB;
  let drop: () => Promise<void>;
  let people: Record<"sb" | "sb2" | "tl", Awaited<ReturnType<typeof seedCaseworker>>["caseworker"]>;
  const s: Record<string, StoredSubmission> = {};
  const refs = (rows: { reference: string }[]) => rows.map((r) => r.reference);
  const view = async (ansicht: string, me = people.sb.id, extra = "") => refs((await listInbox(db, JC1, parseFilters(new URLSearchParams(`ansicht=${ansicht}${extra}`)), me)).rows);

  beforeAll(async () => {
    ({ db, drop } = await driver.open());
    await migrate(db);
    await syncJobcenters(db);
    people = {
      sb: (await seedCaseworker(db, JC1, "Sachbearbeiterin", "sachbearbeitung")).caseworker,
      sb2: (await seedCaseworker(db, JC1, "Kollege", "sachbearbeitung")).caseworker,
      tl: (await seedCaseworker(db, JC1, "Teamleiterin", "teamleitung")).caseworker,
    };
    s.A = await seedSubmission(db, JC1, "WSAAAA22", "veraenderung", { receivedAt: daysAgo(5) });
    s.B = await seedSubmission(db, JC1, "WSBBBB22", "veraenderung", { receivedAt: daysAgo(4) });
    s.C = await seedSubmission(db, JC1, "WSCCCC22", "erstantrag", { receivedAt: daysAgo(3) });
    s.D = await seedSubmission(db, JC1, "WSDDDD22", "veraenderung", { receivedAt: daysAgo(2) });
    s.E = await seedSubmission(db, JC1, "WSEEEE22", "veraenderung", { receivedAt: daysAgo(1) });
    s.F = await seedSubmission(db, JC1, "WSFFFF22", "veraenderung", { receivedAt: new Date() });
    s.X = await seedSubmission(db, JC2, "WSXXXX22", "veraenderung", { receivedAt: daysAgo(1) });
    // B: taken, Nachweise requested with a deadline in 3 days.
    await applyAction(db, people.sb, s.B.id, { action: "uebernehmen", seen: "eingegangen" });
    const stateB = (await loadWorkflow(db, JC1, s.B.id))!;
    await createNachforderung(db, people.sb, stateB, {}, { nachweise: ["sonstiges"], notiz: "", frist: inDays(3) }, 0);
    // C: an Erstantrag marked complete: it waits for a Teamleitung's Freigabe.
    await applyAction(db, people.sb, s.C.id, { action: "uebernehmen", seen: "eingegangen" });
    await applyAction(db, people.sb, s.C.id, { action: "vollstaendig", seen: "in_bearbeitung" });
    // D: the colleague's, with new documents from the applicant.
    await applyAction(db, people.sb2, s.D.id, { action: "uebernehmen", seen: "eingegangen" });
    await db.updateTable("submissions").set({ flagged: 1 }).where("id", "=", s.D.id).execute();
    // E and F: renewals by their due date (the new period), in 10 and in 60 days; X: another jobcenter's, due tomorrow.
    await db.updateTable("submissions").set({ due_date: inDays(10) }).where("id", "=", s.E.id).execute();
    await db.updateTable("submissions").set({ due_date: inDays(60) }).where("id", "=", s.F.id).execute();
    await db.updateTable("submissions").set({ due_date: inDays(1) }).where("id", "=", s.X.id).execute();
  });
  afterAll(async () => { await db.destroy(); await drop(); });

  it("saved views select what their names say, only in the own jobcenter", async () => {
    expect(await view("neu")).toEqual(["WSFFFF22", "WSEEEE22", "WSAAAA22"]);
    expect(await view("meine")).toEqual(["WSCCCC22", "WSBBBB22"]);
    expect(await view("meine", people.sb2.id)).toEqual(["WSDDDD22"]);
    expect(await view("nachweise")).toEqual(["WSDDDD22"]);
    // Due within 14 days, the most urgent first: B's deadline (3 days), then E's new period (10 days); F (60 days) is not.
    expect(await view("frist")).toEqual(["WSBBBB22", "WSEEEE22"]);
    // The Teamleitung's queue: complete Erstanträge; not for the person who completed it.
    expect(await view("freigaben", people.tl.id)).toEqual(["WSCCCC22"]);
    expect(await view("freigaben", people.sb.id)).toEqual([]);
    // A view and a filter together; an unknown view is no view.
    expect(await view("neu", people.sb.id, "&verfahren=erstantrag")).toEqual([]);
    expect(parseFilters(new URLSearchParams("ansicht=alles")).view).toBeUndefined();
    expect(parseFilters(new URLSearchParams("ansicht=frist")).sort).toBe("faellig");
    expect(parseFilters(new URLSearchParams("ansicht=frist&sortierung=neu")).sort).toBe("neu");
  });

  it("orders by urgency: the earlier of a Nachforderung's deadline and the new period, then the oldest", async () => {
    const page = await listInbox(db, JC1, parseFilters(new URLSearchParams("sortierung=faellig")), people.sb.id);
    expect(refs(page.rows)).toEqual(["WSBBBB22", "WSEEEE22", "WSFFFF22", "WSAAAA22", "WSCCCC22", "WSDDDD22"]);
    const b = page.rows.find((r) => r.reference === "WSBBBB22")!;
    expect(b.requestDeadline).toBe(inDays(3));
    expect(b.status).toBe("unterlagen_angefordert");
  });

  it("previous and next follow the view, and go on from where a submission stood after it left the view", async () => {
    const neu = parseFilters(new URLSearchParams("ansicht=neu"));
    expect(await neighbours(db, JC1, neu, people.sb.id, s.E.id)).toEqual({ previous: s.F.id, next: s.A.id, position: 2, total: 3 });
    expect(await neighbours(db, JC1, neu, people.sb.id, s.F.id)).toEqual({ previous: undefined, next: s.E.id, position: 1, total: 3 });
    // Taking E moves it out of "Neu": "next" is still A, the one after where E stood.
    await applyAction(db, people.sb, s.E.id, { action: "uebernehmen", seen: "eingegangen" });
    expect(await neighbours(db, JC1, neu, people.sb.id, s.E.id)).toEqual({ previous: s.F.id, next: s.A.id, total: 2 });
    // A search walks its matches; another jobcenter's submission has no place in any view.
    const search = parseFilters(new URLSearchParams("suche=WSAAAA22"));
    expect(await neighbours(db, JC1, search, people.sb.id, s.A.id)).toEqual({ previous: undefined, next: undefined, position: 1, total: 1 });
    expect(await neighbours(db, JC1, parseFilters(new URLSearchParams("")), people.sb.id, s.X.id)).toEqual({ total: 6 });
  });
});

describe("the inbox view travels with the submission", () => {
  it("keeps filters, search, order and view, drops the page and the message", () => {
    expect(listQuery("?ansicht=neu&seite=3&meldung=uebernehmen&suche=&verfahren=erstantrag")).toBe("ansicht=neu&verfahren=erstantrag");
    expect(inView("/sachbearbeitung/antrag/x", "ansicht=neu", { meldung: "vollstaendig" })).toBe("/sachbearbeitung/antrag/x?ansicht=neu&meldung=vollstaendig");
    expect(inView("/sachbearbeitung", "")).toBe("/sachbearbeitung");
  });
});

describe("free text that is probably not German", () => {
  it.each([
    ["سيارتي معطلة منذ شهر", "ar", true],
    ["Моя квартира слишком маленькая", "ru", true],
    ["The washing machine is broken and I have no money for a new one.", "en", true],
    ["Die Waschmaschine ist kaputt und ich habe kein Geld.", "en", false],
    ["Arbeitslosengeld I, Kindergeld", "en", false],
    ["Çocuğum için bir yatak ve dolap lazım, ama param yok.", "tr", true],
    ["Babyausstattung: Kinderwagen, Bett", "de", false],
  ])("%s (%s) → %s", (text, lng, expected) => {
    expect(probablyNotGerman(text, lng)).toBe(expected);
  });
});

describe("the points for the caseworker's attention", () => {
  const jobcenter = () => getJobcenter(JC1)!;
  const base = { language: "de", seals: { pdf: "gueltig", xml: "gueltig" } as const, missing: [], hasChecklist: true, flagged: false };
  const codes = (items: { code: string }[]) => items.map((i) => i.code);

  it("a renewal names its separate applications and an address outside the area", () => {
    const doc = weiterbewilligungDocuments().find((d) => d.document.fachdaten.gesonderteAntraege?.length)!.document;
    const model = structuredClone(doc.fachdaten);
    const inside = caseAttention({ ...base, flow: "weiterbewilligung", model, jobcenter: jobcenter(), sections: structuredData("weiterbewilligung", model) });
    expect(codes(inside)).toContain("gesonderteAntraege");
    expect(codes(inside)).not.toContain("ausserhalbBezirk");
    model.antragsteller.anschrift.postleitzahl = "00700";
    const outside = caseAttention({ ...base, flow: "weiterbewilligung", model, jobcenter: jobcenter(), sections: structuredData("weiterbewilligung", model) });
    expect(outside.find((a) => a.code === "ausserhalbBezirk")?.values).toMatchObject({ plz: "00700" });
    // Warnings first, what is fine last.
    const levels = outside.map((a) => a.level);
    expect(levels.indexOf("ok")).toBe(levels.lastIndexOf("warnung") + 1);
    expect(outside.find((a) => a.code === "siegelGueltig")?.level).toBe("ok");
  });

  it("an Erstantrag with a broken seal, missing Nachweise and Arabic free text", () => {
    const doc = erstantragDocuments()[1].document;
    const model = { ...structuredClone(doc.fachdaten), anmerkungen: "أحتاج إلى موعد مع مترجم" };
    const sections = structuredData("erstantrag", model);
    const items = caseAttention({ ...base, language: "ar", seals: { pdf: "ungueltig", xml: "gueltig" }, missing: ["Personalausweis"], flow: "erstantrag", model, jobcenter: jobcenter(), sections });
    expect(codes(items)).toEqual(expect.arrayContaining(["siegelPruefen", "nachweiseFehlen", "fremdsprache"]));
    expect(items.find((a) => a.code === "nachweiseFehlen")?.items).toEqual(["Personalausweis"]);
    const marked = sections.flatMap((x) => x.blocks).filter((b) => b.kind !== "subheading" && b.foreign);
    expect(marked).toHaveLength(1);
  });

  it("a Veränderungsmitteilung reporting a move out of the area", () => {
    const doc = personaDocuments().find((d) => d.document.fachdaten.aenderungen.some((c) => c.art === "Umzug"))!.document;
    const model = structuredClone(doc.fachdaten);
    const move = model.aenderungen.find((c) => c.art === "Umzug")!;
    if (move.art === "Umzug") move.neueAnschrift.postleitzahl = "00600";
    const items = caseAttention({ ...base, flow: "veraenderung", model, jobcenter: jobcenter(), sections: structuredData("veraenderung", model) });
    expect(items.find((a) => a.code === "umzugAusserhalb")?.values).toMatchObject({ plz: "00600" });
    // A deposit applied for with the move (§ 22 Abs. 6 SGB II) is a decision of its own.
    expect(items.find((a) => a.code === "gesonderteAntraege")?.values).toMatchObject({ count: 1, arten: "Mietkaution oder Genossenschaftsanteile (meist als Darlehen)" });
    expect(markForeignText(structuredData("veraenderung", model), "de")).toEqual([]);
  });
});
