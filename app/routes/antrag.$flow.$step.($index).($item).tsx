/** The one route that shows and answers every step of every flow. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { receivingOffice, requireDraft, type FlowContext } from "~/flows/context.server";
import type { FieldErrors } from "~/flows/engine/fields";
import { findStep, firstIncomplete, guard, memberKey, viewOf, previousStep, progress, prune, reachablePages, REVIEW, stepNamespace } from "~/flows/engine/journey";
import { memberName } from "~/flows/engine/members";
import type { FieldValue, GroupStep, Member, Page, Step, StepValues } from "~/flows/engine/types";
import { answerGroupItem, answerGroupList, answerQuestion } from "~/flows/step-action.server";
import { awaitsConfirmation } from "~/flows/engine/prefill";
import { getFlow } from "~/flows/registry.server";
import { stepUrl } from "~/flows/urls";
import { useT } from "~/i18n/context";
import { detectLanguage, mergeBundles, pageTexts } from "~/i18n/i18next.server";
import { borrowedTexts, countryTexts, itemDetails } from "~/flows/texts.server";
import { readVerifiedForm } from "~/security/csrf.server";
import { GroupList } from "~/ui/GroupList";
import { JobcenterBar } from "~/ui/JobcenterBar";
import { Progress } from "~/ui/Progress";
import { Overview } from "~/ui/Overview";
import { StepForm } from "~/ui/StepForm";

interface Located {
  ctx: FlowContext;
  step: Step;
  /** The page's key: the step id, or "<step>/<index>" for a per-person step (a member's list for a group). */
  key: string;
  /** Item index on a group's item page; undefined on its list page and on question steps. */
  index: number | undefined;
  /** The household member a per-person page asks about. */
  member: Member | undefined;
  /** A question page as it is asked here: its fields without withheld options, and why (ADR 0034). */
  page: Page | undefined;
  fromReview: boolean;
}

/**
 * URLs: "/<step>" (a page, or a group's list), "/<step>/<n>" (a group's item n, or a per-person
 * page for member n), "/<step>/<member>/<n>" (item n of a per-person group's list).
 */
async function locate(request: Request, params: LoaderFunctionArgs["params"]): Promise<Located> {
  const ctx = await requireDraft(request, params.flow);
  const step = findStep(ctx.flow, params.step ?? "");
  if (!step) throw new Response("Not found", { status: 404 });
  const fromReview = new URL(request.url).searchParams.has("zurueck");
  const answers = ctx.draft.answers;
  if (step.forEach) {
    const key = memberKey(step.id, Number(params.index));
    const page = /^\d+$/.test(params.index ?? "") ? reachablePages(ctx.flow, answers).find((p) => p.key === key) : undefined;
    const blocked = page ? guard(ctx.flow, answers, key) : firstIncomplete(ctx.flow, answers);
    if (blocked || !page) throw redirect(stepUrl(ctx.flow.id, blocked ?? REVIEW));
    if (step.kind === "question" && params.item !== undefined) throw redirect(stepUrl(ctx.flow.id, key, { fromReview }));
    const index = step.kind === "group" ? itemIndex(ctx, step, key, params.item, fromReview) : undefined;
    return { ctx, step, key, index, member: page.member, page: step.kind === "question" ? page : undefined, fromReview };
  }
  const blocked = guard(ctx.flow, answers, step.id);
  if (blocked) throw redirect(stepUrl(ctx.flow.id, blocked));
  if (params.item !== undefined) throw redirect(stepUrl(ctx.flow.id, step.id, { fromReview }));
  const page = step.kind === "question" ? reachablePages(ctx.flow, answers).find((p) => p.key === step.id) : undefined;
  if (step.kind === "question" && params.index !== undefined) throw redirect(stepUrl(ctx.flow.id, step.id, { fromReview }));
  const index = step.kind === "group" ? itemIndex(ctx, step, step.id, params.index, fromReview) : undefined;
  return { ctx, step, key: step.id, index, member: undefined, page, fromReview };
}

