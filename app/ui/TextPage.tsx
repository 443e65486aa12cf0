/** A page of headed paragraphs from one translation subtree (privacy notice, accessibility statement). */
import { useT } from "~/i18n/context";
import type { Vars } from "~/i18n/translate";

export function TextPage({ prefix, sections, vars }: { prefix: string; sections: readonly string[]; vars?: Vars }) {
  const t = useT();
  return (
    <>
      <h1>{t(`${prefix}.title`)}</h1>
      <p className="lead">{t(`${prefix}.lead`)}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`${prefix}-${s}`}>
          <h2 id={`${prefix}-${s}`}>{t(`${prefix}.${s}.title`)}</h2>
          <p>{t(`${prefix}.${s}.body`, vars)}</p>
        </section>
      ))}
    </>
  );
}
