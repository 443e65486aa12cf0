/**
 * The work part of the submission page: status and assignment, the buttons this person may use
 * now, the four-eyes explanation, and the Nachforderung form with the submission's own Nachweis
 * checklist. Plain POST forms: everything works without JavaScript.
 */
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { shortcut, type ShortcutKey } from "./shortcuts";

const KEYS: Partial<Record<string, ShortcutKey>> = { uebernehmen: "u", vollstaendig: "v", freigeben: "f" };

export interface WorkflowView {
  status: string;
  assignedName: string | null;
  completedName: string | null;
  approvedName: string | null;
  approvedAt: string | null;
  flagged: boolean;
  fourEyes: boolean;
  actions: string[];
  freigabeBlocker?: string;
  colleagues: { id: string; name: string }[];
}

export interface RequestView {
  slots: { slot: string; label: string }[];
  existing: { nummer: number; created: string; frist: string; items: string[]; notiz: string; answered: string | null; by: string }[];
  defaultDeadline: string;
  minDeadline: string;
  maxDeadline: string;
}

export interface FormState {
  problem?: string;
  /** Why a Freigabe was refused (FREIGABE_BLOCKERS). */
  blocker?: string;
  fields?: { name: string; code: string }[];
  values?: { nachweise: string[]; notiz: string; frist: string };
}

const STATUS_BUTTONS = ["bearbeiten", "vollstaendig", "abschliessen", "freigeben", "gesichtet"] as const;

function ActionButton({ status, intent, primary }: { status: string; intent: string; primary?: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="status" value={status} />
      <button type="submit" name="intent" value={intent} className={`button ${primary ? "button--primary" : "button--secondary"}`} {...(KEYS[intent] ? shortcut(KEYS[intent]!) : {})}>
        {t(`sachbearbeitung:workflow.aktionen.${intent}`)}
      </button>
    </Form>
  );
}

export function WorkflowPanel({ w, meldung, state }: { w: WorkflowView; meldung?: string; state?: FormState }) {
  const t = useT();
  const can = (a: string) => w.actions.includes(a);
  return (
    <section aria-labelledby="workflow-title" className="workflow">
      <h2 id="workflow-title">{t("sachbearbeitung:workflow.titel")}</h2>
      {state?.problem ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(`sachbearbeitung:workflow.probleme.${state.problem}`)}</p>
          {state.blocker ? <p data-blocker={state.blocker}>{t(`sachbearbeitung:workflow.blocker.${state.blocker}`)}</p> : null}
        </div>
      ) : null}
      {meldung ? <div className="notice" role="status"><p>{t(`sachbearbeitung:workflow.meldungen.${meldung}`)}</p></div> : null}
      {w.flagged ? <div className="notice notice--warning" data-flag="neu"><p>{t("sachbearbeitung:workflow.neueUnterlagen")}</p></div> : null}
      <div className="workflow__bar">
        <dl className="summary-list workflow__state">
          <div className="summary-list__row">
            <dt className="summary-list__key">{t("sachbearbeitung:spalten.status")}</dt>
            <dd className="summary-list__value" data-workflow-status={w.status}>{t(`sachbearbeitung:status.${w.status}`)}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">{t("sachbearbeitung:workflow.zugewiesen")}</dt>
            <dd className="summary-list__value">{w.assignedName ?? t("sachbearbeitung:workflow.niemand")}</dd>
          </div>
          {w.completedName ? (
            <div className="summary-list__row">
              <dt className="summary-list__key">{t("sachbearbeitung:workflow.vollstaendigDurch")}</dt>
              <dd className="summary-list__value">{w.completedName}</dd>
            </div>
          ) : null}
          {w.approvedName ? (
            <div className="summary-list__row">
              <dt className="summary-list__key">{t("sachbearbeitung:workflow.freigabeDurch")}</dt>
              <dd className="summary-list__value">{w.approvedName}, {w.approvedAt}</dd>
            </div>
          ) : null}
        </dl>
        <div className="button-group workflow__actions">
          {can("uebernehmen") ? <ActionButton status={w.status} intent="uebernehmen" /> : null}
          {STATUS_BUTTONS.filter(can).map((a) => <ActionButton key={a} status={w.status} intent={a} primary={a === "freigeben" || a === "vollstaendig"} />)}
        </div>
        {can("zuweisen") && w.colleagues.length > 0 ? (
          <details className="assign">
            <summary>{t("sachbearbeitung:workflow.aktionen.zuweisen")}</summary>
            <Form method="post" className="assign-form">
              <CsrfField />
              <input type="hidden" name="status" value={w.status} />
              <div className="form-group">
                <label className="label" htmlFor="an">{t("sachbearbeitung:workflow.zuweisenAn")}</label>
                <select className="input" id="an" name="an">
                  {w.colleagues.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                </select>
              </div>
              <button type="submit" name="intent" value="zuweisen" className="button button--secondary">{t("sachbearbeitung:workflow.aktionen.zuweisen")}</button>
            </Form>
          </details>
        ) : null}
      </div>
      {w.fourEyes && w.status === "vollstaendig" ? (
        <p className="hint">{t("sachbearbeitung:workflow.vierAugen")}{w.freigabeBlocker ? ` ${t(`sachbearbeitung:workflow.blocker.${w.freigabeBlocker}`)}` : ""}</p>
      ) : null}
    </section>
  );
}

