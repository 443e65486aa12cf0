/**
 * Entry of an image worker thread (see image-worker.server.ts): started ahead of need, it loads
 * pdf-lib, then waits for one image, answers with one PDF, and is ended.
 * Bundled to build/image-worker.js next to the server.
 */
import { parentPort } from "node:worker_threads";
import { checkPdf, imageToPdf } from "./convert.server";
import type { WorkerJob } from "./image-worker.server";

parentPort!.once("message", (job: WorkerJob) => {
  if (job.type === "pdf") {
    // The verdict only: the bytes stored are the ones received.
    checkPdf(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength)).then(
      (r) => parentPort!.postMessage(r.ok ? { ok: true } : r),
      () => parentPort!.postMessage({ ok: false, reason: "damaged" }),
    );
    return;
  }
  imageToPdf(job.type, job.bytes, job.title, new Date(job.now)).then(
    (pdf) => parentPort!.postMessage({ ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) }),
    () => parentPort!.postMessage({ ok: false, reason: "damaged" }),
  );
});
