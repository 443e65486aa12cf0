/** Check your answers (§ 36a Abs. 2b SGB I: review the whole declaration), declare, submit. */
import { detectLanguage, mergeBundles, pageTexts } from "~/i18n/i18next.server";
import { flowTexts } from "~/flows/texts.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Fragment } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { receivingOffice, requireDraft, requireFlow } from "~/flows/context.server";
import { validateStep, type FieldErrors } from "~/flows/engine/fields";
import { guard, prune, reachablePages, viewOf } from "~/flows/engine/journey";
import { memberName } from "~/flows/engine/members";
import { reviewBlocks, reviewSections, type ReviewStep } from "~/flows/engine/review";
import type { FieldDef, StepValues } from "~/flows/engine/types";
import { IncompleteError, submitFlow } from "~/flows/submit.server";
import { nachweiseUrl, receiptUrl, stepUrl } from "~/flows/urls";
import { useI18n } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { addReceipt, commitSession, draftHandle, getSession } from "~/security/session.server";
import { db } from "~/store/db.server";
import { findJobcenterByPostcode } from "~/store/jobcenters.server";
import { findSubmissionByDraft } from "~/store/submissions.server";
import { allowedNachweise } from "~/uploads/checklist";
import { countUploads } from "~/uploads/store.server";
import { CsrfField } from "~/ui/CsrfField";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { Field } from "~/ui/Field";
import { JobcenterBar } from "~/ui/JobcenterBar";
import { Progress } from "~/ui/Progress";
import { SummaryList } from "~/ui/SummaryList";
import { progress } from "~/flows/engine/journey";

const DECLARATION: readonly FieldDef[] = [{ name: "erklaerung", kind: "checkboxes", options: ["ja"] }];


