/**
 * Two-way bindings between a flow's answers and its German model (ADR 0026). A step declares
 * where in the model its page writes (`StepModel`), each field where its answer goes
 * (`FieldDef.bind`, default: the field's own name). From these declarations alone come
 *
 *   bindToModel:   answers → model   (what the jobcenter receives)
 *   bindFromModel: model → answers   (prefill from an earlier submission, round-trip test)
 *
 * Paths are dot-separated model keys relative to the step's scope: a number indexes a list,
 * `[key=value]` finds (or makes) the list item with that value (`[key=value]#n` the n-th such
 * item, counted from 0: a per-person page's place among items a group wrote, ADR 0042), a
 * leading `../` goes up one level and
 * `{i}` is the household member a per-person page is for (`{g}` the same member's place in the
 * member group, i − 1: for a model that lists the further persons apart from the lead person). Only values no single answer holds
 * (who is in the Bedarfsgemeinschaft, which Anlagen, dates the law derives) stay code, in the
 * flow's own folder.
 */
import { asked } from "./fields";
import type { Answers, AnswerView, Binding, FieldDef, FieldValue, FlowDefinition, OptionBinding, Step, StepValues } from "./types";

type Model = Record<string, unknown>;
/** What the bindings need of a flow: its steps, and where its household comes from. */
export type BoundSteps = Pick<FlowDefinition, "steps" | "members">;
type Segment = string;