export function RequestPanel({ r, open, state }: { r: RequestView; open: boolean; state?: FormState }) {
  const t = useT();
  const errors = (state?.fields ?? []).map((f) => ({ name: `nf-${f.name}`, message: t(`sachbearbeitung:nachforderung.fehler.${f.code}`), field: f.name }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const chosen = new Set(state?.values?.nachweise ?? []);
  return (
    <section aria-labelledby="nachforderung-title" className="nachforderung">
      <h2 id="nachforderung-title">{t("sachbearbeitung:nachforderung.titel")}</h2>
      {r.existing.length > 0 ? (
        <ol className="list">
          {r.existing.map((n) => (
            <li key={n.nummer} data-nachforderung={n.nummer}>
              {t("sachbearbeitung:nachforderung.eintrag", { nummer: n.nummer, datum: n.created, frist: n.frist, person: n.by })}
              {" – "}{n.answered ? t("sachbearbeitung:nachforderung.beantwortet", { datum: n.answered }) : t("sachbearbeitung:nachforderung.offen")}
              <ul className="list">{n.items.map((item, i) => <li key={i}>{item}</li>)}</ul>
              {n.notiz ? <p className="quote">{n.notiz}</p> : null}
            </li>
          ))}
        </ol>
      ) : <p>{t("sachbearbeitung:nachforderung.keine")}</p>}
      {open ? (
        <Form method="post" noValidate>
          <ErrorSummary errors={errors} />
          <CsrfField />
          <input type="hidden" name="anzahl" value={r.existing.length} />
          <p className="hint">{t("sachbearbeitung:nachforderung.rechtsgrundlage")}</p>
          <div className={`form-group${errorOf("nachweise") ? " form-group--error" : ""}`}>
            <fieldset className="fieldset" aria-describedby={errorOf("nachweise") ? "f-nf-nachweise-error" : undefined}>
              <legend className="fieldset__legend">{t("sachbearbeitung:nachforderung.nachweise")}</legend>
              {errorOf("nachweise") ? <p className="error-message" id="f-nf-nachweise-error">{errorOf("nachweise")}</p> : null}
              <div className="choices choices--checkbox">
                {r.slots.map((s, i) => (
                  <div className="choice" key={s.slot}>
                    <input className="choice__input" type="checkbox" {...(i === 0 ? shortcut("n") : {})} id={i === 0 ? "f-nf-nachweise" : `f-nf-nachweise-${s.slot}`} name="nachweise" value={s.slot} defaultChecked={chosen.has(s.slot)} />
                    <label className="choice__label" htmlFor={i === 0 ? "f-nf-nachweise" : `f-nf-nachweise-${s.slot}`}>{s.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div className={`form-group${errorOf("notiz") ? " form-group--error" : ""}`}>
            <label className="label" htmlFor="f-nf-notiz">{t("sachbearbeitung:nachforderung.notiz")}</label>
            <p className="hint" id="f-nf-notiz-hint">{t("sachbearbeitung:nachforderung.notizHinweis")}</p>
            {errorOf("notiz") ? <p className="error-message" id="f-nf-notiz-error">{errorOf("notiz")}</p> : null}
            <textarea className="input input--textarea" id="f-nf-notiz" name="notiz" rows={4} maxLength={1000} defaultValue={state?.values?.notiz ?? ""} aria-describedby={errorOf("notiz") ? "f-nf-notiz-hint f-nf-notiz-error" : "f-nf-notiz-hint"} />
          </div>
          <div className={`form-group${errorOf("frist") ? " form-group--error" : ""}`}>
            <label className="label" htmlFor="f-nf-frist">{t("sachbearbeitung:nachforderung.frist")}</label>
            <p className="hint" id="f-nf-frist-hint">{t("sachbearbeitung:nachforderung.fristHinweis")}</p>
            {errorOf("frist") ? <p className="error-message" id="f-nf-frist-error">{errorOf("frist")}</p> : null}
            <input className="input" type="date" id="f-nf-frist" name="frist" min={r.minDeadline} max={r.maxDeadline} defaultValue={state?.values?.frist ?? r.defaultDeadline}
              aria-describedby={errorOf("frist") ? "f-nf-frist-hint f-nf-frist-error" : "f-nf-frist-hint"} aria-invalid={errorOf("frist") ? true : undefined} />
          </div>
          <button type="submit" name="intent" value="nachfordern" className="button button--primary">{t("sachbearbeitung:nachforderung.senden")}</button>
        </Form>
      ) : null}
    </section>
  );
}
