/**
 * The language picker in the header: a disclosure (`<details>`) that opens a list of every
 * offered language, each named in itself with its own `lang` and `dir`. Works without
 * JavaScript: each entry is a plain link to the same page with `?lng=<code>`, which the root
 * loader remembers in the language cookie. Sized for up to 17 languages on a 360 px phone
 * (two columns, 44 px targets), ADR 0025.
 */
import { Link, useLocation } from "@remix-run/react";
import { direction, htmlLang } from "~/i18n/config";
import { useI18n } from "~/i18n/context";

export interface PickerLanguage {
  code: string;
  /** The language's name in itself (`common:languageName` of its locale). */
  name: string;
}

export function LanguagePicker({ languages }: { languages: readonly PickerLanguage[] }) {
  const { lng, t } = useI18n();
  const { pathname } = useLocation();
  const current = languages.find((l) => l.code === lng);
  return (
    <nav className="language-switcher" aria-label={t("languageSwitcher")}>
      <details className="language-picker">
        <summary className="language-picker__summary">
          <svg className="language-picker__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
            <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path d="M2.5 12h19M12 2.5c3 3 3 16 0 19M12 2.5c-3 3-3 16 0 19" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>
          <span>{t("languageSwitcher")}</span>
          {current ? <span className="language-picker__current" lang={htmlLang(current.code)} dir={direction(current.code)}>{current.name}</span> : null}
        </summary>
        <ul className="language-picker__list">
          {languages.map((l) => (
            <li key={l.code}>
              <Link
                to={{ pathname, search: `?lng=${l.code}` }}
                reloadDocument
                lang={htmlLang(l.code)}
                dir={direction(l.code)}
                hrefLang={htmlLang(l.code)}
                data-lng={l.code}
                aria-current={l.code === lng ? "true" : undefined}
              >
                {l.name}
              </Link>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
