/**
 * Every language has exactly the German keys and placeholders; every key the code can ask for
 * exists; every key that exists is used. Keys come from three places: literal t("…") calls in
 * app/, the flow declarations, and the few lists that build keys at run time.
 */
import { LEISTUNG_OF } from "~/flows/but/eligibility";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATE_PARTS, ERROR_CODES } from "~/flows/engine/fields";
import { POSTCODE } from "~/flows/postcode";
import { flowIds, getFlow } from "~/flows/registry.server";
import { PREFILL_ERRORS } from "~/flows/prefill.server";
import { GESONDERT } from "~/flows/weiterbewilligung/steps";
import { RESUME_FAILURES } from "~/flows/resume.server";
import { LANGUAGES } from "~/i18n/config";
import { LANGUAGE_TABLE } from "~/i18n/languages";
import { DEFAULT_ERROR_KIND, ERROR_KINDS, REFUSAL_KINDS, TEXT_PAGES } from "~/ui/text-pages";
import { UPLOAD_ERROR_CODES } from "~/uploads/errors";
import { STATUS_ACCESS_FAILURES } from "~/submission/status-access.server";
import { ACTION_PROBLEMS, FREIGABE_BLOCKERS, NACHFORDERUNG_ERRORS, WORKFLOW_ACTIONS, WORKFLOW_MESSAGES, AUDIT_ACTIONS, DELIVERY_STATES, HISTORY_EVENTS, LOGIN_MESSAGES, ROLES, SEAL_RESULTS, STATUSES, INBOX_VIEWS, INBOX_SORTS, FILTER_CHIPS, URGENCY_KINDS, ATTENTION_CODES, ATTENTION_LEVELS, SHORTCUTS } from "~/caseworker/texts";
import type { FieldDef } from "~/flows/engine/types";

type Tree = { [k: string]: string | Tree };
const flat = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [k, v]) => {
    if (typeof v === "string") out[prefix + k] = v;
    else Object.assign(out, flat(v, `${prefix}${k}.`));
    return out;
  }, {});
const load = (lng: string, ns: string) => flat(JSON.parse(readFileSync(join("locales", lng, `${ns}.json`), "utf8")));
/**
 * Documents for the jobcenter are always German: their namespace exists only in de (pdf.test.ts
 * checks its keys). So is the caseworker area (sachbearbeitung), whose keys are checked here.
 */
const GERMAN_ONLY = ["dokument", "sachbearbeitung"];
/** German-only namespaces whose keys the code uses through t("ns:key") and the lists below. */
const CHECKED_GERMAN_ONLY = ["sachbearbeitung"];
const namespaces = readdirSync("locales/de").map((f) => f.replace(/\.json$/, "")).filter((ns) => !GERMAN_ONLY.includes(ns));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The first argument of every `t(…)` call, found with a parenthesis-depth scan. */
function firstArguments(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/\bt\(/g)) {
    let depth = 0;
    let i = m.index! + 2;
    const start = i;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === "(" || c === "{" || c === "[") depth++;
      else if (c === ")" || c === "}" || c === "]") { if (depth === 0) break; depth--; }
      else if (c === "," && depth === 0) break;
    }
    out.push(src.slice(start, i));
  }
  return out;
}

function fieldKeys(base: string, fields: readonly FieldDef[]): string[] {
  return fields.flatMap((f) => {
    const own = f.texts?.includes(":") ? `${f.texts.split(":")[0]}:steps.${f.texts.split(":")[1]}.fields.${f.name}` : f.texts ? `steps.${f.texts}.fields.${f.name}` : `${base}.fields.${f.name}`;
    return [`${own}.label`, ...(f.hint ? [`${own}.hint`] : []), ...("options" in f ? f.options.map((o) => `${own}.options.${o}`) : []),
      ...("optionHints" in f && f.optionHints ? f.options.map((o) => `${own}.optionHints.${o}`) : [])];
  });
}

