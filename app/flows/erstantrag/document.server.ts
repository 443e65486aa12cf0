/**
 * The Erstantrag's document outline (caseworker PDF and caseworker page): the Antragstellung,
 * then what the Hauptantrag's blocks hold (app/blocks/outline.server.ts).
 */
import { residenceAttention } from "~/blocks/attention";
import type { Erstantrag } from "~/model/erstantrag";
import { dokumentText, fieldLabel } from "~/submission/pdf/labels.server";
import { formularItems, outlineHauptantrag, print, rows } from "~/blocks/outline.server";
import type { FlowDocument, OutlineSink } from "../engine/types";

function outline(e: Erstantrag, flow: OutlineSink): void {
  flow.heading(dokumentText("abschnitte.antragstellung"));
  flow.row(fieldLabel("leistung"), e.leistung);
  print(flow, rows(e.antragstellung, "Antragstellung"));
  outlineHauptantrag(e, flow);
}

export const document: FlowDocument<Erstantrag> = {
  outline,
  person: (e) => e.antragsteller,
  receiptItems: formularItems,
  attention: (e, { inArea }) => residenceAttention(e.antragsteller, inArea),
};
