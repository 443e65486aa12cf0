/**
 * The dated parameter table: what the law fixes for a given date. The application date picks
 * the entry (§ 37 SGB II); for Vermögen the start of the Bewilligungszeitraum picks it (§ 65a
 * SGB II). Figures: ../shared/domain/sgb2-facts.md § 2, sources there. Nothing here is
 * computed into a decision — the portal words its questions and the documents with it.
 */

export type Leistung = "Buergergeld" | "Grundsicherungsgeld";

/** Vermögen (§ 12 SGB II): the Bürgergeld regime with a Karenzzeit, or age-based allowances. */
export type VermoegensRegel =
  | {
    regime: "Karenzzeit";
    karenzzeitMonate: number;
    /** During the Karenzzeit only erhebliches Vermögen counts: this for the first person … */
    erheblichErstePerson: number;
    /** … plus this for every further person of the Bedarfsgemeinschaft. */
    erheblichWeiterePerson: number;
    /** After the Karenzzeit, per person. */
    freibetragJePerson: number;
  }
  | {
    regime: "Altersstufen";
    /** Allowance per person from the month the age is reached; ascending by age. */
    stufen: readonly { abAlter: number; betrag: number }[];
  };

export interface Rechtsstand {
  gueltigAb: string;
  gueltigBis?: string;
  leistung: Leistung;
  /** Regelbedarfsstufen 1–6 in € per month (§ 20 SGB II, RBSFV). */
  regelbedarfe: readonly [number, number, number, number, number, number];
  mehrbedarfProzent: {
    schwangerschaft: number;
    alleinerziehendMin: number;
    alleinerziehendJeKind: number;
    alleinerziehendMax: number;
    behinderung: number;
    /** Decentral hot water by Regelbedarfsstufe 1–6. */
    warmwasser: readonly [number, number, number, number, number, number];
  };
  /** § 11b SGB II: Grundabsetzbetrag, then bands (up to `bis` € gross, `prozent` free). */
  freibetraege: {
    grundabsetzbetrag: number;
    stufen: readonly { bis: number; prozent: number }[];
    obergrenzeMitKind: number;
  };
  vermoegen: VermoegensRegel;
  /** § 22 SGB II: months in which actual housing costs are recognised; cap as a multiple of the local limit. */
  kduKarenzzeit: { monate: number; hoechstensFaktor?: number };
  quelle: string;
}

const BANDS_2023 = { grundabsetzbetrag: 100, stufen: [{ bis: 520, prozent: 20 }, { bis: 1000, prozent: 30 }, { bis: 1200, prozent: 10 }], obergrenzeMitKind: 1500 } as const;
const MEHRBEDARF = {
  schwangerschaft: 17, alleinerziehendMin: 36, alleinerziehendJeKind: 12, alleinerziehendMax: 60, behinderung: 35,
  warmwasser: [2.3, 2.3, 2.3, 1.4, 1.2, 0.8],
} as const;
const KARENZZEIT = {
  regime: "Karenzzeit", karenzzeitMonate: 12, erheblichErstePerson: 40000, erheblichWeiterePerson: 15000, freibetragJePerson: 15000,
} as const;