const SELECTOR = /^\[(\w+)=([^\]]+)\](?:#(\d+))?$/;

/** `{i}` / `{g}` in a scope segment (alone, or as the n of `[key=value]#n`) → the member's number. */
const withMember = (raw: Segment, member: number | undefined) =>
  raw.replace("{i}", String(member ?? 0)).replace("{g}", String((member ?? 1) - 1));

/** Scope and relative path → absolute segments, with the member index filled in. */
function resolve(scope: string, path: string, member: number | undefined): Segment[] {
  const out: Segment[] = [];
  for (const raw of scope.split(".")) if (raw !== "") out.push(withMember(raw, member));
  return under(out, path);
}

/** The items of a list with a selector's value. */
const matching = (list: unknown[], selector: RegExpExecArray) => list.filter((item) => (item as Model)?.[selector[1]] === selector[2]) as Model[];

/** The item a selector picks: the first with the value, or the n-th of them. */
function selected(list: unknown[], selector: RegExpExecArray): Model | undefined {
  return matching(list, selector)[selector[3] === undefined ? 0 : Number(selector[3])];
}

/** A path relative to a scope (`..` leaves the scope upwards). */
export function under(scope: readonly Segment[], path: string): Segment[] {
  const out = [...scope];
  let rest = path;
  while (rest.startsWith("../")) { out.pop(); rest = rest.slice(3); }
  for (const raw of rest.split(".")) if (raw !== "") out.push(raw);
  return out;
}

/**
 * A step's scope as an absolute model path for member 0, a new item as a selector on its first
 * constant (`[art=Erwerbseinkommen]`): where its fields' bindings start (documents, coverage).
 */
export function scopeOf(step: Pick<Step, "model">): Segment[] {
  const m = step.model;
  if (!m) return [];
  const base = m.at.split(".").filter(Boolean).map((s) => s.replace("{i}", "0").replace("{g}", "0").replace(/#\d+$/, ""));
  if (m.create !== "item") return base;
  const [key, value] = Object.entries(m.item ?? {})[0] ?? [];
  return [...base, key ? `[${key}=${value}]` : "0"];
}

function child(node: unknown, segment: Segment): unknown {
  if (node === null || typeof node !== "object") return undefined;
  const selector = SELECTOR.exec(segment);
  if (selector) return Array.isArray(node) ? selected(node, selector) : undefined;
  return (node as Model)[segment];
}

export function getPath(model: unknown, segments: readonly Segment[]): unknown {
  let node = model;
  for (const s of segments) node = child(node, s);
  return node;
}

/** The container a segment lives in, made if missing (a list before a selector or an index). */
function container(node: Model | unknown[], segment: Segment, next: Segment | undefined): Model | unknown[] {
  const wantsList = next !== undefined && (SELECTOR.test(next) || /^\d+$/.test(next));
  const selector = SELECTOR.exec(segment);
  if (selector) {
    const list = node as unknown[];
    let item = selected(list, selector);
    if (!item) { item = { [selector[1]]: selector[2] }; list.push(item); }
    return item;
  }
  const record = node as Record<string, unknown>;
  if (record[segment] === undefined || record[segment] === null) record[segment] = wantsList ? [] : {};
  return record[segment] as Model | unknown[];
}

function ensure(model: Model, segments: readonly Segment[], leaf: "object" | "list"): Model | unknown[] {
  let node: Model | unknown[] = model;
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    const next = last ? (leaf === "list" ? "0" : undefined) : segments[i + 1];
    node = container(node, s, next);
  });
  return node;
}

function setPath(model: Model, segments: readonly Segment[], value: unknown): void {
  const parent = ensure(model, segments.slice(0, -1), "object") as Record<string, unknown>;
  parent[segments[segments.length - 1]] = value;
}

/** A field's bindings in their general form. */
export function bindingsOf(field: FieldDef): Binding[] {
  if (field.bind === false) return [];
  if (field.bind === undefined) return [{ path: field.name }];
  if (typeof field.bind === "string") return [{ path: field.bind }];
  return Array.isArray(field.bind) ? [...field.bind] : [field.bind as Binding];
}

const holds = (scoped: (path: string) => unknown, option: OptionBinding): boolean => {
  if ("flag" in option) return scoped(option.flag) === !option.negate;
  return (Array.isArray(option.present) ? option.present : [option.present]).some((p) => scoped(p) !== undefined);
};

// ---- answers → model ---------------------------------------------------------------------

function writeField(model: Model, scope: Segment[], field: FieldDef, value: FieldValue | undefined): void {
  for (const b of bindingsOf(field)) {
    const at = (path: string) => under(scope, path);
    if ("options" in b) {
      // Options that stand for a fact of the model: flags are written either way, presence comes from other pages.
      const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
      for (const [option, meaning] of Object.entries(b.options)) {
        if ("flag" in meaning) setPath(model, at(meaning.flag), chosen.includes(option) !== Boolean(meaning.negate));
      }
      continue;
    }
    // A list answered with nothing is an empty list in the model (the page was answered).
    if (value === undefined && field.kind === "checkboxes") { setPath(model, at(b.path), []); continue; }
    if (value === undefined || value === b.none) continue;
    if (b.as === "yesNo") setPath(model, at(b.path), value === "ja");
    else if (field.kind === "number") setPath(model, at(b.path), Number(value));
    else setPath(model, at(b.path), Array.isArray(value) ? [...value] : value);
  }
}

/** Where a page's answers go, with its scope made (object, list or a new list item). */
function openScope(model: Model, step: Step, member: number | undefined): Segment[] | undefined {
  const m = step.model;
  if (!m) return undefined;
  const scope = resolve(m.at, "", member);
  if (m.create === "item") {
    const list = ensure(model, scope, "list") as unknown[];
    list.push({ ...(m.item ?? {}) });
    return [...scope, String(list.length - 1)];
  }
  if (m.create !== "none" && scope.length > 0) ensure(model, scope, m.create === "list" ? "list" : "object");
  return scope;
}

/** The fields a page asked with these answers: a conditional question whose condition failed was not asked, and writes nothing (not even an empty list). */
function askedFields(fields: readonly FieldDef[], values: Partial<Record<string, FieldValue | undefined>>): FieldDef[] {
  return fields.filter((f) => !f.onlyWhen || asked(f.onlyWhen, values[f.onlyWhen.field]));
}

/**
 * The bound part of the model from the (pruned) answers, page by page in the flow's order,
 * into `model` (which the flow may have started with derived values, e.g. the household).
 */
export function bindToModel(flow: BoundSteps, view: AnswerView, model: Model = {}): Model {
  const memberCount = flow.members ? view.members().length : 0;
  for (const step of flow.steps) {
    if (!step.model) continue;
    const keys = step.forEach
      ? Array.from({ length: memberCount }, (_, i) => ({ key: `${step.id}/${i}`, member: i as number | undefined }))
      : [{ key: step.id, member: undefined }];
    if (step.kind === "group") {
      // A group's items, or with forEach each member's items, in the order they were added.
      for (const { key, member } of keys) {
        for (const item of view.items(key)) {
          const scope = openScope(model, step, member)!;
          for (const field of askedFields(step.fields, item)) writeField(model, scope, field, item[field.name]);
        }
      }
      continue;
    }
    for (const { key, member } of keys) {
      if (!view.answered(key)) continue;
      const scope = openScope(model, step, member)!;
      const values = Object.fromEntries(step.fields.map((f) => [f.name, view.value(key, f.name)]));
      for (const field of askedFields(step.fields, values)) writeField(model, scope, field, values[field.name]);
    }
  }
  return model;
}

// ---- model → answers ---------------------------------------------------------------------

function readField(model: Model, scope: Segment[], field: FieldDef): FieldValue | undefined {
  const scoped = (path: string) => getPath(model, under(scope, path));
  for (const b of bindingsOf(field)) {
    if ("options" in b) {
      const chosen = Object.entries(b.options).filter(([, meaning]) => holds(scoped, meaning)).map(([o]) => o);
      if (field.kind === "checkboxes") {
        const inOrder = field.options.filter((o) => chosen.includes(o));
        if (inOrder.length > 0) return inOrder;
        // Nothing of the list holds: the explicit "none of these", if the field has one.
        if (b.otherwise !== undefined) return [b.otherwise];
        continue;
      }
      if (chosen.length > 0) return chosen[0];
      if (b.otherwise !== undefined) return b.otherwise;
      continue;
    }
    const value = scoped(b.path);
    if (value === undefined || value === null) {
      if (b.none !== undefined) return b.none;
      continue;
    }
    if (b.as === "yesNo") return value === true ? "ja" : "nein";
    if (Array.isArray(value)) return value.length > 0 ? value.map(String) : undefined;
    return String(value);
  }
  return undefined;
}

function valuesAt(model: Model, scope: Segment[], fields: readonly FieldDef[]): StepValues {
  const values: StepValues = {};
  for (const field of fields) {
    const v = readField(model, scope, field);
    if (v !== undefined) values[field.name] = v;
  }
  return values;
}

/** The items of a list scope that a step's items stand for (those with its constants). */
function itemsOf(model: Model, step: Step, member: number | undefined): Segment[][] {
  const m = step.model!;
  const scope = resolve(m.at, "", member);
  const list = getPath(model, scope);
  if (!Array.isArray(list)) return [];
  const constants = Object.entries(m.item ?? {});
  return list.flatMap((item, i) => (constants.every(([k, v]) => (item as Model)?.[k] === v) ? [[...scope, String(i)]] : []));
}

/** The household members a per-person scope ranges over: the list before `{i}` (or `{g}`, which skips the lead). */
function membersOf(model: Model, step: Step): number[] {
  const at = step.model?.at ?? "";
  // `[key=value]#{g}`: as many further members as the list has items with that value.
  const nth = at.split(".").findIndex((s) => s.endsWith("#{g}"));
  if (nth >= 0) {
    const segments = at.split(".");
    const list = getPath(model, resolve(segments.slice(0, nth).join("."), "", undefined));
    const selector = SELECTOR.exec(segments[nth].replace("#{g}", ""))!;
    const count = Array.isArray(list) ? matching(list, selector).length : 0;
    return Array.from({ length: count }, (_, i) => i + 1);
  }
  const marker = at.includes("{g}") ? "{g}" : "{i}";
  const list = at.includes(marker) ? getPath(model, resolve(at.split(`.${marker}`)[0], "", undefined)) : undefined;
  const count = Array.isArray(list) ? list.length : 0;
  return marker === "{g}" ? Array.from({ length: count }, (_, i) => i + 1) : Array.from({ length: count }, (_, i) => i);
}

/**
 * Answers for every page the bindings can fill from the model (unpruned: the caller prunes
 * with the flow's conditions, which drops what the person was never asked). A page whose
 * scope exists but holds nothing gets empty answers, as a page answered with nothing has.
 */
export function bindFromModel(flow: BoundSteps, model: Model): Answers {
  const answers: Answers = {};
  for (const step of flow.steps) {
    if (!step.model) continue;
    const members = step.forEach ? membersOf(model, step) : [undefined];
    for (const member of members) {
      const key = member === undefined ? step.id : `${step.id}/${member}`;
      if (step.kind === "group") {
        // A member's list exists only if it has items (nothing was asked of the others).
        const items = itemsOf(model, step, member).map((scope) => valuesAt(model, scope, step.fields));
        if (member === undefined || items.length > 0) answers[key] = items;
      } else if (step.model.create === "item") {
        const [scope] = itemsOf(model, step, member);
        if (scope) answers[key] = valuesAt(model, scope, step.fields);
      } else {
        answers[key] = valuesAt(model, resolve(step.model.at, "", member), step.fields);
      }
    }
  }
  return answers;
}
