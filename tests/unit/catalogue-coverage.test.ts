/**
 * The accessibility catalogue (tests/e2e/catalogue.spec.ts, ADR 0018) scans every declared page
 * of every flow, reached by its answer sets and random walks (tests/fixtures/catalogue-sets.ts).
 * Whether they reach every page is plain flow logic: checked here, in seconds, before the browser
 * run. A change that makes a page harder to reach (a new option shifts the random walks) needs
 * an answer set that reaches it.
 */
import { describe, expect, it } from "vitest";
import { flowIds, getFlow } from "~/flows/registry.server";
import { catalogueCovers } from "../fixtures/catalogue-sets";
import { declaredPageKinds } from "../fixtures/explore";

describe("the catalogue's answer sets", () => {
  const covers = catalogueCovers();
  it.each(flowIds())("reach every declared page of %s, each page kind in one set", (id) => {
    expect(covers[id].missing, `${id}: declared pages no answer set reaches`).toEqual([]);
    expect(covers[id].sets.flatMap((s) => s.kinds).sort()).toEqual(declaredPageKinds(getFlow(id)!).sort());
  });
});