export const RECHTSSTAENDE: readonly Rechtsstand[] = [
  {
    gueltigAb: "2023-07-01", gueltigBis: "2023-12-31", leistung: "Buergergeld",
    regelbedarfe: [502, 451, 402, 420, 348, 318], mehrbedarfProzent: MEHRBEDARF, freibetraege: BANDS_2023,
    vermoegen: KARENZZEIT, kduKarenzzeit: { monate: 12 },
    quelle: "Bürgergeld-Gesetz v. 16.12.2022 (BGBl. I S. 2328); RBSFV 2023",
  },
  {
    gueltigAb: "2024-01-01", gueltigBis: "2025-12-31", leistung: "Buergergeld",
    regelbedarfe: [563, 506, 451, 471, 390, 357], mehrbedarfProzent: MEHRBEDARF, freibetraege: BANDS_2023,
    vermoegen: KARENZZEIT, kduKarenzzeit: { monate: 12 },
    quelle: "RBSFV 2024; Nullrunde 2025 (Besitzschutz § 28a SGB XII)",
  },
  {
    gueltigAb: "2026-01-01", gueltigBis: "2026-06-30", leistung: "Buergergeld",
    regelbedarfe: [563, 506, 451, 471, 390, 357], mehrbedarfProzent: MEHRBEDARF, freibetraege: BANDS_2023,
    vermoegen: KARENZZEIT, kduKarenzzeit: { monate: 12 },
    quelle: "RBSFV 2026",
  },
  {
    // 13. SGB II-ÄndG v. 16.04.2026 (BGBl. 2026 I Nr. 107). § 12 age tiers [!]: sources conflict
    // (5,000 € until 20, 10,000 € from the 21st year, 12,500 € from the 41st, 15,000 € from the
    // 51st — Walhalla 01/2026, buerger-geld.org — against 30 years and 20,000 € in two code bases).
    // The audit's best-dated reading (R1, ADR 0027). Verify against gesetze-im-internet.de § 12
    // and change only this row.
    gueltigAb: "2026-07-01", leistung: "Grundsicherungsgeld",
    regelbedarfe: [563, 506, 451, 471, 390, 357], mehrbedarfProzent: MEHRBEDARF, freibetraege: BANDS_2023,
    vermoegen: {
      regime: "Altersstufen",
      stufen: [{ abAlter: 0, betrag: 5000 }, { abAlter: 20, betrag: 10000 }, { abAlter: 40, betrag: 12500 }, { abAlter: 50, betrag: 15000 }],
    },
    kduKarenzzeit: { monate: 12, hoechstensFaktor: 1.5 },
    quelle: "13. Gesetz zur Änderung des SGB II v. 16.04.2026 (BGBl. 2026 I Nr. 107); RBSFV 2026",
  },
];

/** The first day the table covers: no date whose law applies may lie before it (audit R3). */
export const RECHTSSTAND_BEGINN = RECHTSSTAENDE[0].gueltigAb;

/** The entry in force on `datum` (YYYY-MM-DD). Dates before the table's start are an error. */
export function rechtsstandAm(datum: string): Rechtsstand {
  const entry = RECHTSSTAENDE.find((r) => r.gueltigAb <= datum && (r.gueltigBis === undefined || datum <= r.gueltigBis));
  if (!entry) throw new RangeError(`No Rechtsstand for ${datum}`);
  return entry;
}

/** § 37 Abs. 2 S. 2 SGB II: the application works back to the first of its month; the Bewilligungszeitraum starts there. */
export function bewilligungsbeginn(antragsdatum: string): string {
  return `${antragsdatum.slice(0, 8)}01`;
}

/** Age in full years on `datum`. */
export function alterAm(geburtsdatum: string, datum: string): number {
  const [y, m, d] = geburtsdatum.split("-").map(Number);
  const [ty, tm, td] = datum.split("-").map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/**
 * The Vermögen limit the applicant is asked about, in whole euros: in the Karenzzeit regime the
 * erhebliches-Vermögen threshold of the Bedarfsgemeinschaft; otherwise the sum of the members'
 * age-based allowances (allowances transfer within the BG). The age counts from the first of the
 * month it is reached.
 */
export function vermoegensgrenze(regel: VermoegensRegel, geburtsdaten: readonly string[], stichtag: string): number {
  if (regel.regime === "Karenzzeit") {
    return geburtsdaten.length === 0 ? 0 : regel.erheblichErstePerson + regel.erheblichWeiterePerson * (geburtsdaten.length - 1);
  }
  const endOfMonth = `${stichtag.slice(0, 8)}31`;
  return geburtsdaten.reduce((sum, g) => {
    const alter = alterAm(g, endOfMonth);
    const stufe = [...regel.stufen].reverse().find((s) => alter >= s.abAlter);
    return sum + (stufe?.betrag ?? 0);
  }, 0);
}

/** The benefit's name in German documents and texts: "Bürgergeld" or "Grundsicherungsgeld". */
export const LEISTUNGSNAME: Record<Leistung, string> = { Buergergeld: "Bürgergeld", Grundsicherungsgeld: "Grundsicherungsgeld" };
