/**
 * The Veränderungsmitteilung's document outline (caseworker PDF and caseworker page): the
 * reporting person, then one section per Änderung, as on the BA form.
 */
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { changeName, dokumentText, fieldLabel } from "~/submission/pdf/labels.server";
import { displayValue, modelRows } from "~/submission/values.server";
import { formatDate } from "~/submission/pdf/format.server";
import type { FlowAttention, FlowDocument } from "../engine/types";

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
      for (const { label, value } of modelRows(change, change.art, undefined, ["betrifft", "angaben"])) out.row(label, value);
      // Audit V3: a person who moved in, with what the Anlage WEP / KI asks of them.
      if (change.art === "PersonEinzugAuszug" && change.angaben) {
        out.subheading(dokumentText("abschnitte.neuePerson", { name: `${change.person.vorname} ${change.person.nachname}` }));
        if (change.angaben.einkommen?.length === 0) out.row(fieldLabel("einkommen"), dokumentText("keine"));
        for (const { label, value } of modelRows(change.angaben, "Angaben")) out.row(label, value);
      }
    });
  },
  person: (vm) => vm.mitteilendePerson,
  /** A move out of the jobcenter's area changes who is responsible (§ 36 SGB II). */
  attention: (vm, { inArea }) => vm.aenderungen.flatMap((c): FlowAttention[] => {
    if (c.art !== "Umzug") return [];
    const out: FlowAttention[] = [];
    if (!inArea(c.neueAnschrift.postleitzahl)) out.push({ code: "umzugAusserhalb", values: { plz: c.neueAnschrift.postleitzahl, ort: c.neueAnschrift.ort, datum: formatDate(c.datum) } });
    // Costs applied for under § 22 Abs. 6 SGB II: a decision of their own.
    const costs = (c.kostenuebernahme ?? []).filter((k) => k !== "keine");
    if (costs.length > 0) out.push({ code: "gesonderteAntraege", values: { count: costs.length, arten: costs.map((k) => displayValue("Umzug", "Kostenuebernahme", k)).join(", ") } });
    return out;
  }),
  /** Each kind of change once. */
  receiptItems: (vm) => [...new Set(vm.aenderungen.map((c) => c.art))].map((art) => ({ key: `aenderungsarten.${art}` })),
};
