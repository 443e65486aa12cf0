/**
 * Flow declarations. A flow is data: steps with fields, conditions and Nachweis rules.
 * Field definitions are plain, serialisable objects so that the browser can rebuild the very
 * same zod schema from loader data (see fields.ts) without shipping the flow definitions.
 */
import type { FLOW_ATTENTION_CODES } from "~/caseworker/texts";

import type { Jobcenter } from "~/tenants/jobcenter";

/** Raw answer values as a form posts them: strings, or string lists for checkboxes. */
export type FieldValue = string | string[];
export type StepValues = Record<string, FieldValue>;
/** A step's answers, or a repeating group's list of item answers. */
export type Answers = Record<string, StepValues | StepValues[]>;

/**
 * Where a field's answer lives in the flow's model, relative to its step's scope (StepModel;
 * path syntax in binding.ts). Serialisable, so the browser could read it too.
 */
export type Binding =
  | {
    path: string;
    /** A "ja"/"nein" radio stored as a boolean. */
    as?: "yesNo";
    /** The answer that means "nothing to record" (e.g. Vertretung "keine"); an absent path reads back as it. */
    none?: string;
  }
  | {
    /** Options that stand for facts of the model: a boolean flag, or the presence of what a later page records. */
    options: Readonly<Record<string, OptionBinding>>;
    /** The answer when none of the options' facts holds (a radio's other option, a list's "none of these"). */
    otherwise?: string;
  };

export type OptionBinding =
  | { flag: string; negate?: boolean }
  | { present: string | readonly string[] };

/**
 * Where a step's page writes in the model: `at` is its scope (`{i}` = the household member of a
 * per-person page). `create`: "object" (default) makes the scope when the page is answered,
 * "list" makes a list there, "item" appends a new item with the `item` constants (a group adds
 * one per entry), "none" writes into what exists.
 */
export interface StepModel {
  at: string;
  create?: "object" | "list" | "item" | "none";
  item?: Readonly<Record<string, string>>;
}

interface FieldBase {
  name: string;
  /**
   * Where the answer goes in the model (binding.ts): default the field's own name under the
   * step's scope; false for an answer only code derives from (and back).
   */
  bind?: string | false | Binding | readonly Binding[];
  /** Empty input is allowed (stored as absent). */
  optional?: boolean;
  /** Show a hint text (`<flow>:steps.<step>.fields.<name>.hint`). */
  hint?: boolean;
  /**
   * A question several pages ask alike (e.g. whom a change concerns): its texts are at
   * `steps.<texts>.fields.<name>` in the step's namespace instead of the step's own — or, as
   * "<namespace>:<step>", a building block's question with the block's texts (ADR 0032).
   */
  texts?: string;
  /**
   * Asked only with a sibling answer (GOV.UK conditional question): required (unless optional)
   * when the field `field` has the value `is` (or one of them); otherwise not validated and not stored.
   */
  onlyWhen?: { field: string; is: string | readonly string[] };
  autocomplete?: string;
  /**
   * Whether a prefilled draft (a renewal from an earlier submission) may carry the answer over:
   * default yes, but not for money amounts, which must be current (wages, balances, benefits).
   * Set true for amounts that stay until changed (rent), false for what must be asked anew
   * (health details).
   */
  prefill?: boolean;
}

export interface TextField extends FieldBase {
  kind: "text" | "textarea" | "email" | "tel" | "name";
  maxLength?: number;
}
export interface PostcodeField extends FieldBase {
  kind: "postcode";
}
export interface IbanField extends FieldBase {
  kind: "iban";
}
export interface MoneyField extends FieldBase {
  kind: "money";
  /** Upper bound in euros (inclusive). */
  max?: number;
}
/** A whole number, e.g. square metres or rooms. */
export interface NumberField extends FieldBase {
  kind: "number";
  min: number;
  max: number;
}
/** German identifiers with a check: Steuer-ID (11 digits, ISO 7064), Rentenversicherungsnummer. */
export interface IdentifierField extends FieldBase {
  kind: "steuerId" | "rvNummer";
}
export interface DateField extends FieldBase {
  kind: "date";
  /** "past": today or earlier; "future": today or later. */
  relative?: "past" | "future";
  /** The date must not lie before the date in this sibling field. */
  notBefore?: string;
  /** The earliest date accepted (YYYY-MM-DD), e.g. the start of the dated parameter table. */
  earliest?: string;
}
export interface ChoiceField extends FieldBase {
  kind: "radio" | "checkboxes";
  options: readonly string[];
  /**
   * Checkboxes: the option that means "none of these" (GOV.UK pattern) — an explicit answer
   * instead of an empty submit, and never ticked together with another option.
   */
  exclusive?: string;
  /** Each option has an explanation under it (`<field>.optionHints.<option>`), e.g. what a document looks like. */
  optionHints?: boolean;
}

