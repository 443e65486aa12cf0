/** The Kurzantrag's document outline: the declaration that secures the date, and who made it. */
import { residenceAttention } from "~/blocks/attention";
import type { Kurzantrag } from "~/model/kurzantrag";
import { dokumentText, fieldLabel } from "~/submission/pdf/labels.server";
import { modelRows } from "~/submission/values.server";
import type { FlowDocument } from "../engine/types";
import { formatDate } from "~/submission/pdf/format.server";

export const document: FlowDocument<Kurzantrag> = {
  outline(k, out) {
    out.heading(dokumentText("abschnitte.kurzantrag"));
    out.paragraph(dokumentText("kurzantrag.erklaerung", { leistung: k.leistung }));
    if (k.anliegen) {
      out.row(fieldLabel("anliegen"), dokumentText("kurzantrag.anliegen.weiterbewilligung"));
      if (k.anliegen.bwzEndeBisher) out.row(fieldLabel("bwzEndeBisher"), formatDate(k.anliegen.bwzEndeBisher));
      if (k.anliegen.bgNummer) out.row(fieldLabel("bgNummer"), k.anliegen.bgNummer);
    }
    for (const { label, value } of modelRows(k.antragstellendePerson, "AntragstellendePerson")) out.row(label, value);
    if (k.haushaltsgroesse) out.row(fieldLabel("haushaltsgroesse"), String(k.haushaltsgroesse));
  },
  person: (k) => k.antragstellendePerson,
  attention: (k, { inArea }) => residenceAttention(k.antragstellendePerson, inArea),
  receiptItems: () => [{ key: "receiptItem" }],
};