export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.flow);
  const blocked = guard(ctx.flow, ctx.draft.answers, "pruefen");
  if (blocked) throw redirect(stepUrl(ctx.flow.id, blocked));
  const pruned = prune(ctx.flow, ctx.draft.answers);
  const steps: ReviewStep[] = reachablePages(ctx.flow, pruned).map(({ key, step: s, member }) => ({
    id: s.id, key, kind: s.kind, fields: s.fields,
    // Per-person answers are grouped by person: one section per member, named after them.
    section: member ? `member-${member.index}` : s.section,
    ...(s.kind === "question" && s.texts ? { texts: s.texts } : {}),
    ...(s.namespace ? { namespace: s.namespace } : {}),
    ...(s.kind === "group"
      ? { items: (pruned[key] as StepValues[] | undefined) ?? [], itemLabel: s.itemLabel }
      : { values: pruned[key] as StepValues | undefined }),
  }));
  // § 36 SGB II: the jobcenter of the place of residence is responsible. A differing address
  // does not block submitting (§ 16 SGB I: passed on, dated from receipt), but is said here.
  const lng = await detectLanguage(request);
  const otherJobcenter = (ctx.flow.postcodeChecks ?? [{ step: "anschrift", text: "review.otherJobcenter" }]).flatMap(({ step, text }) => {
    const plz = (pruned[step] as StepValues | undefined)?.plz;
    const zustaendig = typeof plz === "string" ? findJobcenterByPostcode(plz) : undefined;
    return typeof plz === "string" && zustaendig?.id !== ctx.jobcenter.id ? [{ step, text, plz, name: zustaendig?.name }] : [];
  });
  const members = Object.fromEntries(viewOf(ctx.flow, pruned).members().map((m) => [`member-${m.index}`, { index: m.index, name: memberName(m) }]));
  return {
    titleKeys: ["review.title", `${ctx.flow.namespace}:start.title`],
    flowId: ctx.flow.id,
    namespace: ctx.flow.namespace,
    steps,
    members,
    // Check-answers shows every page: all step texts, and the Nachweis names.
    // …and the flow's own check-answers notices (FlowDefinition.postcodeChecks).
    texts: mergeBundles(flowTexts(lng, ctx.flow), otherJobcenter.length > 0 ? pageTexts(lng, ctx.flow.namespace, ["review"]) : {}),
    nachweise: ctx.flow.nachweise(viewOf(ctx.flow, pruned)).map((n) => ({ key: n.key, person: n.person })),
    progress: progress(ctx.flow, "pruefen"),
    // Values for {{…}} in the flow's texts (amounts in option labels), as on the flow's pages.
    vars: ctx.flow.textVars?.(viewOf(ctx.flow, pruned), lng) ?? {},
    // The office that will receive it, if the flow routes by the answers (BuT, ADR 0034).
    jobcenter: receivingOffice(ctx, pruned),
    otherJobcenter,
    uploads: await countUploads(ctx.database, { kind: "draft", handle: ctx.handle }, allowedNachweise(ctx.flow.nachweise(viewOf(ctx.flow, pruned)))),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const flow = requireFlow(params.flow);
  const session = await getSession(request);
  const handle = draftHandle(session, flow.id);
  // Already submitted (double click, resent POST): show the same receipt. The answer to the
  // first POST may never have arrived (connection lost, server killed after the commit), so this
  // one gives the receipt to the session too — else the receipt page would not open for them.
  if (handle) {
    const done = await findSubmissionByDraft(await db(), handle.id);
    if (done) {
      addReceipt(session, done.id);
      return redirect(receiptUrl(done.id), { headers: { "Set-Cookie": await commitSession(session) } });
    }
  }
  const ctx = await requireDraft(request, params.flow);
  const declared = validateStep(DECLARATION, { erklaerung: form.getAll("erklaerung").map(String) });
  if (!declared.ok) return data({ errors: declared.errors as FieldErrors, failed: false }, { status: 400 });
  try {
    const submission = await submitFlow(ctx);
    // The handle stays: a resent POST (back button, reload) finds the submission by draft id.
    addReceipt(ctx.session, submission.id);
    return redirect(receiptUrl(submission.id), { headers: { "Set-Cookie": await commitSession(ctx.session) } });
  } catch (error) {
    if (error instanceof IncompleteError) return redirect(stepUrl(flow.id, error.stepId));
    console.error(JSON.stringify({ t: new Date().toISOString(), level: "error", event: "submit-failed", flow: flow.id, error: (error as Error).name }));
    return data({ errors: undefined, failed: true }, { status: 500 });
  }
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t: plain, lng } = useI18n();
  const t: typeof plain = (key, vars) => plain(key, { ...d.vars, ...vars });
  const navigation = useNavigation();
  const sections = reviewSections(d.flowId, d.namespace, d.steps, t, lng);
  const sectionTitle = (section: string) => {
    const member = d.members[section];
    if (!member) return t(`${d.namespace}:sections.${section}`);
    return member.index === 0 ? t("member.self", { name: member.name }) : t("review.member", { name: member.name });
  };
  const declarationError = result?.errors?.erklaerung ? t("review.declarationMissing") : undefined;
  return (
    <>
      <Link className="back-link" to={stepUrl(d.flowId, d.steps.at(-1)?.key ?? "")}>{t("back")}</Link>
      <JobcenterBar jobcenter={d.jobcenter} />
      <Progress progress={d.progress} namespace={d.namespace} />
      <ErrorSummary errors={declarationError ? [{ name: "erklaerung", message: declarationError }] : []} />
      {result?.failed ? <div className="notice notice--warning" role="alert"><p>{t("review.failed")}</p></div> : null}
      <h1>{t("review.title")}</h1>
      <p className="lead">{t("review.lead")}</p>
      {d.otherJobcenter.map((o) => (
        <div className="notice notice--warning" id={`other-jobcenter-${o.step}`} key={o.step}>
          <p>{t(o.text, {
            plz: o.plz, jobcenter: d.jobcenter.name,
            zustaendig: o.name ? t("review.otherJobcenterName", { name: o.name }) : "",
          })}</p>
          <p><Link to={stepUrl(d.flowId, o.step, { fromReview: true })}>{t("review.otherJobcenterChange")}</Link></p>
        </div>
      ))}
      {sections.map((s) => (
        <section key={s.section} aria-labelledby={`section-${s.section}`}>
          <h2 id={`section-${s.section}`}>{sectionTitle(s.section)}</h2>
          {reviewBlocks(d.steps, s.section, s.rows, t, d.namespace).map((block, i) => (
            <Fragment key={i}>
              {block.topic ? <h3>{block.topic}</h3> : null}
              <SummaryList rows={block.rows} />
            </Fragment>
          ))}
        </section>
      ))}
      <section aria-labelledby="nachweise-title">
        <h2 id="nachweise-title">{t("nachweise.title")}</h2>
        {d.nachweise.length > 0 ? (
          <>
            <p>{t("nachweise.lead")}</p>
            <ul className="list">{d.nachweise.map((n) => (
              <li key={`${n.key}-${n.person ?? ""}`}>{t(`${d.namespace}:nachweise.${n.key}`)}{n.person ? <> (<bdi>{n.person}</bdi>)</> : null}</li>
            ))}</ul>
          </>
        ) : <p>{t("nachweise.none")}</p>}
        {/* Nachweise upload: optional before submitting, or later from the receipt. */}
        <p><Link to={nachweiseUrl(d.flowId)}>{t("nachweisUpload.reviewLink")}</Link></p>
        {d.uploads > 0 ? <p className="hint">{t("nachweisUpload.reviewCount", { count: d.uploads })}</p> : null}
      </section>
      <h2>{t("review.declarationTitle")}</h2>
      <p>{t(`${d.namespace}:declaration.body`)}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <Field
          field={DECLARATION[0]}
          value={undefined}
          text={{ label: t("review.declarationLegend"), error: declarationError, option: () => t(`${d.namespace}:declaration.checkbox`) }}
        />
        <div className="button-group">
          <button className="button button--primary" type="submit" disabled={navigation.state !== "idle"}>{t(`${d.namespace}:declaration.submit`)}</button>
        </div>
      </Form>
    </>
  );
}
