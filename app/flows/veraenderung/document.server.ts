/**
 * The Veränderungsmitteilung's document outline (caseworker PDF and caseworker page): the
 * reporting person, then one section per Änderung, as on the BA form.
 */
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { changeName, dokumentText } from "~/submission/pdf/labels.server";
import { modelRows } from "~/submission/values.server";
import type { FlowDocument } from "../engine/types";

export const document: FlowDocument<Veraenderungsmitteilung> = {
  outline(vm, out) {
    out.heading(dokumentText("abschnitte.mitteilendePerson"));
    for (const { label, value } of modelRows(vm.mitteilendePerson, "MitteilendePerson")) out.row(label, value);
    out.heading(dokumentText("abschnitte.aenderungen"));
    vm.aenderungen.forEach((change, i) => {
      out.subheading(dokumentText("abschnitte.aenderung", { nummer: i + 1, name: changeName(change.art) }));
      for (const { label, value } of modelRows(change, change.art)) out.row(label, value);
    });
  },
  person: (vm) => vm.mitteilendePerson,
  /** Each kind of change once. */
  receiptItems: (vm) => [...new Set(vm.aenderungen.map((c) => c.art))].map((art) => ({ key: `aenderungsarten.${art}` })),
};
