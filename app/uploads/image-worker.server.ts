/**
 * Image conversion (and the check of an uploaded PDF) off the request thread: each file is handled in a fresh worker thread
 * with a bounded heap and a deadline, at most IMAGE_WORKERS at once (the others wait their
 * turn). A worker that runs out of memory or time is ended and the file refused; the server's
 * own thread goes on answering everyone else meanwhile. A fresh worker per image also means a
 * hostile file leaves nothing behind for the next one; one spare worker is kept started (pdf-lib
 * loaded, about 0.3 s) so a normal photo does not wait for that.
 */
import { Worker } from "node:worker_threads";
import { IMAGE_WORKER_HEAP_MB, IMAGE_WORKER_TIMEOUT_MS, IMAGE_WORKERS } from "./limits";

/** What a worker answers: the PDF of an image, or the verdict on an uploaded PDF. */
export type WorkerResult =
  | { ok: true; pdf?: Buffer }
  | { ok: false; reason: "damaged" | "encrypted" | "activeContent" | "imageTooLarge"; found?: string[] };

/** One job: convert an image, or check a PDF (parsing a hostile PDF can inflate streams too). */
export type WorkerJob = { type: "jpeg" | "png" | "pdf"; bytes: Uint8Array; title: string; now: string };

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= IMAGE_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * The built server runs build/image-worker.js beside it; from the sources (unit tests, tsx) the
 * TypeScript entry is loaded through tsx.
 */
function startWorker(): Worker {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: IMAGE_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./image-worker.js", import.meta.url), options);
  const entry = JSON.stringify(new URL("./image-worker.ts", import.meta.url).href);
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${entry}); });`, { ...options, eval: true });
}

let spare: Worker | undefined;

/** A started worker for the next image, and another one starting for the image after. */
function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = undefined;
  setImmediate(() => {
    if (spare) return;
    const next = startWorker();
    next.unref(); // a spare never keeps the process alive
    const gone = () => {
      if (spare === next) spare = undefined;
    };
    next.on("error", gone);
    next.on("exit", gone);
    spare = next;
  });
  worker.ref();
  return worker;
}

/** Runs one job in a worker; out of time or memory counts as too large (an image) or damaged (a PDF). */
export function runInWorker(type: WorkerJob["type"], bytes: Uint8Array, title: string, now: Date, timeoutMs = IMAGE_WORKER_TIMEOUT_MS): Promise<WorkerResult> {
  const exhausted = type === "pdf" ? "damaged" : "imageTooLarge";
  return slot(() => new Promise<WorkerResult>((resolve) => {
    let settled = false;
    const worker = takeWorker();
    const finish = (result: WorkerResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: exhausted }), timeoutMs);
    worker.on("message", (m: WorkerResult & { pdf?: Uint8Array }) =>
      finish(m.ok ? { ok: true, ...(m.pdf ? { pdf: Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength) } : {}) } : m));
    // ERR_WORKER_OUT_OF_MEMORY: the heap limit was reached.
    worker.on("error", (error: Error & { code?: string }) => finish({ ok: false, reason: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? exhausted : "damaged" }));
    worker.on("exit", () => finish({ ok: false, reason: "damaged" }));
    worker.postMessage({ type, bytes: new Uint8Array(bytes), title, now: now.toISOString() } satisfies WorkerJob);
  }));
}
