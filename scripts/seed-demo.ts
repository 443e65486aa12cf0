/**
 * Demo data for a first start (scripts/start.sh): the demo caseworker accounts and twelve weeks
 * of demo submissions in each demo jobcenter that has none yet, built from the test personas and
 * sealed through the real pipeline (app/caseworker/demo-submissions.server.ts). Does nothing in
 * production mode or for a jobcenter that already has submissions.
 *   npm run seed:demo
 */
import { ensureDemoCaseworkers } from "~/caseworker/demo.server";
import { seedDemoSubmissions, type DemoSample } from "~/caseworker/demo-submissions.server";
import { env } from "~/config/env.server";
import { db } from "~/store/db.server";
import { jobcenters } from "~/store/jobcenters.server";
import { erstantragDocuments, personaDocuments, weiterbewilligungDocuments } from "../tests/fixtures/documents";

const samples: DemoSample[] = [...personaDocuments(), ...erstantragDocuments(), ...weiterbewilligungDocuments()].map(({ document }) => ({
  flow: document.kopf.verfahren, model: document.fachdaten, rechtsstand: document.kopf.rechtsstand, language: document.kopf.sprache,
}));

const database = await db();
const nodeEnv = env().NODE_ENV;
await ensureDemoCaseworkers(database, jobcenters(), nodeEnv);
for (const jobcenter of jobcenters().filter((j) => j.demo)) {
  const started = performance.now();
  const created = await seedDemoSubmissions(database, jobcenter, samples, nodeEnv);
  if (created > 0) console.log(`${jobcenter.name}: ${created} demo submissions (${Math.round(performance.now() - started)} ms)`);
}
await database.destroy();
