/**
 * Audit R2: the Vermögen regime, its limit and the recorded start of the Bewilligungszeitraum
 * are one date (§ 65a SGB II). An application made informally in June 2026 for benefits from
 * July 2026 starts its period in July: the post-reform age tiers apply, not the Karenzzeit.
 */
import { expect, it } from "vitest";
import { erstantrag } from "~/flows/erstantrag/flow";
import { prune, viewOf } from "~/flows/engine/journey";
import type { Erstantrag } from "~/model/erstantrag";
import { erstantragPersonas } from "../fixtures/erstantrag-personas";

it("a later start decides the regime, the limit and the recorded period start alike", () => {
  const base = erstantragPersonas.find((p) => p.name === "1-alleinstehend")!.answers;
  const answers = {
    ...base,
    antragsdatum: { formlos: "ja" },
    formlos: { datum: "2026-06-10", weg: "telefonisch" },
    beginn: { ab: "spaeter" },
    beginnDatum: { datum: "2026-07-01" },
  };
  const view = viewOf(erstantrag, prune(erstantrag, answers));
  const model = erstantrag.toModel(view, { receivedAt: new Date("2026-12-06T10:00:00Z"), language: "de" }) as Erstantrag;
  expect(model.antragstellung.antragsdatum).toBe("2026-06-10");
  expect(model.antragstellung.bewilligungszeitraumBeginn).toBe("2026-07-01");
  expect(model.vermoegen.regime).toBe("Altersstufen");
  // Without the later start the period begins in June: the Karenzzeit of the old law.
  const june = { ...answers, beginn: { ab: "sofort" } };
  const juneModel = erstantrag.toModel(viewOf(erstantrag, prune(erstantrag, june)), { receivedAt: new Date("2026-12-06T10:00:00Z"), language: "de" }) as Erstantrag;
  expect(juneModel.antragstellung.bewilligungszeitraumBeginn).toBe("2026-06-01");
  expect(juneModel.vermoegen.regime).toBe("Karenzzeit");
});
