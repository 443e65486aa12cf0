/** Where in the application the applicant is: the section in words, the page's place on the bar. */
import type { Progress as ProgressData } from "~/flows/engine/journey";
import { useT } from "~/i18n/context";

export function Progress({ progress, namespace }: { progress: ProgressData; namespace: string }) {
  const t = useT();
  const name = t(`${namespace}:sections.${progress.section}`);
  return (
    <div className="progress">
      <p className="progress__text">
        {t("progress", { current: progress.sectionIndex + 1, total: progress.sectionCount, name })}
      </p>
      <progress className="progress__bar" max={100} value={Math.round(progress.share * 100)} aria-hidden="true" />
    </div>
  );
}
