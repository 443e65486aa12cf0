import type { FlowDefinition } from "../engine/types";
import type { Veraenderungsmitteilung } from "~/model/veraenderungsmitteilung";
import { nachweise } from "./nachweise";
import { steps } from "./steps";
import { toModel } from "./to-model";
import { document } from "./document.server";

export const veraenderung: FlowDefinition<Veraenderungsmitteilung> = {
  id: "veraenderung",
  formVersion: "veraenderung-2026.11",
  namespace: "veraenderung",
  sections: ["person", "aenderungen", "angaben"],
  steps,
  nachweise,
  toModel: (answers) => toModel(answers),
  document,
  inboxLabel: "sachbearbeitung:verfahren.veraenderung",
};
