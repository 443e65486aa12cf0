/**
 * The document outline: a flow's own part of the caseworker documents as data — headings,
 * label/value rows and texts, in German, in the order of the official form. A flow writes it
 * once (FlowDefinition.document.outline); the caseworker PDF draws it and the caseworker page
 * shows it, so both always say the same.
 */
import type { OutlineSink } from "~/flows/engine/types";

export type OutlineNode =
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "row"; label: string; value: string }
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  | { kind: "checkItem"; text: string; detail?: string };

/** What a flow's outline writes into. */
export type OutlineWriter = OutlineSink;

/** Collects an outline. */
export class Outline implements OutlineWriter {
  readonly nodes: OutlineNode[] = [];
  heading(text: string) { this.nodes.push({ kind: "heading", text }); }
  subheading(text: string) { this.nodes.push({ kind: "subheading", text }); }
  row(label: string, value: string) { this.nodes.push({ kind: "row", label, value }); }
  paragraph(text: string) { this.nodes.push({ kind: "paragraph", text }); }
  note(text: string) { this.nodes.push({ kind: "note", text }); }
  checkItem(text: string, detail?: string) { this.nodes.push({ kind: "checkItem", text, ...(detail === undefined ? {} : { detail }) }); }
}

/** Replays an outline into a writer (the PDF's page flow has the same methods). */
export function writeOutline(nodes: readonly OutlineNode[], out: OutlineWriter): void {
  for (const n of nodes) {
    if (n.kind === "row") out.row(n.label, n.value);
    else if (n.kind === "checkItem") out.checkItem(n.text, n.detail);
    else out[n.kind](n.text);
  }
}
