import { useLoaderData } from "@remix-run/react";
import { env } from "~/config/env.server";
import { TEXT_PAGES } from "~/ui/text-pages";
import { TextPage } from "~/ui/TextPage";


export const loader = () => ({ titleKeys: ["privacy.title"], ttlDays: env().DRAFT_TTL_DAYS });

export default function Privacy() {
  const { ttlDays } = useLoaderData<typeof loader>();
  return <TextPage prefix="privacy" sections={TEXT_PAGES.privacy} vars={{ days: ttlDays }} />;
}
