import { describe, expect, it } from "vitest";
import { answerView, firstIncomplete, guard, nextStep, previousStep, progress, prune, reachablePages, reachableSteps, REVIEW, viewOf, withoutMember } from "~/flows/engine/journey";
import type { Answers, FlowDefinition, StepValues } from "~/flows/engine/types";

/** The journey reads only steps and conditions; these flows make no documents. */
const WITHOUT_DOCUMENTS = {
  inboxLabel: "test",
  modelElement: "Test",
  fromModel: () => ({}),
  nachweisKeys: [],
  document: { outline: () => undefined, person: () => ({ vorname: "", nachname: "" }), receiptItems: () => [] },
};

const flow: FlowDefinition = {
  ...WITHOUT_DOCUMENTS,
  id: "test", formVersion: "1", namespace: "test", sections: ["a", "b"],
  steps: [
    { kind: "question", id: "start", section: "a", fields: [{ name: "wahl", kind: "radio", options: ["ja", "nein"] }] },
    { kind: "question", id: "details", section: "b", when: (a) => a.has("start", "wahl", "ja"), fields: [{ name: "x", kind: "text" }] },
    { kind: "question", id: "tiefer", section: "b", when: (a) => a.answered("details"), fields: [{ name: "y", kind: "text" }] },
    { kind: "group", id: "leute", section: "b", minItems: 1, maxItems: 3, itemLabel: ["n"], fields: [{ name: "n", kind: "name" }] },
  ],
  nachweise: () => [],
  toModel: (a) => a,
};

describe("journey", () => {
  it("follows conditions", () => {
    expect(reachableSteps(flow, {}).map((s) => s.id)).toEqual(["start", "leute"]);
    expect(reachableSteps(flow, { start: { wahl: "ja" } }).map((s) => s.id)).toEqual(["start", "details", "leute"]);
    expect(reachableSteps(flow, { start: { wahl: "ja" }, details: { x: "1" } }).map((s) => s.id)).toEqual(["start", "details", "tiefer", "leute"]);
  });

  it("does not let stale answers of an abandoned branch switch later steps on", () => {
    const answers: Answers = { start: { wahl: "nein" }, details: { x: "alt" }, tiefer: { y: "alt" } };
    expect(reachableSteps(flow, answers).map((s) => s.id)).toEqual(["start", "leute"]);
    expect(prune(flow, answers)).toEqual({ start: { wahl: "nein" } });
  });

  it("guards against jumping ahead and into unreachable steps", () => {
    expect(guard(flow, {}, "leute")).toBe("start");
    expect(guard(flow, { start: { wahl: "nein" } }, "details")).toBe("leute");
    expect(guard(flow, { start: { wahl: "ja" } }, "details")).toBeNull();
    expect(guard(flow, { start: { wahl: "ja" } }, REVIEW)).toBe("details");
    expect(guard(flow, { start: { wahl: "nein" }, leute: [{ n: "A" }] }, REVIEW)).toBeNull();
  });

  it("treats a group as complete only with enough valid items", () => {
    expect(firstIncomplete(flow, { start: { wahl: "nein" }, leute: [] })).toBe("leute");
    expect(firstIncomplete(flow, { start: { wahl: "nein" }, leute: [{ n: "" }] })).toBe("leute");
    expect(firstIncomplete(flow, { start: { wahl: "nein" }, leute: [{ n: "A" }] })).toBe(REVIEW);
  });

  it("moves forward and back over reachable steps only", () => {
    const a: Answers = { start: { wahl: "nein" } };
    expect(nextStep(flow, a, "start")).toBe("leute");
    expect(nextStep(flow, a, "leute")).toBe(REVIEW);
    expect(previousStep(flow, a, "leute")).toBe("start");
    expect(previousStep(flow, a, "start")).toBeNull();
    expect(previousStep(flow, a, REVIEW)).toBe("leute");
  });

  it("reports progress by section", () => {
    expect(progress(flow, "details")).toMatchObject({ section: "b", sectionIndex: 1, sectionCount: 3 });
    expect(progress(flow, REVIEW)).toMatchObject({ section: REVIEW, sectionIndex: 2 });
  });

  it("exposes answers to conditions through a narrow view", () => {
    const view = answerView({ s: { c: ["a", "b"], r: "x" }, g: [{ n: "1" }] });
    expect(view.has("s", "c", "b")).toBe(true);
    expect(view.has("s", "r", "x")).toBe(true);
    expect(view.items("g")).toHaveLength(1);
    expect(view.items("s")).toEqual([]);
    expect(view.answered("nope")).toBe(false);
  });
});

