/**
 * Screens and questions per persona, as the applicant meets them: the start page (postcode),
 * every reachable page, one page per household member added, and check-answers with the
 * declaration. A question is a field on a screen (a group of checkboxes is one); a conditional
 * question counts only where its condition holds (FieldBase.onlyWhen).
 * The renewal is counted twice: without a file (every question asked) and prefilled from the
 * sealed PDF of the persona's Erstantrag a year earlier, where a carried-over answer is only
 * confirmed (its page stays a screen, its fields are no questions) — plus the upload page.
 * Usage: npm run questions
 */
import { erstantrag } from "~/flows/erstantrag/flow";
import { prefillAnswers, PREFILLED } from "~/flows/engine/prefill";
import { prune, reachablePages, viewOf } from "~/flows/engine/journey";
import { asked as isAsked } from "~/flows/engine/fields";
import type { Answers, FieldDef, FlowDefinition, StepValues } from "~/flows/engine/types";
import { POSTCODE } from "~/flows/postcode";
import { weiterbewilligung } from "~/flows/weiterbewilligung/flow";
import { erstantragPersonas } from "../tests/fixtures/erstantrag-personas";
import { weiterbewilligungPersonas } from "../tests/fixtures/weiterbewilligung-personas";
import { but } from "~/flows/but/flow";
import { butPersonas } from "../tests/fixtures/but-personas";

function count(flow: FlowDefinition, answers: Answers, prefilled: Answers = {}) {
  let screens = 1;
  let questions = POSTCODE.length;
  // Asked, and not already carried over from the prefill.
  const asked = (values: StepValues | undefined, fields: readonly FieldDef[], answered: StepValues | undefined) =>
    fields.filter((f) => (!f.onlyWhen || isAsked(f.onlyWhen, answered?.[f.onlyWhen.field])) && values?.[f.name] === undefined).length;
  for (const page of reachablePages(flow, answers)) {
    screens += 1;
    const before = prefilled[PREFILLED + page.key];
    if (page.step.kind === "group") {
      const items = answers[page.key];
      const list = Array.isArray(items) ? items : [];
      const carried = Array.isArray(before) ? before : [];
      screens += list.length;
      list.forEach((item, i) => { questions += asked(carried[i], page.step.fields, item); });
    } else {
      const values = answers[page.key];
      questions += asked(before && !Array.isArray(before) ? before : undefined, page.step.fields, values && !Array.isArray(values) ? values : undefined);
    }
  }
  screens += 1; // check answers
  questions += 1; // declaration
  return { screens, questions };
}

const line = (name: string, r: { screens: number; questions: number }) => console.log(`${name.padEnd(40)}${String(r.screens).padStart(7)}${String(r.questions).padStart(11)}`);

console.log("Erstantrag persona                      screens  questions");
for (const p of erstantragPersonas) line(p.name, count(erstantrag, p.answers));

console.log("\nWeiterbewilligung persona               screens  questions");
for (const p of weiterbewilligungPersonas) {
  line(`${p.name} (no file)`, count(weiterbewilligung, p.answers));
  const source = erstantragPersonas.find((e) => e.name === p.from)!;
  const model = erstantrag.toModel(viewOf(erstantrag, prune(erstantrag, source.answers)), { receivedAt: new Date(), language: "de" });
  const prefilled = prefillAnswers(weiterbewilligung, weiterbewilligung.fromModel(model as never));
  const r = count(weiterbewilligung, p.answers, prefilled);
  line(`${p.name} (prefilled)`, { screens: r.screens + 1, questions: r.questions });
}

console.log("\nBuT persona                             screens  questions");
for (const p of butPersonas) line(p.name, count(but as FlowDefinition, p.answers));