/** The item a group's URL names: an existing one or the next new one, else back to the list. */
function itemIndex(ctx: FlowContext, step: GroupStep, key: string, raw: string | undefined, fromReview: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const index = Number(raw);
  const items = ctx.draft.answers[key];
  const count = Array.isArray(items) ? items.length : 0;
  if (!/^\d+$/.test(raw) || index > count || index >= step.maxItems) throw redirect(stepUrl(ctx.flow.id, key, { fromReview }));
  return index;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, step, key, index, member, page, fromReview } = await locate(request, params);
  const lng = await detectLanguage(request);
  const stored = ctx.draft.answers[key];
  const items = Array.isArray(stored) ? stored : [];
  const values: StepValues = step.kind === "group" ? (index !== undefined ? items[index] ?? {} : {}) : (stored as StepValues | undefined) ?? {};
  const back = index !== undefined ? stepUrl(ctx.flow.id, key, { fromReview }) : fromReview ? stepUrl(ctx.flow.id, "pruefen") : (() => {
    const prev = previousStep(ctx.flow, ctx.draft.answers, key);
    return prev ? stepUrl(ctx.flow.id, prev) : `/antrag/${ctx.flow.id}`;
  })();
  const texts = stepNamespace(ctx.flow, step);
  const view = viewOf(ctx.flow, ctx.draft.answers);
  const notice = step.kind === "question" ? step.notice?.of(view) : undefined;
  // Arrived from another flow that handed over (a renewal that has to be an Erstantrag).
  const from = getFlow(new URL(request.url).searchParams.get("von") ?? "");
  const handOverNotice = from?.handOvers?.find((h) => h.flowId === ctx.flow.id)?.notice;
  const handedOver = from && handOverNotice ? { namespace: from.namespace, key: handOverNotice } : undefined;
  const titleKey = `${texts}:steps.${step.id}.${index !== undefined ? "itemTitle" : "title"}`;
  return {
    titleKeys: [titleKey, `${ctx.flow.namespace}:start.title`],
    flowId: ctx.flow.id,
    namespace: ctx.flow.namespace,
    /** The step's texts: its block's namespace. */
    stepNamespace: texts,
    step: {
      id: step.id,
      kind: step.kind,
      fields: page?.fields ?? step.fields,
      end: step.kind === "question" && step.end === true,
      // A form to hand to someone else (the school's part), filled with what is known so far.
      form: step.kind === "question" && step.form ? `/antrag/${ctx.flow.id}/formular/${step.form}${member ? `?person=${member.index}` : ""}` : undefined,
      withheld: page?.withheld ?? [],
      texts: (step.kind === "question" && step.texts) || step.id,
      ...(step.kind === "group" ? { itemLabel: step.itemLabel, maxItems: step.maxItems } : {}),
    },
    member: member ? { index: member.index, name: memberName(member) } : undefined,
    vars: ctx.flow.textVars?.(view, lng) ?? {},
    texts: mergeBundles(
      pageTexts(lng, texts, [`steps.${step.id}`, `steps.${(step.kind === "question" && step.texts) || step.id}`, ...step.fields.flatMap((f) => (f.texts && !f.texts.includes(":") ? [`steps.${f.texts}`] : []))]),
      [borrowedTexts(lng, step.fields), handedOver ? pageTexts(lng, handedOver.namespace, [handedOver.key]) : {}, countryTexts(lng, step.fields)].reduce(mergeBundles),
    ),
    noticeKey: notice ? `${texts}:steps.${step.id}.notice.${notice}` : undefined,
    overview: step.kind === "question" && step.overview ? step.overview.of(view) : undefined,
    handOverKey: handedOver ? `${handedOver.namespace}:${handedOver.key}` : undefined,
    prefilled: awaitsConfirmation(ctx.draft.answers, key) && index === undefined,
    index,
    values,
    items: step.kind === "group" ? items : [],
    itemDetails: step.kind === "group" ? itemDetails(lng, ctx.flow, step, items) : [],
    /** The page's key, for links within a member's list ("<step>/<index>"). */
    pageKey: key,
    back,
    fromReview,
    progress: progress(ctx.flow, key, ctx.draft.answers),
    // Once the answers decide it, the office that will receive them (BuT, ADR 0034).
    jobcenter: receivingOffice(ctx, prune(ctx.flow, ctx.draft.answers)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const { ctx, step, key, index, page, fromReview } = await locate(request, params);
  // A page that ends the flow takes no answers.
  if (step.kind === "question" && step.end) throw new Response("Bad Request", { status: 400 });
  const outcome =
    step.kind === "question" ? await answerQuestion(ctx, step, key, form, fromReview, page?.fields)
      : index === undefined ? await answerGroupList(ctx, step, key, form, fromReview)
        : await answerGroupItem(ctx, step, key, index, form, fromReview);
  if (outcome.kind === "redirect") return redirect(outcome.to, outcome.headers ? { headers: outcome.headers } : undefined);
  return data({ errors: outcome.errors as FieldErrors, values: outcome.values as Record<string, FieldValue> }, { status: 400 });
}


export default function StepPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const ns = d.namespace;
  const isList = d.step.kind === "group" && d.index === undefined;
  const headingKey = d.index !== undefined ? "itemTitle" : "title";
  const heading = t(`${d.stepNamespace}:steps.${d.step.id}.${headingKey}`, d.vars);
  return (
    <>
      <Link className="back-link" to={d.back}>{t("back")}</Link>
      <JobcenterBar jobcenter={d.jobcenter} />
      <Progress progress={d.progress} namespace={ns} />
      {d.member ? (
        <h1><span className="caption">{d.member.index === 0 ? t("member.self", { name: d.member.name }) : <bdi>{d.member.name}</bdi>}</span>{heading}</h1>
      ) : <h1>{heading}</h1>}
      {d.handOverKey ? <div className="notice" role="status"><h2>{t(`${d.handOverKey}.title`)}</h2><p>{t(`${d.handOverKey}.body`)}</p></div> : null}
      {d.noticeKey ? <div className="notice notice--warning" role="status"><p>{t(d.noticeKey, d.vars)}</p></div> : null}
      {d.prefilled ? <div className="notice" role="status"><p>{t("prefill.confirm")}</p></div> : null}
      {d.step.form ? <p><a href={d.step.form} download>{t(`${d.stepNamespace}:steps.${d.step.id}.form`)}</a></p> : null}
      {d.step.withheld.length > 0 ? (
        <div className="notice" role="note">
          <p>{t(`${d.stepNamespace}:steps.${d.step.id}.withheldTitle`, { ...d.vars, name: d.member?.name ?? "" })}</p>
          <ul className="list">
            {d.step.withheld.map((w) => (
              <li key={`${w.field}-${w.option}`}>
                {t(`${d.stepNamespace}:steps.${d.step.texts}.fields.${w.field}.options.${w.option}`, d.vars)}: {t(`${d.stepNamespace}:steps.${d.step.id}.withheld.${w.reason}`, d.vars)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.step.end ? (
        <div data-end-page="">
          <p>{t(`${d.stepNamespace}:steps.${d.step.id}.body`, d.vars)}</p>
          <p>{t(`${d.stepNamespace}:steps.${d.step.id}.next`, d.vars)}</p>
          <p><Link className="button button--secondary" to="/">{t("endPage.home")}</Link></p>
        </div>
      ) : isList ? (
        <GroupList
          namespace={d.stepNamespace}
          stepId={d.step.id}
          pageKey={d.pageKey}
          flowId={d.flowId}
          vars={d.vars}
          fields={d.step.fields}
          itemLabel={d.step.itemLabel ?? []}
          details={d.itemDetails}
          items={d.items}
          maxItems={d.step.maxItems ?? 0}
          fromReview={d.fromReview}
          error={result?.errors?.items}
        />
      ) : (
        <StepForm
          key={`${d.step.id}-${d.index ?? ""}-${d.member?.index ?? ""}`}
          namespace={d.stepNamespace}
          textKey={`steps.${d.step.texts}`}
          introKey={`steps.${d.step.id}.intro`}
          vars={d.vars}
          fields={d.step.fields}
          values={(result?.values as StepValues | undefined) ?? d.values}
          serverErrors={result?.errors}
          submitLabel={t(d.index !== undefined ? "saveItem" : d.fromReview ? "saveAndReview" : "continue")}
          question={heading}
          secondary={<Link className="button button--link" to={`/antrag/${d.flowId}/spaeter`}>{t("saveForLater")}</Link>}
        >
          {d.overview ? <Overview base={`${d.stepNamespace}:steps.${d.step.id}`} groups={d.overview} /> : null}
        </StepForm>
      )}
    </>
  );
}
