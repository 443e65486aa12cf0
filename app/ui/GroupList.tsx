/** The list page of a repeating group (e.g. persons moving in or out): add, change, remove. */
import { Form, Link } from "@remix-run/react";
import type { FieldDef, StepValues } from "~/flows/engine/types";
import { stepUrl } from "~/flows/urls";
import { useT } from "~/i18n/context";
import { CsrfField } from "./CsrfField";
import { ErrorSummary } from "./ErrorSummary";

interface Props {
  flowId: string;
  namespace: string;
  stepId: string;
  /** The list's page: the step id, or "<step>/<member>" for a member's list. */
  pageKey: string;
  fields: readonly FieldDef[];
  itemLabel: readonly string[];
  /** What to show under each entry's label (GroupStep.itemDetail, texts.server.ts itemDetails). */
  details?: readonly string[];
  items: StepValues[];
  maxItems: number;
  fromReview: boolean;
  error?: string;
  /** Values for {{…}} in the list's texts (FlowDefinition.textVars). */
  vars?: Record<string, string>;
}

export function GroupList({ flowId, namespace, stepId, pageKey, itemLabel, details = [], items, maxItems, fromReview, error, vars }: Props) {
  const t = useT();
  const key = `${namespace}:steps.${stepId}`;
  const message = error ? t(`validation.${error}`, { label: t(`${key}.itemTitle`) }) : undefined;
  return (
    <>
      <ErrorSummary errors={message ? [{ name: "add", message }] : []} />
      <p className="lead">{t(`${key}.intro`, vars)}</p>
      {items.length > 0 ? (
        <ul className="item-list">
          {items.map((item, i) => {
            const name = itemLabel.map((f) => item[f]).filter(Boolean).join(" ");
            return (
              <li className="item-list__item" key={i}>
                <span className="item-list__name">
                  {name}
                  {details[i] ? <span className="item-list__detail">{details[i]}</span> : null}
                </span>
                <span className="item-list__actions">
                  <Link to={stepUrl(flowId, pageKey, { index: i, fromReview })}>
                    {t("change")}<span className="visually-hidden"> {name}</span>
                  </Link>
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <button className="button button--link" type="submit" name="intent" value={`remove:${i}`}>
                      {t("remove")}<span className="visually-hidden"> {name}</span>
                    </button>
                  </Form>
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t(`${key}.empty`, vars)}</p>
      )}
      <Form method="post">
        <CsrfField />
        <div className="button-group">
          {items.length < maxItems ? (
            <button className={`button ${items.length === 0 ? "button--primary" : "button--secondary"}`} type="submit" name="intent" value="add" id="f-add">
              {t(`${key}.add`)}
            </button>
          ) : null}
          {items.length > 0 ? (
            <button className="button button--primary" type="submit" name="intent" value="continue">{t(fromReview ? "saveAndReview" : "continue")}</button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
