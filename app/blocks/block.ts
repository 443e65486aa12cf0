/**
 * A building block: steps that belong together (one Anlage or one part of the Hauptantrag), with
 * their bindings to the model and their texts in the block's namespace
 * (locales/<lng>/<namespace>.json), whichever flow asks them. Flows compose blocks (ADR 0026).
 */
import type { FieldDef, Step } from "~/flows/engine/types";

/** Marks every step of a block with the block's text namespace (a record of steps, or a list). */
export function inBlock<T extends Record<string, Step> | readonly Step[]>(namespace: string, steps: T): T {
  for (const step of Object.values(steps) as Step[]) step.namespace = namespace;
  return steps;
}

/**
 * A block's questions asked on another flow's page, with the block's texts: each field reads
 * its label, hint and options at `<namespace>:steps.<step>.fields.<name>` (FieldBase.texts).
 */
export function borrow(namespace: string, step: string, fields: readonly FieldDef[]): FieldDef[] {
  return fields.map((f) => ({ ...f, texts: `${namespace}:${step}` }));
}
