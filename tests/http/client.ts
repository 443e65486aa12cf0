/**
 * A browser without JavaScript, over plain HTTP: a cookie jar, GET and POST with manual
 * redirects, and forms submitted the way a browser submits them — from the HTML the server
 * served. Every answer a test gives must name a field (and, for choices, an option) that exists
 * in that HTML, so a journey here is the no-JS guarantee for real: the page offers it, the
 * server accepts it, the redirect leads on.
 */
import { readdirSync } from "node:fs";
import { expect } from "@playwright/test";
import { parse, type HTMLElement } from "node-html-parser";
import type { StepValues } from "~/flows/engine/types";
import { answerEntries, formOf, type FormEntries } from "../fixtures/form-entries";

export const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

export interface Served {
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
  html: string;
  document: HTMLElement;
  /** The path of the URL (with search), for readable assertions. */
  path: string;
}


/** "<namespace>:<key>" as i18next prints a key it cannot resolve, for every namespace we ship. */
const RAW_KEY = new RegExp(`\\b(?:${readdirSync("locales/de").map((f) => f.replace(/\.json$/, "")).join("|")}):[A-Za-z][\\w]*\\.[\\w.]+`);

/**
 * Every HTML page any HTTP test is served: no untranslated key, no unfilled placeholder, no NUL
 * byte (React 18 writes stray ones; app/render/without-nul.server.ts drops them). Scripts are
 * left out: the loader data in them names keys on purpose.
 */
export function expectReadable(served: Pick<Served, "html" | "path">) {
  const visible = served.html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  expect(visible.match(RAW_KEY)?.[0], `an untranslated key on ${served.path}`).toBeUndefined();
  expect(visible.match(/\{\{\s*\w+\s*\}\}/)?.[0], `an unfilled placeholder on ${served.path}`).toBeUndefined();
  expect(served.html.includes("\u0000"), `a NUL byte on ${served.path}`).toBe(false);
}

export class Client {
  readonly cookies = new Map<string, string>();
  /** The last page served (after redirects). */
  page: Served | undefined;

