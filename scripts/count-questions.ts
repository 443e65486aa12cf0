/**
 * Screens and questions per Erstantrag persona, as the applicant meets them: the start page
 * (postcode), every reachable page, one page per household member added, and check-answers
 * with the declaration. A question is a field on a screen (a group of checkboxes is one).
 * Usage: npm run questions
 */
import { erstantrag } from "~/flows/erstantrag/flow";
import { reachablePages } from "~/flows/engine/journey";
import { POSTCODE } from "~/flows/postcode";
import { erstantragPersonas } from "../tests/fixtures/erstantrag-personas";

const rows = erstantragPersonas.map((p) => {
  let screens = 1;
  let questions = POSTCODE.length;
  for (const page of reachablePages(erstantrag, p.answers)) {
    screens += 1;
    if (page.step.kind === "group") {
      const items = p.answers[page.key];
      const count = Array.isArray(items) ? items.length : 0;
      screens += count;
      questions += count * page.step.fields.length;
    } else {
      questions += page.step.fields.length;
    }
  }
  screens += 1; // check answers
  questions += 1; // declaration
  return { persona: p.name, screens, questions };
});

console.log("persona                         screens  questions");
for (const r of rows) console.log(`${r.persona.padEnd(32)}${String(r.screens).padStart(7)}${String(r.questions).padStart(11)}`);
