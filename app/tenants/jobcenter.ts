/** A jobcenter (tenant): who receives a submission, and what the applicant is told about it. */
import { z } from "zod";

const time = z.string().regex(/^\d{2}:\d{2}$/);

export const jobcenterSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,64}$/),
  name: z.string().min(3),
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

export const jobcenterListSchema = z.array(jobcenterSchema).min(1);

/** The jobcenter responsible for a postcode, or undefined when none of ours is. */
export function jobcenterForPostcode(list: readonly Jobcenter[], postcode: string): Jobcenter | undefined {
  return list.find((jc) => jc.postleitzahlen.some((r) => r.von <= postcode && postcode <= r.bis));
}

/** What pages may show about a jobcenter (no seal or delivery configuration). */
export function publicJobcenter(jc: Jobcenter) {
  const { id, name, demo, anschrift, kontakt, branding } = jc;
  return { id, name, demo, anschrift, kontakt, branding };
}
export type PublicJobcenter = ReturnType<typeof publicJobcenter>;
