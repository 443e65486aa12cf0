/** The receipt's Nachweise block: files sent with the submission, Nachreichungen, and the way to send more. */
import { Link } from "@remix-run/react";
import { nachreichungUrl } from "~/flows/urls";
import { useI18n } from "~/i18n/context";
import { formatDateTime } from "./format";
import type { ReceiptUploadsData } from "~/uploads/receipt.server";

export function ReceiptUploads({ id, uploads }: { id: string; uploads: ReceiptUploadsData }) {
  const { t, lng } = useI18n();
  const any = uploads.withSubmission.length > 0 || uploads.nachreichungen.length > 0;
  return (
    <>
      {any ? (
        <section aria-labelledby="uploads-title">
          <h3 id="uploads-title">{t("receiptUploads.title")}</h3>
          {uploads.withSubmission.length > 0 ? (
            <>
              <p>{t("receiptUploads.withSubmission")}</p>
              <ul className="list">{uploads.withSubmission.map((f, i) => <li key={i} className="break">{f.name}</li>)}</ul>
            </>
          ) : null}
          {uploads.nachreichungen.map((n) => (
            <div key={n.nummer}>
              <p>{t("nachreichung.sentItem", { nummer: n.nummer, datetime: formatDateTime(n.receivedAt, lng) })}</p>
              <ul className="list">{n.files.map((f, i) => <li key={i} className="break">{f.name}</li>)}</ul>
            </div>
          ))}
        </section>
      ) : null}
      <p><Link className="button button--secondary" to={nachreichungUrl(id)}>{t("receiptUploads.link")}</Link></p>
    </>
  );
}
