/**
 * Submissions for the caseworker workspace tests, sent as applicants send them (plain HTTP, no
 * JavaScript), with one surname per test run so that a name search finds exactly them on a
 * server other tests fill at the same time.
 */
import type { Answers } from "~/flows/engine/types";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";
import { personas as veraenderungPersonas } from "../fixtures/veraenderung-personas";
import { Client } from "./client";
import { walk } from "./walk";

/** Letters only (names are validated as names): "Qmvrtk". */
export const surnameStamp = () => Array.from({ length: 6 }, (_, i) => String.fromCharCode((i === 0 ? 65 : 97) + Math.floor(Math.random() * 26))).join("");

const renamed = (answers: Answers, nachname: string): Answers => ({ ...answers, person: { ...(answers.person as Record<string, unknown>), nachname } } as Answers);

/** Sends a Veränderungsmitteilung or an Erstantrag to Jobcenter Musterstadt (Demo); returns its reference. */
export async function sendAs(flow: "veraenderung" | "erstantrag", nachname: string): Promise<string> {
  const persona = flow === "veraenderung"
    ? veraenderungPersonas.find((p) => p.postcode >= "00100" && p.postcode <= "00499")!
    : erstantragPersonas.find((p) => p.postcode >= "00100" && p.postcode <= "00499" && p.language === "de")!;
  const { receipt } = await walk(new Client(), flow, persona.postcode, renamed(persona.answers, nachname));
  return receipt.document.querySelector(".reference")!.text.trim();
}
