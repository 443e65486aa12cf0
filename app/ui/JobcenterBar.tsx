import type { PublicJobcenter } from "~/tenants/jobcenter";
import { useT } from "~/i18n/context";

/** The responsible jobcenter, on every flow page; demo tenants say so plainly. */
export function JobcenterBar({ jobcenter }: { jobcenter: PublicJobcenter }) {
  const t = useT();
  return (
    <div className={`jobcenter-bar jobcenter-bar--${jobcenter.id}`}>
      <p className="jobcenter-bar__name">
        <span className="jobcenter-bar__label">{t("jobcenter.responsible")}</span> <span lang="de">{jobcenter.name}</span>
      </p>
      {jobcenter.demo ? <p className="jobcenter-bar__demo">{t("jobcenter.demoNotice")}</p> : null}
    </div>
  );
}
