/**
 * Points for the caseworker's attention that several flows share (FlowDocument.attention,
 * ADR 0029): where the applicant lives against the receiving jobcenter's area.
 */
import type { Anschrift } from "~/model/common";
import type { FlowAttention } from "~/flows/engine/types";

/** No fixed address, or an address whose postcode is not in the jobcenter's area. */
export function residenceAttention(person: { anschrift?: Anschrift; ohneFestenWohnsitz?: boolean }, inArea: (postcode: string) => boolean): FlowAttention[] {
  if (person.ohneFestenWohnsitz) return [{ code: "ohneFestenWohnsitz" }];
  const plz = person.anschrift?.postleitzahl;
  return plz && !inArea(plz) ? [{ code: "ausserhalbBezirk", values: { plz, ort: person.anschrift?.ort ?? "" } }] : [];
}
