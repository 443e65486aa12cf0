/**
 * Countries as codes (ADR 0030): every language of the portal names every country (CLDR via
 * Intl), in its own alphabetical order; a country field accepts codes only; the jobcenter's
 * documents print the German name, and free text of earlier documents as it was.
 */
import { describe, expect, it } from "vitest";
import { checkField } from "~/flows/engine/fields";
import type { CountryField } from "~/flows/engine/types";
import { COUNTRY_CODES, countryBundle, countryName, UNKNOWN_COUNTRY } from "~/i18n/countries";
import { intlLocale } from "~/i18n/format";
import { LANGUAGE_TABLE } from "~/i18n/languages";
import { displayValue } from "~/submission/values.server";

describe("country names", () => {
  it.each(LANGUAGE_TABLE.map((r) => r.code))("%s names every country in its own words and order", (lng) => {
    const bundle = countryBundle(lng, "—");
    const codes = Object.keys(bundle);
    expect(codes[0]).toBe(UNKNOWN_COUNTRY);
    expect(codes.slice(1).sort()).toEqual([...COUNTRY_CODES].sort());
    // A name, not the code: the runtime has the language's region names.
    const unnamed = COUNTRY_CODES.filter((c) => bundle[c] === c);
    expect(unnamed, `${lng}: countries without a name`).toEqual([]);
    const names = codes.slice(1).map((c) => bundle[c]);
    const collator = new Intl.Collator(intlLocale(lng));
    expect([...names].sort(collator.compare)).toEqual(names);
  });

  it("names Syria as the applicant and the jobcenter read it", () => {
    expect(countryName("SY", "ar")).toBe("سوريا");
    expect(countryName("SY", "de")).toBe("Syrien");
    expect(countryName("ER", "ti")).toBe("ኤርትራ");
    expect(countryName("XK", "de")).toBe("Kosovo");
  });
});

describe("a country field", () => {
  const field: CountryField = { name: "land", kind: "country" };
  it("accepts ISO codes only; XX only where the field offers it", () => {
    expect(checkField(field, "SY")).toEqual({ ok: true, value: "SY" });
    expect(checkField(field, "Syrien")).toEqual({ ok: false, code: "choice" });
    expect(checkField(field, "سوريا")).toEqual({ ok: false, code: "choice" });
    expect(checkField(field, "sy")).toEqual({ ok: false, code: "choice" });
    expect(checkField(field, "")).toEqual({ ok: false, code: "requiredChoice" });
    expect(checkField(field, "XX")).toEqual({ ok: false, code: "choice" });
    expect(checkField({ ...field, unknown: true }, "XX")).toEqual({ ok: true, value: "XX" });
  });

  it("prints in German for the jobcenter; free text of earlier documents as it was", () => {
    expect(displayValue("Antragsteller", "Geburtsland", "SY")).toBe("Syrien");
    expect(displayValue("Aufenthalt", "Land", "UA")).toBe("Ukraine");
    expect(displayValue("Aufenthalt", "Land", "XX")).toBe("staatenlos oder ungeklärt");
    expect(displayValue("Antragsteller", "Geburtsland", "Syrien")).toBe("Syrien");
  });
});
