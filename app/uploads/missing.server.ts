/** How many Nachweise of a submission still lack a file: kept on the submission for the caseworker's inbox. */
import type { DB } from "~/store/db.server";
import { checklistOfModel, checklistSlots } from "./checklist";

/** After a Nachreichung: the number of checklist slots still without a file, brought up to date. */
export async function refreshMissingNachweise(db: DB, submissionId: string, model: unknown): Promise<void> {
  const files = await db.selectFrom("uploads").select("nachweis").where("submission_id", "=", submissionId).execute();
  const uploaded = new Set(files.map((f) => f.nachweis));
  const missing = checklistSlots(checklistOfModel(model)).filter((s) => !uploaded.has(s.slot)).length;
  await db.updateTable("submissions").set({ missing_nachweise: missing }).where("id", "=", submissionId).execute();
}
