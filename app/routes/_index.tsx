/** Start page: the services on offer, in the applicant's language. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { flowIds } from "~/flows/registry.server";
import { useT } from "~/i18n/context";
import { STATUS_LOOKUP_URL } from "~/flows/urls";


export function loader(_: LoaderFunctionArgs) {
  return { services: flowIds(), titleKeys: ["home.title"] };
}

export default function Home() {
  const { services } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
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
