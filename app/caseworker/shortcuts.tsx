/**
 * Keyboard shortcuts of the submission page (ADR 0029). Every shortcut belongs to an element on
 * the page that carries `data-shortcut` and `aria-keyshortcuts`; the key clicks a link or button
 * and focuses anything else. Nothing happens while typing in a field or with a modifier key, so
 * the page stays usable with assistive technology that uses single keys itself (WCAG 2.1.4:
 * the shortcuts work only while the page itself has the focus, and the legend lists them).
 */
import { useEffect } from "react";
import { useT } from "~/i18n/context";
import { SHORTCUTS } from "./texts";

export type ShortcutKey = keyof typeof SHORTCUTS;

/** Props for the element a key belongs to. */
export const shortcut = (key: ShortcutKey) => ({ "data-shortcut": key, "aria-keyshortcuts": key });

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));

export function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (!(event.key in SHORTCUTS)) return;
      const element = document.querySelector<HTMLElement>(`[data-shortcut="${event.key}"]`);
      if (!element) return;
      event.preventDefault();
      if (element instanceof HTMLAnchorElement || element instanceof HTMLButtonElement) element.click();
      else {
        element.scrollIntoView({ block: "start" });
        element.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

/** The legend: only the keys that have an element on this page (filled in on the server). */
export function ShortcutLegend({ keys }: { keys: readonly ShortcutKey[] }) {
  const t = useT();
  return (
    <details className="shortcuts">
      <summary>{t("sachbearbeitung:tastenkuerzel.titel")}</summary>
      <p className="hint">{t("sachbearbeitung:tastenkuerzel.hinweis")}</p>
      <dl className="shortcuts__list">
        {keys.map((k) => (
          <div key={k}><dt><kbd>{k}</kbd></dt><dd>{t(`sachbearbeitung:tastenkuerzel.${SHORTCUTS[k]}`)}</dd></div>
        ))}
      </dl>
    </details>
  );
}
