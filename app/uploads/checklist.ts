/**
 * The personalised Nachweis checklist, grouped for the upload pages: by person (when the flow
 * names one, e.g. per member of the household) and by the answer that called for it, in the
 * order the flow lists them; "Weitere Unterlagen" always comes last.
 *
 * Files are kept per *slot*: the Nachweis key, or for a Nachweis asked per person "<key>-<n>"
 * (the n-th person the key is asked for), so two people's ID cards stay apart without storing
 * their names with the file. The slot is what the XML calls NachweisSchluessel.
 */
import { OTHER_NACHWEIS } from "./limits";

export interface ChecklistItem {
  key: string;
  reason: string;
  person?: string;
}

export interface ChecklistSlot {
  slot: string;
  key: string;
}

export interface ChecklistGroup {
  person?: string;
  reason: string;
  items: ChecklistSlot[];
}

/** Every requirement once, with its slot. */
export function checklistSlots(items: readonly ChecklistItem[]): (ChecklistItem & ChecklistSlot)[] {
  const seen = new Set<string>();
  const perKey = new Map<string, number>();
  const out: (ChecklistItem & ChecklistSlot)[] = [];
  for (const item of items) {
    const identity = `${item.key}\u0000${item.person ?? ""}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    let slot = item.key;
    if (item.person !== undefined) {
      const n = (perKey.get(item.key) ?? 0) + 1;
      perKey.set(item.key, n);
      slot = `${item.key}-${n}`;
    }
    out.push({ ...item, slot });
  }
  return out;
}

export function groupChecklist(items: readonly ChecklistItem[]): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  const placed = new Set<string>();
  for (const item of checklistSlots(items)) {
    if (placed.has(item.slot)) continue; // the same Nachweis for a second reason: one upload place
    placed.add(item.slot);
    let group = groups.find((g) => g.person === item.person && g.reason === item.reason);
    if (!group) groups.push((group = { person: item.person, reason: item.reason, items: [] }));
    group.items.push({ slot: item.slot, key: item.key });
  }
  return groups;
}

/** The slots a person may upload for: the checklist's, plus "sonstiges". */
export function allowedNachweise(items: readonly ChecklistItem[]): Set<string> {
  return new Set([...checklistSlots(items).map((i) => i.slot), OTHER_NACHWEIS]);
}

/** The catalogue key of a slot ("ausweisPerson-2" → "ausweisPerson"). */
export const keyOfSlot = (slot: string) => slot.replace(/-\d+$/, "");

/** The checklist of a submitted model (its `nachweise`; a person label if the model has one). */
export function checklistOfModel(model: unknown): ChecklistItem[] {
  const list = (model as { nachweise?: { schluessel: string; anlass: string; person?: string }[] }).nachweise ?? [];
  return list.map((n) => ({ key: n.schluessel, reason: n.anlass, ...(n.person !== undefined ? { person: n.person } : {}) }));
}
