/**
 * Audit 2026-12 (issue #18), the rows fixed by wording and options: T1 (earlier benefits name
 * Grundsicherungsgeld), V6 (every sick leave is reported), E10 (BAföG/BAB does not rule out
 * benefits), E11 (the Vermögen intro names the protected assets), T2 (the Haushaltsgemeinschaft:
 * relatives and in-laws, income and assets), in German and in every offered language (the option
 * exists, the hint exists).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { steps as W } from "~/blocks/werdegang/steps";
import { veraenderung } from "~/flows/veraenderung/flow";
import { offeredLanguages } from "~/i18n/languages";

const de = (ns: string) => JSON.parse(readFileSync(`locales/de/${ns}.json`, "utf8"));

describe("audit rows fixed in texts and options", () => {
  it("T1: the earlier benefit can be Grundsicherungsgeld, and the older names are dated", () => {
    const art = W.vorleistung.fields.find((f) => f.name === "art")!;
    expect("options" in art && art.options).toContain("grundsicherungsgeld");
    for (const { code } of offeredLanguages()) {
      const texts = JSON.parse(readFileSync(`locales/${code}/werdegang.json`, "utf8"));
      expect(texts.steps.vorleistung.fields.art.options.grundsicherungsgeld, code).toBeTruthy();
    }
    expect(readFileSync("public/schemas/antrag-1.0.xsd", "utf8")).toContain('<xs:enumeration value="grundsicherungsgeld"/>');
  });

  it("V6: any sick leave is a change to report, with when the certificate is due", () => {
    expect(de("veraenderung").steps.gesundheit.fields.ereignisse.options.arbeitsunfaehigkeit).not.toMatch(/längere Zeit/);
    const von = veraenderung.steps.find((s) => s.id === "arbeitsunfaehigkeit")!.fields.find((f) => f.name === "von")!;
    expect(von.hint).toBe(true);
    expect(de("veraenderung").steps.arbeitsunfaehigkeit.fields.von.hint).toMatch(/4\. Tag/);
  });

  it("E10 and E11: no blanket 'no entitlement' for BAföG/BAB; the protected assets are named", () => {
    expect(de("lebenslage").steps.ausbildung.fields.foerderung.hint).not.toMatch(/keinen Anspruch/);
    expect(de("vermoegen").steps.vermoegen.intro).toMatch(/Hausrat.*Auto.*Altersvorsorge/);
  });

  it("T2: the presumption of support covers relatives and in-laws, with income or assets (§ 9 (5) SGB II)", () => {
    expect(de("haushalt").steps.hg.intro).toMatch(/Verwandte und Verschwägerte.*Einkommen oder Vermögen/);
  });
});
