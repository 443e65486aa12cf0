/** Every application type the portal runs. Adding a flow touches this list, not a route. */
import type { FlowDefinition } from "./engine/types";
import { but } from "./but/flow";
import { erstantrag } from "./erstantrag/flow";
import { kurzantrag } from "./kurzantrag/flow";
import { veraenderung } from "./veraenderung/flow";
import { weiterbewilligung } from "./weiterbewilligung/flow";

let table: Record<string, FlowDefinition> | undefined;
/**
 * Built on first use, not when the module loads: the documents' value system reads every flow's
 * bindings (values.server.ts) and is itself imported by the flows' documents.
 */
const flows = (): Record<string, FlowDefinition> => (table ??= {
  [erstantrag.id]: erstantrag as FlowDefinition,
  [kurzantrag.id]: kurzantrag as FlowDefinition,
  [veraenderung.id]: veraenderung as FlowDefinition,
  [weiterbewilligung.id]: weiterbewilligung as FlowDefinition,
  [but.id]: but as FlowDefinition,
});

export function getFlow(id: string): FlowDefinition | undefined {
  return Object.hasOwn(flows(), id) ? flows()[id] : undefined;
}

/** The flow of a stored submission: an unknown id there is a bug, not user input. */
export function requireFlow(id: string): FlowDefinition {
  const flow = getFlow(id);
  if (!flow) throw new Error(`unknown flow "${id}"`);
  return flow;
}

/** Every flow's id with the key of its name in the caseworker area (inbox filter, dashboard, headings). */
export function inboxFlows(): { id: string; label: string }[] {
  return Object.values(flows()).map((f) => ({ id: f.id, label: f.inboxLabel }));
}

export function flowIds(): string[] {
  return Object.keys(flows());
}