/**
 * A country, stored as its ISO 3166-1 alpha-2 code (app/i18n/countries.ts, ADR 0030): a select
 * with the names in the page's language, searchable with JavaScript.
 */
export interface CountryField extends FieldBase {
  kind: "country";
  /** Also offer XX, "stateless or not established" (a nationality). */
  unknown?: boolean;
}

export type FieldDef = TextField | PostcodeField | IbanField | MoneyField | NumberField | IdentifierField | DateField | ChoiceField | CountryField;

/** A view of the answers for conditions: only answers of steps reachable so far. */
export interface AnswerView {
  /** The value of `step.field`, or undefined. */
  value(stepId: string, field: string): FieldValue | undefined;
  /** Whether a checkbox field includes `option` or a radio field equals it. */
  has(stepId: string, field: string, option: string): boolean;
  /** Whether the step has stored answers (and is reachable). */
  answered(stepId: string): boolean;
  /** Items of a repeating group. */
  items(groupId: string): StepValues[];
  /** A page's answers as a list: a repeating group's items, or the answered page alone (none if unanswered). */
  entries(key: string): StepValues[];
  /** The household: the lead step's answers, then the member group's items (see FlowDefinition.members). */
  members(): Member[];
}

export type Condition = (answers: AnswerView) => boolean;

/**
 * A person of the household. Index 0 is the applicant (the answers of the lead step); index
 * i > 0 is item i − 1 of the member group. Per-person answers are stored under "<step>/<index>".
 */
export interface Member {
  index: number;
  values: StepValues;
}

/** Whether a per-person step is asked for this member. */
export type MemberCondition = (member: Member, answers: AnswerView) => boolean;

export interface QuestionStep {
  kind: "question";
  id: string;
  section: string;
  fields: readonly FieldDef[];
  when?: Condition;
  /**
   * Asked once per household member for whom this holds (a page per person, "<id>/<index>").
   * Consecutive per-person steps are asked person by person: all of the applicant's, then the
   * next person's.
   */
  forEach?: MemberCondition;
  /** Field texts shared with another step: `steps.<texts>.fields.*` instead of `steps.<id>.fields.*`. */
  texts?: string;
  /** Where the page's answers go in the model (fields bind relative to it). */
  model?: StepModel;
  /** Namespace of the step's texts (its building block's); default the flow's. */
  namespace?: string;
  /**
   * Options not offered to this member, each with the key of its reason
   * (`steps.<id>.withheld.<reason>`, one of `reasons`): the page shows the rest and says why, the
   * server and the browser validate against what is offered (ADR 0034). `of` gives field name →
   * option → reason.
   */
  withhold?: {
    reasons: readonly string[];
    of(member: Member | undefined, answers: AnswerView): Record<string, Record<string, string>>;
  };
  /**
   * A form to download from this page (FlowDefinition.forms), for someone else to fill in (the
   * school's Teil B): linked under the intro with the text `steps.<id>.form`.
   */
  form?: string;
  /**
   * A page that ends the flow (the case belongs to another office): its texts say where to go,
   * it has no form, and nothing after it is reachable.
   */
  end?: boolean;
  /**
   * A notice above the form that depends on earlier answers: `of` picks one of `values` (the
   * text is `steps.<id>.notice.<value>`), or undefined for none.
   */
  notice?: { values: readonly string[]; of(answers: AnswerView): string | undefined };
  /**
   * What the answers so far amount to, shown above the form in groups (e.g. the household as the
   * jobcenter counts it): each group's texts are `steps.<id>.groups.<group>.title|body`, each
   * entry a name and the key of its reason, `steps.<id>.reasons.<reason>`. `groups` and
   * `reasons` list every key that can occur.
   */
  overview?: {
    groups: readonly string[];
    reasons: readonly string[];
    of(answers: AnswerView): { group: string; entries: { name: string; reason: string }[] }[];
  };
}

