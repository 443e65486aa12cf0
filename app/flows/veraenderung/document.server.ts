/**
 * The Veränderungsmitteilung's document outline (caseworker PDF and caseworker page): the
 * reporting person, then one section per Änderung, as on the BA form.
 */
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { changeName, dokumentText } from "~/submission/pdf/labels.server";
import { modelRows } from "~/submission/values.server";
import { formatDate } from "~/submission/pdf/format.server";
import type { FlowDocument } from "../engine/types";

export const document: FlowDocument<Veraenderungsmitteilung> = {
  outline(vm, out) {
    out.heading(dokumentText("abschnitte.mitteilendePerson"));
    for (const { label, value } of modelRows(vm.mitteilendePerson, "MitteilendePerson")) out.row(label, value);
    out.heading(dokumentText("abschnitte.aenderungen"));
    vm.aenderungen.forEach((change, i) => {
      out.subheading(dokumentText("abschnitte.aenderung", { nummer: i + 1, name: changeName(change.art) }));
      // Whom it concerns first (audit V1): the reporting person by name, or the other person named.
      const betrifft = "betrifft" in change ? change.betrifft : undefined;
      if (betrifft) {
        const p = betrifft.person === "selbst" ? vm.mitteilendePerson : betrifft;
        out.row(dokumentText("betrifft.label"), dokumentText(`betrifft.${betrifft.person}`, { name: `${p.vorname ?? ""} ${p.nachname ?? ""}`.trim() }));
      }
      for (const { label, value } of modelRows(change, change.art, undefined, ["betrifft"])) out.row(label, value);
    });
  },
  person: (vm) => vm.mitteilendePerson,
  /** A move out of the jobcenter's area changes who is responsible (§ 36 SGB II). */
  attention: (vm, { inArea }) => vm.aenderungen.flatMap((c) => c.art === "Umzug" && !inArea(c.neueAnschrift.postleitzahl)
    ? [{ code: "umzugAusserhalb" as const, values: { plz: c.neueAnschrift.postleitzahl, ort: c.neueAnschrift.ort, datum: formatDate(c.datum) } }] : []),
  /** Each kind of change once. */
  receiptItems: (vm) => [...new Set(vm.aenderungen.map((c) => c.art))].map((art) => ({ key: `aenderungsarten.${art}` })),
};
