/** A page of headed paragraphs from one translation subtree (privacy notice, accessibility statement). */
import { useT } from "~/i18n/context";

export function TextPage({ prefix, sections }: { prefix: string; sections: readonly string[] }) {
  const t = useT();
  return (
    <>
      <h1>{t(`${prefix}.title`)}</h1>
      <p className="lead">{t(`${prefix}.lead`)}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`${prefix}-${s}`}>
          <h2 id={`${prefix}-${s}`}>{t(`${prefix}.${s}.title`)}</h2>
          <p>{t(`${prefix}.${s}.body`)}</p>
        </section>
      ))}
    </>
  );
}