/** A repeating group: a list page (add / change / remove) and one page per item. */
export interface GroupStep {
  kind: "group";
  id: string;
  section: string;
  fields: readonly FieldDef[];
  /**
   * A list per household member for whom this holds ("<id>/<index>", e.g. each child's day
   * trips), asked in the run of per-person steps like QuestionStep.forEach; its items are at
   * "/antrag/<flow>/<id>/<index>/<item>".
   */
  forEach?: MemberCondition;
  /** Fields whose values name an item in the list and in check-answers. */
  itemLabel: readonly string[];
  /**
   * Fields shown under each entry's label on the list: a choice as its option's text, a date as
   * the age it gives (e.g. a household member's relationship and age).
   */
  itemDetail?: readonly string[];
  minItems: number;
  maxItems: number;
  when?: Condition;
  /** Where each entry goes in the model (usually `create: "item"`). */
  model?: StepModel;
  /** Namespace of the step's texts (its building block's); default the flow's. */
  namespace?: string;
}

export type Step = QuestionStep | GroupStep;

export interface NachweisRequirement {
  /** Key under `nachweise.<key>` in the flow's namespace and the German catalogue. */
  key: string;
  /** The step whose answers triggered it (for the checklist's grouping). */
  reason: string;
  /** The household member it concerns (their name), for per-person Nachweise. */
  person?: string;
}

export interface FlowDefinition<Model = unknown> {
  id: string;
  /** Version of the questions; recorded with every submission. */
  formVersion: string;
  /** Translation namespace (locales/<lng>/<namespace>.json). */
  namespace: string;
  sections: readonly string[];
  steps: readonly Step[];
  /** Where the household comes from, for flows with per-person steps. */
  members?: MembersSource;
  nachweise(answers: AnswerView): NachweisRequirement[];
  /** Every Nachweis key `nachweise` can return (texts: `nachweise.<key>` in the flow's namespace). */
  nachweisKeys: readonly string[];
  /** Values for `{{…}}` placeholders in the texts (e.g. the benefit's name, an allowance in €). */
  textVars?(answers: AnswerView, language: string): Record<string, string>;
  /**
   * The date whose law applies (YYYY-MM-DD), if the answers can move it before the day of
   * receipt (an application already made informally, a Kurzantrag). Default: the day of receipt.
   */
  rechtsstand?(answers: AnswerView, receivedOn: string): string;
  /**
   * Flows that continue this one after submission (the Kurzantrag → the Erstantrag), offered on
   * the receipt: each with its id, the answers its draft starts with (from this submission's
   * model) and the key of its texts on the receipt (`<texts>.title|body|button`, with namespace).
   */
  followUps?: readonly FollowUp[];
  /** Pruned answers → the canonical, German-named model (bindings, plus what only code derives). */
  toModel(answers: AnswerView, meta: SubmissionMeta): Model;
  /** A model → the answers that produce it, pruned (prefill; the inverse of toModel). */
  fromModel(model: Model): Answers;
  /** What the documents and the caseworker area make of the model (server only). */
  document: FlowDocument<Model>;
  /** The model's `art`: its element in the XSD's <Fachdaten> choice. */
  modelElement: string;
  /** Closing a submission of this flow needs a Freigabe by a second person (four eyes, ADR 0020). */
  fourEyes?: boolean;
  /**
   * Addresses whose postcode decides the responsible jobcenter (§ 36 SGB II): when one belongs
   * to another jobcenter, check-answers says so with `text` (vars plz, jobcenter, zustaendig)
   * and links to the page. Default: the applicant's address (`anschrift`).
   */
  postcodeChecks?: readonly { step: string; text: string }[];
  /** Key of the flow's name in the caseworker area (inbox filter, dashboard). */
  inboxLabel: string;
  /**
   * Other flows this one hands the applicant over to when an answer shows it is the wrong one
   * (a renewal after too long a gap is an Erstantrag): checked after each answered page; the
   * answers so far go along (same step ids, same meaning).
   */
  handOvers?: readonly HandOver[];
  /** Jobcenter settings the conditions need, stored with the draft as `_mandant` when it starts. */
  tenantSettings?(jobcenter: Jobcenter): StepValues;
  /**
   * Which tenant receives and seals a submission, if not the jobcenter the postcode found: an id
   * from the jobcenter's own routing settings (BuT: the office for the family's legal regime,
   * ADR 0034). Undefined keeps the jobcenter.
   */
  recipient?(answers: AnswerView, jobcenter: Jobcenter): string | undefined;
  /**
   * Forms the applicant downloads from a page (QuestionStep.form) and hands to someone else to
   * fill in, as PDFs filled from the draft so far: name → generator (server only).
   */
  forms?: Readonly<Record<string, (answers: AnswerView, member: Member | undefined) => Promise<Uint8Array>>>;
  /** The model elements (`modelElement`) of earlier sealed submissions this flow can start from (ADR 0028). */
  prefillFrom?: readonly string[];
}