describe("per-person pages", () => {
  const household: FlowDefinition = {
    ...WITHOUT_DOCUMENTS,
    id: "hh", formVersion: "1", namespace: "hh", sections: ["p", "q"],
    members: { lead: "ich", group: "leute" },
    steps: [
      { kind: "question", id: "ich", section: "p", fields: [{ name: "vorname", kind: "name" }, { name: "alter", kind: "text" }] },
      { kind: "group", id: "leute", section: "p", minItems: 0, maxItems: 5, itemLabel: ["vorname"], fields: [{ name: "vorname", kind: "name" }, { name: "alter", kind: "text" }] },
      // Asked for everyone 15 or older, then a follow-up only for those who work.
      { kind: "question", id: "arbeit", section: "q", forEach: (m) => Number(m.values.alter) >= 15, fields: [{ name: "job", kind: "radio", options: ["ja", "nein"] }] },
      { kind: "question", id: "lohn", section: "q", forEach: (m, a) => a.has(`arbeit/${m.index}`, "job", "ja"), fields: [{ name: "brutto", kind: "money" }] },
      { kind: "question", id: "ende", section: "q", fields: [{ name: "ok", kind: "text" }] },
    ],
    nachweise: () => [],
    toModel: (a) => a,
  };
  const base: Answers = { ich: { vorname: "Ana", alter: "40" }, leute: [{ vorname: "Ben", alter: "8" }, { vorname: "Cem", alter: "16" }] };
  const keys = (answers: Answers) => reachablePages(household, answers).map((p) => p.key);

  it("asks a run of per-person steps person by person, only for members it applies to", () => {
    expect(keys(base)).toEqual(["ich", "leute", "arbeit/0", "arbeit/2", "ende"]);
    const working = { ...base, "arbeit/0": { job: "ja" }, "arbeit/2": { job: "ja" } };
    expect(keys(working)).toEqual(["ich", "leute", "arbeit/0", "lohn/0", "arbeit/2", "lohn/2", "ende"]);
    expect(nextStep(household, working, "lohn/0")).toBe("arbeit/2");
    expect(previousStep(household, working, "arbeit/2")).toBe("lohn/0");
    expect(progress(household, "lohn/2").section).toBe("q");
  });

  it("guards per-person pages and resumes at the first incomplete one", () => {
    const answers = { ...base, "arbeit/0": { job: "nein" } };
    expect(firstIncomplete(household, answers)).toBe("arbeit/2");
    expect(guard(household, answers, "ende")).toBe("arbeit/2");
    expect(guard(household, answers, "arbeit/1")).toBe("arbeit/2"); // Ben is 8: no such page
  });

  it("prunes answers of members a page no longer applies to, and keeps system data", () => {
    const answers = { ...base, "arbeit/0": { job: "nein" }, "lohn/0": { brutto: "100.00" }, _bezug: { referenz: "X" } };
    expect(Object.keys(prune(household, answers)).sort()).toEqual(["_bezug", "arbeit/0", "ich", "leute"]);
  });

  it("moves later members' answers up when a member leaves", () => {
    const answers = { ...base, "arbeit/0": { job: "ja" }, "arbeit/2": { job: "nein" }, "lohn/0": { brutto: "1.00" } };
    const without = withoutMember(household, { ...answers, leute: [(base.leute as StepValues[])[1]] }, 1);
    expect(without).toMatchObject({ "arbeit/0": { job: "ja" }, "arbeit/1": { job: "nein" }, "lohn/0": { brutto: "1.00" } });
    expect(without["arbeit/2"]).toBeUndefined();
    expect(viewOf(household, without).members().map((m) => m.values.vorname)).toEqual(["Ana", "Cem"]);
  });
});