  constructor(readonly headers: Record<string, string> = {}) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request, no redirect followed. */
  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, BASE_URL);
    const headers = new Headers({ "Accept-Language": "de-DE", ...this.headers, ...(init.headers as Record<string, string> | undefined) });
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.remember(response.headers);
    return response;
  }

  async follow(response: Response, url: string): Promise<Served> {
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 10) throw new Error(`Too many redirects from ${url}`);
      url = new URL(response.headers.get("location")!, url).toString();
      await response.arrayBuffer();
      response = await this.raw(url);
    }
    const body = Buffer.from(await response.arrayBuffer());
    const html = body.toString("utf8");
    const u = new URL(url);
    this.page = { url, status: response.status, headers: response.headers, body, html, document: parse(html), path: u.pathname + u.search };
    if (response.headers.get("content-type")?.startsWith("text/html")) expectReadable(this.page);
    return this.page;
  }

  /** GET, following redirects. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Served> {
    const url = new URL(path, BASE_URL).toString();
    return this.follow(await this.raw(url, { headers }), url);
  }

  /** POST a urlencoded form, following redirects. */
  async post(path: string, entries: FormEntries | Record<string, string>): Promise<Served> {
    const url = new URL(path, BASE_URL).toString();
    const body = new URLSearchParams(Array.isArray(entries) ? entries : Object.entries(entries));
    const response = await this.raw(url, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    return this.follow(response, url);
  }

  /**
   * Uploads files with a multipart form of the current page, as a browser without JavaScript
   * does: the form holding the Nachweis's "Datei auswählen" input (`#f-datei-<nachweis>`) — a
   * card's own form in a draft, the page's one form after submission; its hidden fields are sent
   * as served, then each file as a part of that input. Several Nachweise at once:
   * `uploadAll({ nachweis: files, … })`. Redirects are followed.
   */
  async upload(nachweis: string, files: UploadFile[]): Promise<Served> {
    return this.uploadAll({ [nachweis]: files });
  }

  async uploadAll(byNachweis: Record<string, UploadFile[]>): Promise<Served> {
    const page = this.page;
    if (!page) throw new Error("No page loaded");
    const [first] = Object.keys(byNachweis);
    const form = page.document.querySelectorAll('form[enctype="multipart/form-data"]').find((f) => f.querySelector(`#f-datei-${first}`));
    expect(form, `an upload form for ${first} on ${page.path}`).toBeTruthy();
    expect((form!.getAttribute("method") ?? "get").toLowerCase()).toBe("post");
    const body = new FormData();
    for (const input of form!.querySelectorAll('input[type="hidden"]')) body.append(input.getAttribute("name")!, input.getAttribute("value") ?? "");
    for (const [nachweis, files] of Object.entries(byNachweis)) {
      const fileInput = form!.querySelector(`#f-datei-${nachweis}`);
      expect(fileInput, `a file input for ${nachweis} in the form on ${page.path}`).toBeTruthy();
      for (const file of files) body.append(fileInput!.getAttribute("name")!, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
    }
    const url = new URL(form!.getAttribute("action") ?? page.url, page.url).toString();
    return this.follow(await this.raw(url, { method: "POST", body }), url);
  }

  /** The CSRF token of the current page's forms. */
  csrf(): string {
    const token = this.page?.document.querySelector('input[name="csrf"]')?.getAttribute("value");
    if (!token) throw new Error(`No CSRF field on ${this.page?.path}`);
    return token;
  }

  /**
   * Submits a form of the current page as a browser does: its current values (hidden fields,
   * filled inputs, checked boxes), the given values instead of those, and the pressed button's
   * name and value. `button` is a CSS selector of the button (inside any form unless it starts
   * with "form"); the form is the one holding it.
   */
  async submit(values: StepValues = {}, button = "button.button--primary[type=submit]"): Promise<Served> {
    const page = this.page;
    if (!page) throw new Error("No page loaded");
    const pressed = page.document.querySelector(button.startsWith("form") ? button : `form ${button}`);
    expect(pressed, `button ${button} on ${page.path}`).toBeTruthy();
    const form = formOf(pressed!);
    if (!form) throw new Error(`No form around ${button} on ${page.path}`);
    const method = (form.getAttribute("method") ?? "get").toLowerCase();
    expect(method, `form method on ${page.path}`).toBe("post");
    expect(form.getAttribute("enctype") ?? "application/x-www-form-urlencoded", "urlencoded form").not.toBe("multipart/form-data");

    const entries: FormEntries = [];
    for (const input of form.querySelectorAll("input, textarea, select")) {
      const name = input.getAttribute("name");
      if (!name || input.hasAttribute("disabled") || name in values || dateBase(name) in values) continue;
      const type = (input.getAttribute("type") ?? "text").toLowerCase();
      if (["submit", "button", "file", "image", "reset"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !input.hasAttribute("checked")) continue;
      if (input.tagName === "TEXTAREA") entries.push([name, input.text]);
      else if (input.tagName === "SELECT") {
        const chosen = input.querySelector("option[selected]") ?? input.querySelector("option");
        if (chosen) entries.push([name, chosen.getAttribute("value") ?? chosen.text]);
      } else entries.push([name, type === "checkbox" || type === "radio" ? input.getAttribute("value") ?? "on" : input.getAttribute("value") ?? ""]);
    }
    for (const [name, value] of Object.entries(values)) entries.push(...answerEntries(form, page.path, name, value));
    const buttonName = pressed!.getAttribute("name");
    if (buttonName) entries.push([buttonName, pressed!.getAttribute("value") ?? ""]);
    const action = pressed!.getAttribute("formaction") ?? form.getAttribute("action") ?? page.url;
    return this.post(new URL(action, page.url).toString(), entries);
  }
}


export type UploadFile = { name: string; bytes: Uint8Array; type?: string };

/** The date a part field belongs to ("geburtsdatum-day" → "geburtsdatum"), or the name itself. */
const dateBase = (name: string) => name.replace(/-(day|month|year)$/, "");

/** The page's key in its flow: "<step>", "<step>/<index>", or "pruefen". */
export const pageKeyOf = (served: Served) => new URL(served.url).pathname.split("/").slice(3).join("/");
