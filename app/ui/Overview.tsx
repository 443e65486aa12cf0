/**
 * What the answers so far amount to (QuestionStep.overview), in groups with a heading, a plain
 * explanation and each entry's reason — e.g. who is in the Bedarfsgemeinschaft and why.
 */
import { useT } from "~/i18n/context";

export interface OverviewGroup {
  group: string;
  entries: { name: string; reason: string }[];
}

export function Overview({ base, groups }: { base: string; groups: OverviewGroup[] }) {
  const t = useT();
  return (
    <>
      {groups.map((g) => (
        <section key={g.group} className="overview-group" aria-labelledby={`overview-${g.group}`}>
          <h2 id={`overview-${g.group}`}>{t(`${base}.groups.${g.group}.title`)}</h2>
          <p>{t(`${base}.groups.${g.group}.body`)}</p>
          <ul className="list">
            {g.entries.map((e, i) => (
              <li key={i}><strong><bdi>{e.name}</bdi></strong>: {t(`${base}.reasons.${e.reason}`)}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
