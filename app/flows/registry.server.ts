/** Every application type the portal runs. Adding a flow touches this list, not a route. */
import type { FlowDefinition } from "./engine/types";
import { erstantrag } from "./erstantrag/flow";
import { kurzantrag } from "./kurzantrag/flow";
import { veraenderung } from "./veraenderung/flow";

const flows: Record<string, FlowDefinition> = {
  [erstantrag.id]: erstantrag as FlowDefinition,
  [kurzantrag.id]: kurzantrag as FlowDefinition,
  [veraenderung.id]: veraenderung as FlowDefinition,
};

export function getFlow(id: string): FlowDefinition | undefined {
  return Object.hasOwn(flows, id) ? flows[id] : undefined;
}

export function flowIds(): string[] {
  return Object.keys(flows);
}
