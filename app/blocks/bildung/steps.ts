/**
 * Bildung und Teilhabe in the Hauptantrag-shaped flows (issue #16, wba-but.md B.4 1): the
 * Hauptantrag and the renewal already apply for BuT (§ 37 Abs. 1 S. 2 SGB II), so no question is
 * needed — but one page per child asks which costs are already known (the jobcenter can only pay
 * once they are concrete), and offers Lernförderung, which is an application of its own: the
 * receipt then continues in the BuT flow with the child filled in (FollowUp, but/seed.ts).
 */
import { todayIso } from "~/flows/engine/fields";
import type { AnswerView, Member } from "~/flows/engine/types";
import { inBlock } from "../block";
import { inBg, mitglied } from "../haushalt/household";
import { memberWhere } from "../haushalt/members";
import { PERSON } from "../shared";

export const KOSTEN = ["mittagessen", "ausfluege", "schuelerticket", "verein", "lernfoerderung"] as const;
/** Why a kind of cost is not offered for a child (texts: steps.butKosten.withheld.<reason>). */
export const KOSTEN_REASONS = ["ab18", "nurSchule", "keineEinrichtung"] as const;

/** Children of the Bedarfsgemeinschaft under 25: they can get BuT (§ 28 Abs. 1 SGB II). */
export const butKind = memberWhere((h) => inBg(h) && h.beziehung === "kind" && h.alter < 25);

/**
 * What a child cannot get: Teilhabe (a club) from 18; a school ticket and Lernförderung only at
 * school; lunch and trips not without a Kita or school. Under 15 the KI page says which (its
 * "betreuung"); from 15 the portal does not know, and offers it.
 */
function withheld(member: Member | undefined, a: AnswerView): Record<string, Record<string, string>> {
  if (!member) return {};
  const h = mitglied(a, member, todayIso());
  const out: Record<string, string> = {};
  if (h && h.alter >= 18) out.verein = "ab18";
  const betreuung = a.value(`kind/${member.index}`, "betreuung");
  if (betreuung === "kita") { out.schuelerticket = "nurSchule"; out.lernfoerderung = "nurSchule"; }
  if (betreuung === "keine") for (const k of ["mittagessen", "ausfluege", "schuelerticket", "lernfoerderung"]) out[k] = "keineEinrichtung";
  return { kosten: out };
}

export const steps = inBlock("bildung", {
  butKosten: {
    kind: "question", id: "butKosten", section: "personen", model: { at: `${PERSON}.bildungUndTeilhabe` }, forEach: butKind,
    withhold: { reasons: KOSTEN_REASONS, of: withheld },
    fields: [{ name: "kosten", kind: "checkboxes", options: [...KOSTEN, "keine"], exclusive: "keine", hint: true, bind: "bekannteKosten" }],
  },
});
