/**
 * Start page: the services on offer, in the applicant's language, and — as BITV 2.0 § 4 asks —
 * the way to information in Leichte Sprache (once that language is offered) and to the
 * operator's video in German Sign Language (where one is configured: DGS_VIDEO_URL).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { env } from "~/config/env.server";
import { flowIds } from "~/flows/registry.server";
import { htmlLang, isLanguage } from "~/i18n/config";
import { useI18n } from "~/i18n/context";
import { EASY_LANGUAGE } from "~/i18n/languages";
import { STATUS_LOOKUP_URL } from "~/flows/urls";

export function loader(_: LoaderFunctionArgs) {
  return {
    services: flowIds(),
    titleKeys: ["home.title"],
    // Leichte Sprache, only once it is offered (the picker lists it then too).
    easyLanguage: isLanguage(EASY_LANGUAGE) ? EASY_LANGUAGE : null,
    signLanguageVideo: env().DGS_VIDEO_URL ?? null,
  };
}

export default function Home() {
  const { services, easyLanguage, signLanguageVideo } = useLoaderData<typeof loader>();
  const { t, lng } = useI18n();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      {(easyLanguage && lng !== easyLanguage) || signLanguageVideo ? (
        <ul className="access-links">
          {easyLanguage && lng !== easyLanguage ? (
            <li><a href={`/?lng=${easyLanguage}`} hrefLang={htmlLang(easyLanguage)} data-lng={easyLanguage}>{t("languageAccess.easyLanguage")}</a></li>
          ) : null}
          {signLanguageVideo ? (
            <li><a href={signLanguageVideo} hrefLang="gsg">{t("languageAccess.signLanguage")}</a></li>
          ) : null}
        </ul>
      ) : null}
      <ul className="card-list">
        {services.map((id) => (
          <li className="card" key={id}>
            <h2 className="card__title"><Link to={`/antrag/${id}`}>{t(`services.${id}.title`)}</Link></h2>
            <p className="card__body">{t(`services.${id}.description`)}</p>
          </li>
        ))}
      </ul>
      <h2>{t("home.promisesTitle")}</h2>
      <ul className="list">
        <li>{t("home.promiseLanguage")}</li>
        <li>{t("home.promiseNoAccount")}</li>
        <li>{t("home.promiseSaved")}</li>
        <li>{t("home.promiseReceipt")}</li>
      </ul>
      <p><Link to="/fortsetzen">{t("home.resume")}</Link></p>
      <p><Link to={STATUS_LOOKUP_URL}>{t("home.status")}</Link></p>
    </>
  );
}
