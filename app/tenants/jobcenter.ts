/** A jobcenter (tenant): who receives a submission, and what the applicant is told about it. */
import { z } from "zod";

const time = z.string().regex(/^\d{2}:\d{2}$/);

export const jobcenterSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().min(3),
  /**
   * A jobcenter, or another office that receives submissions routed to it (a Kreis' BuT unit,
   * a Wohngeldstelle; ADR 0034): an office is never found by postcode, it has its own seal,
   * delivery and caseworkers, and sees only what is routed to it.
   */
  art: z.enum(["jobcenter", "stelle"]).default("jobcenter"),
  /** Demo tenants are marked as such on every page and in every document. */
  demo: z.boolean().default(false),
  /** Amtlicher Regionalschlüssel, for FIT-Connect routing later. */
  ars: z.string().regex(/^\d{12}$/).optional(),
  anschrift: z.object({ strasse: z.string(), hausnummer: z.string(), postleitzahl: z.string().regex(/^\d{5}$/), ort: z.string() }),
  kontakt: z.object({
    telefon: z.string(),
    email: z.string().email(),
    web: z.string().url().optional(),
    oeffnungszeiten: z.array(z.object({
      tage: z.array(z.enum(["mo", "di", "mi", "do", "fr", "sa"])).min(1),
      von: time,
      bis: time,
    })),
  }),
  postleitzahlen: z.array(z.object({ von: z.string().regex(/^\d{5}$/), bis: z.string().regex(/^\d{5}$/) })).min(1),
  leistungen: z.array(z.string()).min(1),
  /**
   * Weiterbewilligung: how many whole months may lie between the end of the last
   * Bewilligungszeitraum and the month of the renewal before the jobcenter wants an Erstantrag
   * instead (local practice: 2, 3 or 6; ADR 0028).
   */
  weiterbewilligung: z.object({ maxLueckeMonate: z.number().int().min(0).max(12) }).default({ maxLueckeMonate: 3 }),
  /**
   * Bildung und Teilhabe is decided by the kommunaler Träger: which office receives the requests
   * of families with Grundsicherungsgeld (default: this jobcenter) and of families with Wohngeld
   * or Kinderzuschlag (§ 6b BKGG; without one, the portal cannot take those here). Ids of
   * entries of the same list.
   */
  but: z.object({ sgb2: z.string().optional(), bkgg: z.string().optional() }).default({}),
  branding: z.object({ farbe: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).optional(),
  /** The jobcenter's seal (PKCS#12). Without it, development generates a test seal. */
  siegel: z.object({ pkcs12: z.string(), passphraseVariable: z.string() }).optional(),
  /** Where submissions go besides the portal's own caseworker inbox. */
  zustellung: z.array(z.discriminatedUnion("art", [
    z.object({ art: z.literal("ordner"), pfad: z.string().min(1) }),
    z.object({ art: z.literal("https"), url: z.string().url(), hmacSecretVariable: z.string() }),
  ])).default([]),
});

export type Jobcenter = z.infer<typeof jobcenterSchema>;

export const jobcenterListSchema = z.array(jobcenterSchema).min(1).superRefine((list, ctx) => {
  const ids = new Set(list.map((j) => j.id));
  list.forEach((j, i) => {
    for (const regime of ["sgb2", "bkgg"] as const) {
      const target = j.but[regime];
      if (target !== undefined && !ids.has(target)) ctx.addIssue({ code: "custom", path: [i, "but", regime], message: `${j.id}: BuT office "${target}" is not configured` });
    }
  });
});

/** The jobcenter responsible for a postcode, or undefined when none of ours is (offices are never found this way). */
export function jobcenterForPostcode(list: readonly Jobcenter[], postcode: string): Jobcenter | undefined {
  return list.find((jc) => jc.art === "jobcenter" && jc.postleitzahlen.some((r) => r.von <= postcode && postcode <= r.bis));
}

/** What pages may show about a jobcenter (no seal or delivery configuration). */
export function publicJobcenter(jc: Jobcenter) {
  const { id, name, demo, anschrift, kontakt, branding } = jc;
  return { id, name, demo, anschrift, kontakt, branding };
}
export type PublicJobcenter = ReturnType<typeof publicJobcenter>;
