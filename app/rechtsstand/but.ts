/**
 * Bildung und Teilhabe figures by school year (§ 28 Abs. 3 and 7 SGB II, § 6b BKGG): only shown
 * in the BuT flow's texts, never computed into a decision. Sources: ../shared/domain/wba-but.md
 * B.2 (RBSFV 2026: 2026/27 unchanged at 130 € + 65 €). A school year runs 1 August – 31 July.
 */
export interface ButBetraege {
  /** "2025/26" */
  schuljahr: string;
  gueltigAb: string;
  gueltigBis: string;
  /** Persönlicher Schulbedarf: the part for the first school half-year (paid for 1 August) … */
  schulbedarfAugust: number;
  /** … and for the second (1 February). */
  schulbedarfFebruar: number;
  /** Soziale und kulturelle Teilhabe, per month (under 18). */
  teilhabeMonatlich: number;
}

export const BUT_BETRAEGE: readonly ButBetraege[] = [
  { schuljahr: "2024/25", gueltigAb: "2024-08-01", gueltigBis: "2025-07-31", schulbedarfAugust: 130, schulbedarfFebruar: 65, teilhabeMonatlich: 15 },
  { schuljahr: "2025/26", gueltigAb: "2025-08-01", gueltigBis: "2026-07-31", schulbedarfAugust: 130, schulbedarfFebruar: 65, teilhabeMonatlich: 15 },
  { schuljahr: "2026/27", gueltigAb: "2026-08-01", gueltigBis: "2027-07-31", schulbedarfAugust: 130, schulbedarfFebruar: 65, teilhabeMonatlich: 15 },
];

/** The school year's figures on `datum`; after the table's end the last row (say so in its texts, not silently newer law). */
export function butBetraegeAm(datum: string): ButBetraege {
  return BUT_BETRAEGE.find((b) => b.gueltigAb <= datum && datum <= b.gueltigBis) ?? BUT_BETRAEGE[BUT_BETRAEGE.length - 1];
}
