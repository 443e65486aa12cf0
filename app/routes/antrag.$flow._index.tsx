/** Start of a flow: what it is for, then the postcode that finds the responsible jobcenter. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { env } from "~/config/env.server";
import { requireFlow } from "~/flows/context.server";
import { flowIds, getFlow } from "~/flows/registry.server";
import { validateStep } from "~/flows/engine/fields";
import { firstIncomplete } from "~/flows/engine/journey";
import { POSTCODE } from "~/flows/postcode";
import { stepUrl } from "~/flows/urls";
import { detectLanguage, pageTexts } from "~/i18n/i18next.server";
import { useT } from "~/i18n/context";
import { readVerifiedForm } from "~/security/csrf.server";
import { commitSession, draftHandle, getSession, setDraftHandle } from "~/security/session.server";
import { db } from "~/store/db.server";
import { createDraft, loadDraft, saveDraft } from "~/store/drafts.server";
import { findJobcenterByPostcode } from "~/store/jobcenters.server";
import { CsrfField } from "~/ui/CsrfField";
import { StepForm } from "~/ui/StepForm";



export async function loader({ request, params }: LoaderFunctionArgs) {
  const flow = requireFlow(params.flow);
  const session = await getSession(request);
  const handle = draftHandle(session, flow.id);
  const draft = handle ? await loadDraft(await db(), handle) : undefined;
  const expired = new URL(request.url).searchParams.has("abgelaufen") && !draft;
  // A shorter flow that secures the date and continues in this one (the Kurzantrag): its offer
  // is a text of its own namespace, sent with this page.
  const shorter = flowIds().map(getFlow).find((f) => f?.followUps?.some((next) => next.flowId === flow.id && next.offerOnStart));
  return {
    titleKeys: [`${flow.namespace}:start.title`],
    flowId: flow.id,
    namespace: flow.namespace,
    ttlDays: env().DRAFT_TTL_DAYS,
    continueUrl: draft ? stepUrl(flow.id, firstIncomplete(flow, draft.answers)) : null,
    // Its texts are the shorter flow's own (tests/unit/i18n.test.ts: keys of a flow with a followUp).
    shortcut: shorter ? { id: shorter.id, texts: shorter.namespace } : null,
    texts: shorter ? pageTexts(await detectLanguage(request), shorter.namespace, ["shortcut"]) : undefined,
    expired,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const flow = requireFlow(params.flow);
  const form = await readVerifiedForm(request);
  const session = await getSession(request);
  if (form.get("intent") === "discard") {
    setDraftHandle(session, flow.id, undefined);
    return redirect(`/antrag/${flow.id}`, { headers: { "Set-Cookie": await commitSession(session) } });
  }
  const raw = { plz: String(form.get("plz") ?? "") };
  const checked = validateStep(POSTCODE, raw);
  if (!checked.ok) return data({ errors: checked.errors, values: raw, outside: null }, { status: 400 });
  const postcode = checked.values.plz as string;
  const jobcenter = findJobcenterByPostcode(postcode);
  if (!jobcenter || !jobcenter.leistungen.includes(flow.id)) {
    return data({ errors: undefined, values: raw, outside: { postcode, known: Boolean(jobcenter) } }, { status: 200 });
  }
  const database = await db();
  const handle = await createDraft(database, {
    flow: flow.id, jobcenterId: jobcenter.id, language: await detectLanguage(request), ttlDays: env().DRAFT_TTL_DAYS,
  });
  // The jobcenter's settings the flow's conditions read (a renewal: the gap it accepts).
  if (flow.tenantSettings) await saveDraft(database, handle, { _mandant: flow.tenantSettings(jobcenter) }, env().DRAFT_TTL_DAYS);
  setDraftHandle(session, flow.id, handle);
  // A flow that can start from an earlier submission offers that first.
  const first = flow.prefillFrom ? `/antrag/${flow.id}/vorbefuellen` : stepUrl(flow.id, flow.steps[0].id);
  return redirect(first, { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function FlowStart() {
  const { namespace, ttlDays, continueUrl, expired, shortcut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t(`${namespace}:start.title`)}</h1>
      {expired ? <div className="notice" role="status"><p>{t("start.expired")}</p></div> : null}
      <p className="lead">{t(`${namespace}:start.lead`)}</p>
      <h2>{t("start.beforeTitle")}</h2>
      <ul className="list">
        <li>{t(`${namespace}:start.before1`)}</li>
        <li>{t(`${namespace}:start.before2`)}</li>
        <li>{t("start.saved", { days: ttlDays })}</li>
      </ul>
      {shortcut ? (
        <div className="notice">
          <p>{t(`${shortcut.texts}:shortcut.body`)}</p>
          <p><Link to={`/antrag/${shortcut.id}`}>{t(`${shortcut.texts}:shortcut.link`)}</Link></p>
        </div>
      ) : null}
      {continueUrl ? (
        <div className="notice">
          <h2>{t("start.draftTitle")}</h2>
          <p>{t("start.draftBody")}</p>
          <div className="button-group">
            <Link className="button button--primary" to={continueUrl}>{t("start.continue")}</Link>
            <Form method="post">
              <CsrfField />
              <button className="button button--secondary" type="submit" name="intent" value="discard">{t("start.discard")}</button>
            </Form>
          </div>
        </div>
      ) : (
        <>
          <h2>{t("postcodeStep.title")}</h2>
          {result?.outside ? (
            <div className="notice notice--warning" role="status">
              <h3>{t("postcodeStep.outsideTitle", { postcode: result.outside.postcode })}</h3>
              <p>{t(result.outside.known ? "postcodeStep.notOffered" : "postcodeStep.outsideBody")}</p>
            </div>
          ) : null}
          <StepForm
            namespace="common"
            textKey="postcodeStep"
            fields={POSTCODE}
            values={result?.values ?? {}}
            serverErrors={result?.errors}
            submitLabel={t("start.begin")}
          />
        </>
      )}
      <p><Link to="/datenschutz">{t("start.privacyLink")}</Link></p>
    </>
  );
}
