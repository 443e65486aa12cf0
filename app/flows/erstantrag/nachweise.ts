/** The Erstantrag's Nachweis checklist: the Hauptantrag blocks' rules (app/blocks/nachweise.ts). */
export { NACHWEIS_KEYS, nachweise, type NachweisKey } from "~/blocks/nachweise";
