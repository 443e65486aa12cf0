/**
 * The Nachweis checklist with "Foto aufnehmen" (camera) and "Datei auswählen" (several files)
 * per Nachweis and the files already uploaded.
 * - In a draft (`oneForm` false) each Nachweis has its own form: a file is added to the draft
 *   when chosen and sent, and can be removed.
 * - After submission (`oneForm`, ADR 0038) the whole page is one form with one button: what is
 *   chosen for any Nachweise goes as one sealed Nachreichung. Each file input is named
 *   `datei-<nachweis>`.
 * Without JavaScript a form is a plain multipart POST answered with a redirect or the page
 * with an error summary. With JavaScript the same form data goes to a JSON endpoint by
 * XMLHttpRequest, which reports upload progress (fetch cannot), and the page data is reloaded.
 */
import { Form, useRevalidator } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useI18n } from "~/i18n/context";
import type { ChecklistGroup } from "~/uploads/checklist";
import { uploadFieldName, type UploadError } from "~/uploads/errors";
import { ACCEPT_FILES, ACCEPT_PHOTO, MAX_FILE_BYTES, MAX_FILE_MB, MAX_FILES, MAX_IMAGE_MEGAPIXELS, OTHER_NACHWEIS } from "~/uploads/limits";
import { CsrfField } from "./CsrfField";
import { fieldId } from "./Field";
import { formatFileSize } from "./format";

export interface UploadedFile {
  id: string;
  nachweis: string;
  name: string;
  size: number;
}

export interface UploadResult {
  errors: UploadError[];
  nummer?: number;
}

interface Props {
  namespace: string;
  /** Groups with the key of the title of the page that asked for them (flows/texts.server.ts). */
  groups: (ChecklistGroup & { reasonTitle: string })[];
  files: UploadedFile[];
  /** Where the plain form posts (the page). */
  action: string;
  /** Where the script posts (JSON answer). */
  jsonAction: string;
  /** Files of a draft can be removed; files already sent cannot. */
  removable: boolean;
  submitLabel: string;
  errors: UploadError[];
  onResult: (nachweis: string, result: UploadResult) => void;
  /** One form and one button for every Nachweis (after submission). */
  oneForm?: boolean;
}

/** One error summary entry per Nachweis, linking to its file input. */
export function useUploadErrorMessages() {
  const { t } = useI18n();
  return (errors: UploadError[]) => {
    const byNachweis = new Map<string, string[]>();
    for (const e of errors) {
      const message = t(`nachweisUpload.errors.${e.code}`, { file: e.file, mb: MAX_FILE_MB, max: MAX_FILES, mp: MAX_IMAGE_MEGAPIXELS });
      byNachweis.set(e.nachweis, [...(byNachweis.get(e.nachweis) ?? []), message]);
    }
    return [...byNachweis].map(([nachweis, messages]) => ({ name: uploadFieldName(nachweis), message: messages.join(" ") }));
  };
}

export function NachweisUploads({ namespace, groups, files, errors, oneForm = false, ...rest }: Props) {
  const { t, has } = useI18n();
  const messages = useUploadErrorMessages()(errors);
  const sender = useUploadSender(rest.jsonAction, rest.onResult);
  const first = groups[0]?.items[0]?.slot ?? OTHER_NACHWEIS;
  const card = (key: string, title: string, hint?: string) => (
    <NachweisCard
      key={key}
      nachweis={key}
      title={title}
      hint={hint}
      files={files.filter((f) => f.nachweis === key)}
      error={messages.find((m) => m.name === uploadFieldName(key))?.message}
      inForm={oneForm}
      {...rest}
    />
  );
  const heading = (g: Props["groups"][number]) => {
    const reason = has(g.reasonTitle) ? t(g.reasonTitle) : t("nachweisUpload.groupGeneral");
    return g.person ? t("nachweisUpload.groupPerson", { person: g.person, reason }) : reason;
  };
  const sections = (
    <>
      {groups.length === 0 ? <p>{t("nachweisUpload.none")}</p> : null}
      {groups.map((g) => (
        <section key={`${g.person ?? ""}|${g.reason}`} className="nachweis-group">
          <h2>{heading(g)}</h2>
          {g.items.map(({ slot, key }) => card(slot, t(`${namespace}:nachweise.${key}`)))}
        </section>
      ))}
      <section className="nachweis-group">
        <h2>{t("nachweisUpload.other")}</h2>
        {card(OTHER_NACHWEIS, t("nachweisUpload.other"), t("nachweisUpload.otherHint"))}
      </section>
    </>
  );
  if (!oneForm) return sections;
  return (
    <form method="post" action={rest.action} encType="multipart/form-data" onSubmit={(e) => sender.send(e, first)} noValidate>
      <CsrfField />
      {sections}
      <UploadProgress id="nachreichung-progress" percent={sender.percent} />
      <div className="button-group">
        <button className="button button--primary" type="submit" disabled={sender.percent !== null}>{rest.submitLabel}</button>
      </div>
    </form>
  );
}

/**
 * Sends an upload form by XMLHttpRequest with progress. Files over the size limit are refused
 * here already (the server would refuse them too); a file input named `datei-<nachweis>` says
 * its Nachweis, a form's plain `datei` input belongs to `nachweis`.
 */
