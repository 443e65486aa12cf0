/**
 * The German structured data for the caseworker page: the flow's document outline (the same
 * nodes the caseworker PDF draws, app/submission/outline.ts) grouped into sections, then the
 * applicant's Anmerkungen.
 */
import type { Fachdaten } from "~/submission/document";
import { flowOutline } from "~/submission/flow-outline.server";
import { dokumentText, fieldLabel } from "~/submission/pdf/labels.server";

export { applicantName } from "~/submission/flow-outline.server";

export type Block =
  | { kind: "subheading"; text: string }
  | { kind: "row"; label: string; value: string; foreign?: boolean }
  | { kind: "text"; text: string; foreign?: boolean };

export interface Section {
  /** Anchor for the section navigation. */
  id: string;
  heading: string;
  blocks: Block[];
}

export function structuredData(flowId: string, model: Fachdaten): Section[] {
  const sections: Section[] = [];
  const current = () => {
    if (sections.length === 0) sections.push({ id: "abschnitt-0", heading: "", blocks: [] });
    return sections[sections.length - 1];
  };
  for (const n of flowOutline(flowId, model)) {
    if (n.kind === "heading") sections.push({ id: `abschnitt-${sections.length + 1}`, heading: n.text, blocks: [] });
    else if (n.kind === "subheading") current().blocks.push({ kind: "subheading", text: n.text });
    else if (n.kind === "row") current().blocks.push({ kind: "row", label: n.label, value: n.value });
    else if (n.kind === "checkItem") current().blocks.push({ kind: "text", text: n.detail ? `${n.text} (${n.detail})` : n.text });
    else current().blocks.push({ kind: "text", text: n.text });
  }
  sections.push({ id: "abschnitt-anmerkungen", heading: fieldLabel("anmerkungen"), blocks: [{ kind: "text", text: model.anmerkungen?.trim() || dokumentText("keineAngaben") }] });
  return sections;
}
