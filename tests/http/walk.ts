/**
 * Journeys over plain HTTP: start a flow, answer every page the server leads to from a set of
 * answers (as the flow stores them), declare and send, fetch the sealed documents. Used by the
 * persona journeys, the server-behaviour tests and the accessibility catalogue.
 */
import { expect } from "@playwright/test";
import type { Answers, StepValues } from "~/flows/engine/types";
import { Client, pageKeyOf, type Served } from "./client";

/** Called with every page a walk is shown, before it is answered. */
export type OnPage = (served: Served, key: string) => void | Promise<void>;

export async function startFlow(client: Client, flow: string, postcode: string, lng?: string): Promise<Served> {
  await client.get(`/antrag/${flow}${lng ? `?lng=${lng}` : ""}`);
  const served = await client.submit({ plz: postcode });
  expect(served.status, `first step of ${flow}`).toBe(200);
  expect(served.path).toMatch(new RegExp(`^/antrag/${flow}/`));
  return served;
}

function expectPage(served: Served, key: string) {
  expect(served.status, `${served.path}: status`).toBe(200);
  expect(served.document.querySelector(".error-summary"), `${served.path}: no error summary after answering ${key}`).toBeNull();
}

/** Answers every page the server shows until the check-answers page (or a page that ends the flow). Returns the page keys in order. */
export async function answerAll(client: Client, answers: Answers, onPage?: OnPage): Promise<string[]> {
  const keys: string[] = [];
  for (let guard = 0; guard < 300; guard++) {
    const served = client.page!;
    const key = pageKeyOf(served);
    if (key === "pruefen") return keys;
    expect(keys, `${served.path} shown twice: the previous answer did not lead on`).not.toContain(key);
    keys.push(key);
    await onPage?.(served, key);
    // A page that ends the flow (another office is responsible): nothing more to answer.
    if (served.document.querySelector("[data-end-page]")) return keys;
    // A flow that can start from an earlier submission: these walks answer everything themselves.
    if (key === "vorbefuellen") {
      const skip = served.document.querySelector("a.button--secondary")?.getAttribute("href");
      expect(skip, "a way on without a file").toBeTruthy();
      expectPage(await client.get(skip!), key);
      continue;
    }
    const stored = answers[key];
    if (stored === undefined) throw new Error(`No answers for page ${key} (${served.path})`);
    if (Array.isArray(stored)) {
      for (const item of stored) {
        const itemPage = await client.submit({}, 'button[name="intent"][value="add"]');
        expectPage(itemPage, key);
        await onPage?.(itemPage, `${key}/item`);
        expectPage(await client.submit(item), key);
      }
      expectPage(await client.submit({}, 'button[name="intent"][value="continue"]'), key);
    } else {
      expectPage(await client.submit(stored as StepValues), key);
    }
  }
  throw new Error("The flow did not reach the check-answers page");
}

/** Declares on the check-answers page and sends; returns the receipt. */
export async function declareAndSend(client: Client): Promise<Served> {
  const receipt = await client.submit({ erklaerung: "ja" });
  expect(receipt.path, "the receipt").toMatch(/^\/eingang\/[0-9a-f-]{36}$/);
  expect(receipt.document.querySelector(".reference")?.text.trim()).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
  return receipt;
}

/** The receipt page's download of the sealed caseworker PDF. */
export async function sealedPdfOf(client: Client, receipt: Served): Promise<Buffer> {
  const href = receipt.document.querySelector('a[href$="/antrag.pdf"]')?.getAttribute("href");
  expect(href, "a link to the sealed PDF").toBeTruthy();
  const response = await client.raw(href!);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
}

/** Start, answer, declare, send: the whole journey of one set of answers. */
export async function walk(client: Client, flow: string, postcode: string, answers: Answers, options: { lng?: string; onPage?: OnPage } = {}) {
  await startFlow(client, flow, postcode, options.lng);
  const keys = await answerAll(client, answers, options.onPage);
  const review = client.page!;
  await options.onPage?.(review, "pruefen");
  const receipt = await declareAndSend(client);
  return { keys, review, receipt };
}
