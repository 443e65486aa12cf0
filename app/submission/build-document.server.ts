/** The canonical model plus header → the SubmissionDocument every rendering reads. */
import type { FlowDefinition } from "~/flows/engine/types";
import { fixedT } from "~/i18n/i18next.server";
import type { Nachweis } from "~/model/common";
import type { Jobcenter } from "~/tenants/jobcenter";
import type { DocumentAnlage, Fachdaten, SubmissionDocument } from "./document";

export interface DocumentInput {
  reference: string;
  flow: FlowDefinition;
  rechtsstand: string;
  receivedAt: Date;
  language: string;
  jobcenter: Jobcenter;
  model: Fachdaten;
  anlagen?: DocumentAnlage[];
}

export function buildDocument(input: DocumentInput): SubmissionDocument {
  const t = fixedT("de", input.flow.namespace);
  const nachweise = ((input.model as { nachweise?: Nachweis[] }).nachweise ?? []).map((n) => ({
    schluessel: n.schluessel,
    bezeichnung: t(`nachweise.${n.schluessel}`),
    anlass: n.anlass,
    ...(n.betrifft ? { betrifft: n.betrifft } : {}),
  }));
  return {
    kopf: {
      referenz: input.reference,
      verfahren: input.flow.id,
      formularversion: input.flow.formVersion,
      rechtsstand: input.rechtsstand,
      eingang: input.receivedAt.toISOString(),
      sprache: input.language,
      jobcenter: { id: input.jobcenter.id, name: input.jobcenter.name, anschrift: input.jobcenter.anschrift },
    },
    fachdaten: input.model,
    nachweise,
    anlagen: input.anlagen ?? [],
  };
}
