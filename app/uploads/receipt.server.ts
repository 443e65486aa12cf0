/** What the receipt page shows of the uploaded Nachweise: sent with the submission, and each Nachreichung. */
import type { DB } from "~/store/db.server";
import { listNachreichungen } from "./nachreichung.server";
import { listUploads } from "./store.server";

export async function uploadsForReceipt(db: DB, submissionId: string) {
  const files = await listUploads(db, { kind: "submission", submissionId });
  const later = await listNachreichungen(db, submissionId);
  return {
    withSubmission: files.filter((f) => f.nachreichungId === null).map((f) => ({ name: f.originalName, nachweis: f.nachweis })),
    nachreichungen: later.map((n) => ({ nummer: n.nummer, receivedAt: n.receivedAt, files: n.files.map((f) => ({ name: f.originalName, nachweis: f.nachweis })) })),
  };
}

export type ReceiptUploadsData = Awaited<ReturnType<typeof uploadsForReceipt>>;
