/** The jobcenter's whole audit log as CSV (administrators only). The export itself is audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsv, listAudit, recordAudit } from "~/caseworker/audit.server";
import { requireCaseworker } from "~/caseworker/sessions.server";
import { fixedT } from "~/i18n/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireCaseworker(request, { roles: ["administration"] });
  const jobcenterId = auth.caseworker.jobcenterId;
  await recordAudit(auth.database, { caseworkerId: auth.caseworker.id, jobcenterId, action: "protokoll_exportiert" });
  const entries = await listAudit(auth.database, jobcenterId, { limit: 1_000_000 });
  const t = fixedT("de", "sachbearbeitung");
  const header = ["zeit", "person", "personId", "aktion", "referenz", "antragId", "details"].map((k) => String(t(`protokoll.csv.${k}`)));
  const csv = auditCsv(entries, header, (a) => String(t(`aktionen.${a}`)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="protokoll-${jobcenterId}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
