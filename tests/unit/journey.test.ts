import { describe, expect, it } from "vitest";
import { answerView, firstIncomplete, guard, nextStep, previousStep, progress, prune, reachableSteps, REVIEW } from "~/flows/engine/journey";
import type { Answers, FlowDefinition } from "~/flows/engine/types";

const flow: FlowDefinition = {
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
