/** "Continue later": the resume code and link, and until when the draft is kept. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireDraft } from "~/flows/context.server";
import { firstIncomplete } from "~/flows/engine/journey";
import { stepUrl } from "~/flows/urls";
import { useI18n } from "~/i18n/context";
import { formatResumeCode } from "~/security/crypto.server";
import { formatDate } from "~/ui/format";
import { JobcenterBar } from "~/ui/JobcenterBar";


export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireDraft(request, params.flow);
  const origin = new URL(request.url).origin;
  return {
    titleKeys: ["later.title", `${ctx.flow.namespace}:start.title`],
    code: formatResumeCode(ctx.handle.code),
    link: `${origin}/fortsetzen/${ctx.handle.code}`,
    expiresAt: ctx.draft.expiresAt.slice(0, 10),
    continueUrl: stepUrl(ctx.flow.id, firstIncomplete(ctx.flow, ctx.draft.answers)),
    jobcenter: ctx.jobcenter,
  };
}

export default function Later() {
  const d = useLoaderData<typeof loader>();
  const { t, lng } = useI18n();
  return (
    <>
      <JobcenterBar jobcenter={d.jobcenter} />
      <h1>{t("later.title")}</h1>
      <p className="lead">{t("later.lead", { date: formatDate(d.expiresAt, lng) })}</p>
      <h2>{t("later.codeTitle")}</h2>
      <p className="code-display" dir="ltr" translate="no">{d.code}</p>
      <h2>{t("later.linkTitle")}</h2>
      <p className="break" dir="ltr"><a href={d.link} translate="no">{d.link}</a></p>
      <p>{t("later.keepSafe")}</p>
      <div className="button-group">
        <Link className="button button--primary" to={d.continueUrl}>{t("later.continueNow")}</Link>
      </div>
    </>
  );
}
