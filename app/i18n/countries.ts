/**
 * Countries as ISO 3166-1 alpha-2 codes (ADR 0030): what a country field stores, whatever the
 * language it was chosen in. Their names come from the CLDR data of Intl.DisplayNames — in the
 * applicant's language on the page, in German for the jobcenter — so no country name is a text
 * of ours to translate. XK (Kosovo) is the code its passports carry; XX is "stateless or not
 * established" where a field offers it.
 */
import { intlLocale } from "./format";

export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
).split(" ");

/** "Stateless or not established": a code of ISO's user-assigned range, offered only where a field says so. */
export const UNKNOWN_COUNTRY = "XX";

const KNOWN = new Set(COUNTRY_CODES);
export const isCountryCode = (code: string, unknownAllowed = false) => KNOWN.has(code) || (unknownAllowed && code === UNKNOWN_COUNTRY);

const names = new Map<string, Intl.DisplayNames>();
function displayNames(locale: string): Intl.DisplayNames {
  let d = names.get(locale);
  if (!d) names.set(locale, (d = new Intl.DisplayNames(locale, { type: "region", fallback: "code" })));
  return d;
}

/** The name of a country in a language of the portal ("SY", "ar" → "سوريا"); the code itself if unknown. */
export function countryName(code: string, lng: string): string {
  return displayNames(intlLocale(lng)).of(code) ?? code;
}

/**
 * Every country's name in a language, in that language's alphabetical order: the page's
 * `countries` text bundle. Its key order is the order of the list, on the server and in the
 * browser alike (the browser does not sort again, so its own collation cannot differ).
 */
export function countryBundle(lng: string, unknownLabel: string): Record<string, string> {
  const collator = new Intl.Collator(intlLocale(lng));
  const sorted = COUNTRY_CODES.map((code) => [code, countryName(code, lng)] as const).sort((a, b) => collator.compare(a[1], b[1]));
  return Object.fromEntries([[UNKNOWN_COUNTRY, unknownLabel], ...sorted]);
}
