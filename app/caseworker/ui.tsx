/**
 * Pieces every caseworker page shares: the area bar (who is signed in, navigation, sign-out)
 * and, with JavaScript, a <dialog> that warns two minutes before the idle timeout. Without
 * JavaScript the server simply ends the session and the sign-in page says why.
 */
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/context";
import { CsrfField } from "~/ui/CsrfField";
import type { Role } from "./texts";

export interface AreaUser {
  name: string;
  role: Role;
  jobcenterName: string;
  /** When the session ends without activity (ISO). */
  expiresAt: string;
}

const WARN_BEFORE_MS = 2 * 60_000;

function IdleWarning({ expiresAt }: { expiresAt: string }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [left, setLeft] = useState<number>();
  useEffect(() => {
    const end = Date.parse(expiresAt);
    const tick = () => {
      const ms = end - Date.now();
      if (ms <= 0) window.location.assign("/sachbearbeitung/anmelden?grund=abgelaufen");
      else if (ms <= WARN_BEFORE_MS) {
        setLeft(Math.ceil(ms / 60_000));
        if (!ref.current?.open) ref.current?.showModal();
      }
    };
    const timer = window.setInterval(tick, 10_000);
    return () => window.clearInterval(timer);
  }, [expiresAt]);
  return (
    <dialog ref={ref} className="idle-dialog" aria-labelledby="idle-title">
      <h2 id="idle-title">{t("sachbearbeitung:sitzung.warnungTitel")}</h2>
      <p>{t("sachbearbeitung:sitzung.warnungText", { minuten: left ?? 2 })}</p>
      <Form method="post" action="/sachbearbeitung/sitzung" reloadDocument>
        <CsrfField />
        <button type="submit" className="button button--primary">{t("sachbearbeitung:sitzung.verlaengern")}</button>
      </Form>
    </dialog>
  );
}

export function AreaBar({ user }: { user: AreaUser }) {
  const t = useT();
  return (
    <>
      <nav className="area-bar" aria-label={t("sachbearbeitung:navigation.label")}>
        <p className="area-bar__who">
          {t("sachbearbeitung:navigation.angemeldet", { name: user.name, rolle: t(`sachbearbeitung:rollen.${user.role}`), jobcenter: user.jobcenterName })}
        </p>
        <ul className="area-bar__links">
          <li><Link to="/sachbearbeitung">{t("sachbearbeitung:navigation.eingang")}</Link></li>
          {(user.role === "teamleitung" || user.role === "administration") && <li><Link to="/sachbearbeitung/uebersicht">{t("sachbearbeitung:navigation.uebersicht")}</Link></li>}
          {user.role === "administration" && <li><Link to="/sachbearbeitung/konten">{t("sachbearbeitung:navigation.konten")}</Link></li>}
          {user.role === "administration" && <li><Link to="/sachbearbeitung/protokoll">{t("sachbearbeitung:navigation.protokoll")}</Link></li>}
          <li><Link to="/sachbearbeitung/konto">{t("sachbearbeitung:navigation.konto")}</Link></li>
          <li>
            <Form method="post" action="/sachbearbeitung/abmelden" reloadDocument className="inline-form">
              <CsrfField />
              <button type="submit" className="button button--link">{t("sachbearbeitung:navigation.abmelden")}</button>
            </Form>
          </li>
        </ul>
      </nav>
      <IdleWarning expiresAt={user.expiresAt} />
    </>
  );
}

/** "22.11.2026, 10:15" in Berlin time. */
export const berlinDateTime = (iso: string) =>
  new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(new Date(iso));

/** "18.01.2027" for a calendar day (YYYY-MM-DD), no time zone involved. */
export const germanDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** "10:15:04" in Berlin time (waits of seconds). */
export const berlinTime = (iso: string) =>
  new Intl.DateTimeFormat("de-DE", { timeStyle: "medium", timeZone: "Europe/Berlin" }).format(new Date(iso));