export interface HandOver {
  when: Condition;
  flowId: string;
  /** Key of the notice the other flow's first page shows (`<namespace>:<notice>.title|body`), if it needs one. */
  notice?: string;
  /** The answers the other flow starts with (default: all answers so far). */
  seed?(answers: Answers): Answers;
}

export interface FollowUp {
  flowId: string;
  texts: string;
  /** This flow offers itself on the follow-up's start page as the shorter way in (the Kurzantrag: secure the date first). */
  offerOnStart?: boolean;
  /** Whether this submission continues in it (default: always). */
  when?(model: unknown): boolean;
  seed(model: unknown, reference: string, receivedOn: string): Answers;
}

/** One thing a receipt lists as sent: a key in the flow's namespace, and the person a form is for. */
export interface SubmittedItem {
  key: string;
  person?: string;
}

/** The writer a flow's document outline goes into (app/submission/outline.ts). */
export interface OutlineSink {
  heading(text: string): void;
  subheading(text: string): void;
  row(label: string, value: string): void;
  paragraph(text: string): void;
  note(text: string): void;
  checkItem(text: string, detail?: string): void;
}

export interface FlowDocument<Model> {
  /**
   * The flow's own part of the caseworker PDF and the caseworker page, in German, in the order
   * of the official form (the header, Anmerkungen, Nachweise and Anlagen are common to all flows).
   */
  outline(model: Model, out: OutlineSink): void;
  /** The person who applied or reported, for the inbox and the submission page. */
  person(model: Model): { vorname: string; nachname: string };
  /** What the receipt page and the receipt PDF list as sent. */
  receiptItems(model: Model): SubmittedItem[];
  /**
   * The day from which benefits must go on (a renewal: the new period's start), if the flow has
   * one: the inbox shows it and sorts the most urgent first.
   */
  dueDate?(model: Model): string | undefined;
  /**
   * What the caseworker should look at first (the submission page's "Zu beachten", ADR 0029):
   * computed from the answers, in the flow's own terms. `inArea` tells whether a postcode
   * belongs to the receiving jobcenter.
   */
  attention?(model: Model, context: { inArea(postcode: string): boolean }): FlowAttention[];
}

/** One point for the caseworker's attention; the German text is `sachbearbeitung:hinweise.<code>`. */
export interface FlowAttention {
  code: (typeof FLOW_ATTENTION_CODES)[number];
  values?: Record<string, string | number>;
}

export interface MembersSource {
  /** The question step with the applicant's own data (member 0). */
  lead: string;
  /** The repeating group with the further persons (members 1…n). */
  group: string;
}

export interface SubmissionMeta {
  receivedAt: Date;
  language: string;
}

/** What the browser needs to render and validate one step (serialisable). */
export interface StepView {
  flowId: string;
  namespace: string;
  stepId: string;
  kind: Step["kind"];
  section: string;
  fields: readonly FieldDef[];
}

/** One page of the journey: a step, or a per-person step for one member ("<step>/<index>"). */
export interface Page {
  key: string;
  step: Step;
  member?: Member;
  /** The step's fields as this page asks them: without withheld options (QuestionStep.withhold). */
  fields?: readonly FieldDef[];
  /** Options withheld on this page, with their reasons. */
  withheld?: readonly { field: string; option: string; reason: string }[];
}
