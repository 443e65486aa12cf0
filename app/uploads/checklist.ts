/**
 * The personalised Nachweis checklist, grouped for the upload pages: by person (when the flow
 * names one, e.g. per member of the household) and by the answer that called for it, in the
 * order the flow lists them; "Weitere Unterlagen" always comes last.
 */
import { OTHER_NACHWEIS } from "./limits";

export interface ChecklistItem {
  key: string;
  reason: string;
  person?: string;
}

export interface ChecklistGroup {
  person?: string;
  reason: string;
  keys: string[];
}

export function groupChecklist(items: readonly ChecklistItem[]): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  for (const item of items) {
    let group = groups.find((g) => g.person === item.person && g.reason === item.reason);
    if (!group) groups.push((group = { person: item.person, reason: item.reason, keys: [] }));
    if (!group.keys.includes(item.key)) group.keys.push(item.key);
  }
  return groups;
}

/** The Nachweis keys a person may upload for: the checklist's, plus "sonstiges". */
export function allowedNachweise(items: readonly Pick<ChecklistItem, "key">[]): Set<string> {
  return new Set([...items.map((i) => i.key), OTHER_NACHWEIS]);
}