/** Keys (with namespace) the code may ask for. */
function usedKeys(): { exact: Set<string>; optional: RegExp[] } {
  const exact = new Set<string>();
  const add = (key: string, ns = "common") => exact.add(key.includes(":") ? key : `${ns}:${key}`);
  const flows = flowIds().map((id) => getFlow(id)!);
  for (const file of sourceFiles("app")) {
    const src = readFileSync(file, "utf8");
    // t("key"), t("key", vars), t(cond ? "a" : "b"): every literal in the call's first argument.
    for (const arg of firstArguments(src)) for (const k of arg.matchAll(/["'`]([A-Za-z][\w.:]*)["'`]/g)) add(k[1]);
    for (const m of src.matchAll(/fixedT\([^)]*\)\(\s*"([\w.]+)"/g)) add(m[1]);
    for (const m of src.matchAll(/titleKeys:\s*\[([^\]]*)\]/g)) for (const k of m[1].matchAll(/"([\w.:]+)"/g)) add(k[1]);
    // `${namespace}:start.title` and the like: a flow-namespace key, for every flow.
    for (const m of src.matchAll(/\$\{(?:[\w.]+\.)?(?:namespace|ns)\}:([A-Za-z][\w.]*\w)`/g)) for (const f of flows) add(`${f.namespace}:${m[1]}`);
  }
  for (const code of ERROR_CODES) add(`validation.${code}`);
  for (const part of DATE_PARTS) add(`dateParts.${part}`);
  for (const kind of [...Object.values(ERROR_KINDS), ...REFUSAL_KINDS, DEFAULT_ERROR_KIND]) { add(`errorPage.${kind}.title`); add(`errorPage.${kind}.body`); }
  for (const [page, sections] of Object.entries(TEXT_PAGES)) {
    add(`${page}.title`); add(`${page}.lead`);
    for (const s of sections) { add(`${page}.${s}.title`); add(`${page}.${s}.body`); }
  }
  for (const f of RESUME_FAILURES) add(`resume.errors.${f}`);
  for (const f of STATUS_ACCESS_FAILURES) add(`statusLookup.errors.${f}`);
  for (const s of STATUSES) { add(`statusPage.values.${s}`); add(`statusPage.explain.${s}`); }
  for (const code of UPLOAD_ERROR_CODES) add(`nachweisUpload.errors.${code}`);
  // The caseworker area's keys built at run time from closed lists (app/caseworker/texts.ts).
  const sb = (prefix: string, values: readonly string[]) => values.forEach((v) => add(`${prefix}.${v}`, "sachbearbeitung"));
  sb("rollen", ROLES); sb("status", STATUSES); sb("siegel", SEAL_RESULTS); sb("zustellung", DELIVERY_STATES);
  sb("aktionen", AUDIT_ACTIONS); sb("anmelden.meldungen", LOGIN_MESSAGES); sb("verlauf", HISTORY_EVENTS);
  sb("workflow.aktionen", WORKFLOW_ACTIONS); sb("workflow.meldungen", WORKFLOW_MESSAGES); sb("workflow.probleme", ACTION_PROBLEMS);
  sb("workflow.blocker", FREIGABE_BLOCKERS); sb("nachforderung.fehler", NACHFORDERUNG_ERRORS);
  sb("eingang.ansichten", INBOX_VIEWS); sb("eingang", Object.values(INBOX_SORTS)); sb("eingang.chip", FILTER_CHIPS); sb("eingang.faellig", URGENCY_KINDS);
  sb("hinweise", ATTENTION_CODES); sb("hinweise.stufe", ATTENTION_LEVELS); sb("tastenkuerzel", Object.values(SHORTCUTS));
  for (const k of ["zeit", "person", "personId", "aktion", "referenz", "antragId", "details"]) add(`protokoll.csv.${k}`, "sachbearbeitung");
  fieldKeys("postcodeStep", POSTCODE).forEach((k) => add(k));
  for (const flow of flows) {
    const ns = flow.namespace;
    add(`services.${flow.id}.title`); add(`services.${flow.id}.description`);
    for (const s of [...flow.sections, "pruefen"]) add(`sections.${s}`, ns);
    for (const step of flow.steps) {
      // A step's texts are in its building block's namespace (ADR 0026), else the flow's.
      const sns = step.namespace ?? ns;
      const base = `steps.${step.id}`;
      add(`${base}.title`, sns);
      fieldKeys(step.kind === "question" && step.texts ? `steps.${step.texts}` : base, step.fields).forEach((k) => add(k, sns));
      if (step.kind === "group") for (const k of ["itemTitle", "intro", "empty", "add"]) add(`${base}.${k}`, sns);
      // What the answers amount to (QuestionStep.overview): every group's texts, every reason.
      if (step.kind === "question" && step.overview) {
        for (const g of step.overview.groups) for (const k of ["title", "body"]) add(`${base}.groups.${g}.${k}`, sns);
        for (const r of step.overview.reasons) add(`${base}.reasons.${r}`, sns);
      }
    }
    // A flow another one continues offers itself on that flow's start page (antrag.$flow._index.tsx).
    if (flow.followUps?.some((f) => f.offerOnStart)) for (const k of ["shortcut.body", "shortcut.link"]) add(k, ns);
    // …and the receipt offers each follow-up with its texts.
    for (const f of flow.followUps ?? []) for (const k of ["title", "body", "button"]) add(`${f.texts}.${k}`);
    add(flow.inboxLabel);
    // Check-answers notices for an address of another jobcenter's area.
    // (by default the applicant's address, antrag.$flow.pruefen.tsx).
    for (const c of flow.postcodeChecks ?? [{ text: "review.otherJobcenter" }]) add(c.text);
    // Options a page withholds, each with its reason (QuestionStep.withhold, a closed list of reasons);
    // a page that ends the flow (its body and where to go); a form to download (QuestionStep.form).
    for (const step of flow.steps) {
      if (step.kind !== "question") continue;
      const sns = step.namespace ?? ns;
      if (step.withhold) { add(`steps.${step.id}.withheldTitle`, sns); for (const r of step.withhold.reasons) add(`steps.${step.id}.withheld.${r}`, sns); }
      if (step.end) for (const k of ["body", "next"]) add(`steps.${step.id}.${k}`, sns);
      if (step.form) add(`steps.${step.id}.form`, sns);
    }
    // Notices that depend on earlier answers (QuestionStep.notice).
    for (const step of flow.steps) if (step.kind === "question" && step.notice) for (const v of step.notice.values) add(`steps.${step.id}.notice.${v}`, step.namespace ?? ns);
    // A flow that can start from an earlier submission: its upload page, and where it hands over to.
    if (flow.prefillFrom) {
      for (const k of ["title", "lead", "privacy", "fileLabel", "fileHint", "submit", "skip", "done"]) add(`prefill.${k}`, ns);
      for (const e of PREFILL_ERRORS) add(`prefill.errors.${e}`, ns);
    }
    for (const h of flow.handOvers ?? []) if (h.notice) for (const k of ["title", "body"]) add(`${h.notice}.${k}`, ns);
    // The flow's Nachweis catalogue, as it declares it (its `nachweise` can return only these keys).
    for (const key of flow.nachweisKeys) add(`nachweise.${key}`, ns);
  }
  // Built at run time: change names (receipt), per-kind Bescheide, the forms an Erstantrag stands for.
  const model = readFileSync(join("app", "model", "veraenderungsmitteilung.ts"), "utf8");
  for (const m of model.slice(model.indexOf("export type Aenderung")).matchAll(/\bart: "(\w+)"/g)) add(`aenderungsarten.${m[1]}`, "veraenderung");
  const xsd = readFileSync("public/schemas/antrag-1.0.xsd", "utf8");
  const anlagen = xsd.slice(xsd.indexOf('name="CodeAnlage"'), xsd.indexOf("</xs:simpleType>", xsd.indexOf('name="CodeAnlage"')));
  // The forms a Hauptantrag-shaped flow stands for (the WBA form only in the renewal's namespace).
  for (const m of anlagen.matchAll(/value="(\w+)"/g)) {
    for (const f of flows.filter((x) => ["erstantrag", "weiterbewilligung"].includes(x.id))) if (m[1] !== "WBA" || f.id === "weiterbewilligung") add(`formulare.${m[1]}`, f.namespace);
  }
  // The renewal's separate applications on the receipt (weiterbewilligung/document.server.ts).
  for (const g of GESONDERT) add(`gesondert.${g}`, "weiterbewilligung");
  if (flows.some((f) => f.id === "kurzantrag")) add("receiptItem", "kurzantrag");
  // The BuT receipt names each Leistung by its `art` (but/document.server.ts).
  for (const art of Object.values(LEISTUNG_OF)) add(`kategorien.${art}`, "but");
  // Step intros are shown when present (has()).
  const optional = [...new Set(flows.flatMap((f) => [f.namespace, ...f.steps.map((s) => s.namespace ?? f.namespace)]))]
    .map((ns) => new RegExp(`^${ns}:steps\\.\\w+\\.intro$`));
  return { exact, optional };
}

describe("translations", () => {
  const de = Object.fromEntries([...namespaces, ...CHECKED_GERMAN_ONLY].map((ns) => [ns, load("de", ns)]));

  // Every offered language of the table (app/i18n/languages.ts): flipping one to "offered" adds it here.
  it.each(LANGUAGES.filter((l) => l !== "de"))("%s has exactly the German keys and placeholders", (lng) => {
    for (const ns of namespaces) {
      const other = load(lng, ns);
      expect(Object.keys(other).sort(), `${lng}/${ns}`).toEqual(Object.keys(de[ns]).sort());
      for (const [key, text] of Object.entries(de[ns])) {
        const vars = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
        expect(vars(other[key]), `${lng}/${ns}:${key}`).toEqual(vars(text));
        expect(other[key].trim(), `${lng}/${ns}:${key} is empty`).not.toBe("");
      }
    }
  });

  it("has every key the code asks for", () => {
    const { exact } = usedKeys();
    const missing = [...exact].filter((k) => {
      const [ns, key] = k.split(":");
      return !(de[ns] && key in de[ns]);
    });
    expect(missing).toEqual([]);
  });

  it("has no key that nothing uses", () => {
    const { exact, optional } = usedKeys();
    const unused = [...namespaces, ...CHECKED_GERMAN_ONLY].flatMap((ns) => Object.keys(de[ns]).map((k) => `${ns}:${k}`))
      .filter((k) => !exact.has(k) && !optional.some((re) => re.test(k)));
    expect(unused).toEqual([]);
  });

  it.each(CHECKED_GERMAN_ONLY)("%s exists only in German", (ns) => {
    for (const lng of LANGUAGES.filter((l) => l !== "de")) expect(existsSync(join("locales", lng, `${ns}.json`)), `${lng}/${ns}`).toBe(false);
  });

  it.each(LANGUAGES.filter((l) => LANGUAGE_TABLE.find((r) => r.code === l)?.script === "Arabic"))("%s uses Latin digits, as the German documents do", (lng) => {
    for (const ns of namespaces) for (const [k, v] of Object.entries(load(lng, ns))) expect(/[\u0660-\u0669\u06F0-\u06F9]/.test(v), `${lng}/${ns}:${k}`).toBe(false);
  });

  // A language in preparation may still miss texts, but every key it has must be a German key
  // (a renamed or invented key would be lost when it is offered). Files being written and not
  // yet valid JSON are not judged; a folder that does not exist yet neither.
  const preparation = LANGUAGE_TABLE.filter((r) => r.status === "preparation" && existsSync(join("locales", r.code))).map((r) => r.code);
  it.each(preparation.length ? preparation : ["(none)"])("%s (in preparation) has no key German does not have", (lng) => {
    if (lng === "(none)") return;
    for (const ns of namespaces) {
      const file = join("locales", lng, `${ns}.json`);
      if (!existsSync(file)) continue;
      let tree: Tree;
      try { tree = JSON.parse(readFileSync(file, "utf8")) as Tree; } catch { continue; }
      const extra = Object.keys(flat(tree)).filter((k) => !(k in de[ns]));
      expect(extra, `${lng}/${ns}`).toEqual([]);
    }
  });

  it("has no locale folder for a German-only namespace in a language in preparation", () => {
    for (const r of LANGUAGE_TABLE.filter((row) => row.status === "preparation")) {
      for (const ns of CHECKED_GERMAN_ONLY) expect(existsSync(join("locales", r.code, `${ns}.json`)), `${r.code}/${ns}`).toBe(false);
    }
  });
});

describe("labels of optional fields", () => {
  // The page appends the language's own optional marker (common:optional, ui/Field.tsx); a label
  // that carries it too reads "(freiwillig) (freiwillig)".
  it.each(LANGUAGES)("%s: no optional field's label ends with the marker the page adds", (lng) => {
    const marker = String(JSON.parse(readFileSync(join("locales", lng, "common.json"), "utf8")).optional).trim();
    const doubled: string[] = [];
    for (const flow of flowIds().map((id) => getFlow(id)!)) {
      for (const step of flow.steps) {
        const ns = step.namespace ?? flow.namespace;
        const texts = JSON.parse(readFileSync(join("locales", lng, `${ns}.json`), "utf8"));
        const base = texts.steps?.[(step.kind === "question" && step.texts) || step.id]?.fields ?? {};
        for (const f of step.fields) if (f.optional && String(base[f.name]?.label ?? "").trim().endsWith(marker)) doubled.push(`${ns}:${step.id}.${f.name}`);
      }
    }
    expect([...new Set(doubled)]).toEqual([]);
  });
});