function useUploadSender(jsonAction: string, onResult: Props["onResult"]) {
  const revalidator = useRevalidator();
  const [percent, setPercent] = useState<number | null>(null);
  const send = (event: FormEvent<HTMLFormElement>, nachweis: string) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData();
    const early: UploadError[] = [];
    let count = 0;
    for (const [name, value] of new FormData(form).entries()) {
      if (typeof value !== "string") {
        if (!value.name && value.size === 0) continue; // an input left empty
        if (value.size > MAX_FILE_BYTES) {
          early.push({ nachweis: name.startsWith("datei-") ? name.slice("datei-".length) : nachweis, code: "tooLarge", file: value.name });
          continue;
        }
        count++;
      }
      body.append(name, value);
    }
    if (count === 0) {
      onResult(nachweis, { errors: early.length > 0 ? early : [{ nachweis, code: "noFile", file: "" }] });
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", jsonAction);
    request.responseType = "json";
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setPercent(Math.round((e.loaded / e.total) * 100));
    };
    request.onload = () => {
      setPercent(null);
      const result = request.status === 200 && request.response ? (request.response as UploadResult) : undefined;
      onResult(nachweis, {
        errors: [...early, ...(result ? result.errors : [{ nachweis, code: "failed" as const, file: "" }])],
        nummer: result?.nummer,
      });
      form.reset();
      revalidator.revalidate();
    };
    request.onerror = () => {
      setPercent(null);
      onResult(nachweis, { errors: [...early, { nachweis, code: "network", file: "" }] });
    };
    setPercent(0);
    request.send(body);
  };
  return { percent, send };
}

function UploadProgress({ id, percent }: { id: string; percent: number | null }) {
  const { t } = useI18n();
  if (percent === null) return null;
  return (
    <div className="upload-progress">
      <progress className="progress__bar" max={100} value={percent} aria-labelledby={id} />
      <p className="hint" id={id} role="status">{t("nachweisUpload.progress", { percent })}</p>
    </div>
  );
}

interface CardProps extends Omit<Props, "namespace" | "groups" | "files" | "errors" | "oneForm"> {
  nachweis: string;
  title: string;
  hint?: string;
  files: UploadedFile[];
  error?: string;
  /** Inside the page's one form: file inputs only, no form or button of its own. */
  inForm: boolean;
}

function NachweisCard({ nachweis, title, hint, files, error, action, jsonAction, removable, submitLabel, onResult, inForm }: CardProps) {
  const { t, lng } = useI18n();
  const sender = useUploadSender(jsonAction, onResult);
  const titleId = `n-${nachweis}-title`;
  const fileInput = fieldId(uploadFieldName(nachweis));
  const errorId = error ? `${fileInput}-error` : undefined;
  const inputName = inForm ? uploadFieldName(nachweis) : "datei";

  const inputs = (
    <div className="upload-inputs">
      <div className="upload-input">
        <label className="label" htmlFor={`${fileInput}-foto`}>{t("nachweisUpload.photo")}</label>
        <input className="file-input" id={`${fileInput}-foto`} type="file" name={inputName} accept={ACCEPT_PHOTO} capture="environment" />
      </div>
      <div className="upload-input">
        <label className="label" htmlFor={fileInput}>{t("nachweisUpload.file")}</label>
        <p className="hint" id={`${fileInput}-hint`}>{t("nachweisUpload.fileHint")}</p>
        <input
          className="file-input" id={fileInput} type="file" name={inputName} accept={ACCEPT_FILES} multiple
          aria-describedby={[`${fileInput}-hint`, errorId].filter(Boolean).join(" ")}
        />
      </div>
    </div>
  );

  return (
    <section className={`card nachweis${error ? " form-group--error" : ""}`} aria-labelledby={titleId}>
      <h3 className="card__title" id={titleId}>{title}</h3>
      {hint ? <p className="hint">{hint}</p> : null}
      {files.length > 0 ? (
        <ul className="item-list file-list">
          {files.map((f) => (
            <li className="item-list__item" key={f.id}>
              <span className="file-list__name break">{f.name}</span>
              <span className="item-list__actions">
                <span className="hint file-list__size" dir="ltr">{formatFileSize(f.size, lng)}</span>
                {removable ? (
                  <Form method="post" action={action} className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="id" value={f.id} />
                    <button className="button button--link" type="submit" name="intent" value="remove">
                      {t("remove")}<span className="visually-hidden"> {f.name}</span>
                    </button>
                  </Form>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : <p className="hint">{t("nachweisUpload.noFiles")}</p>}
      {error ? <p className="error-message" id={errorId}><span className="visually-hidden">{t("errorPrefix")} </span>{error}</p> : null}
      {inForm ? inputs : (
        <form method="post" action={action} encType="multipart/form-data" onSubmit={(e) => sender.send(e, nachweis)} noValidate>
          <CsrfField />
          <input type="hidden" name="nachweis" value={nachweis} />
          {inputs}
          <UploadProgress id={`${titleId}-progress`} percent={sender.percent} />
          <button className="button button--secondary" type="submit" disabled={sender.percent !== null}>{submitLabel}</button>
        </form>
      )}
    </section>
  );
}
