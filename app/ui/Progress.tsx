/** Where in the application the applicant is, by section (the step count varies with answers). */
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
      <progress className="progress__bar" max={progress.sectionCount} value={progress.sectionIndex + 1} aria-hidden="true" />
    </div>
  );
}
