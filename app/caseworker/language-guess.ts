/**
 * Whether a free text the applicant wrote is probably not German, for the caseworker's "Zu
 * beachten" (ADR 0029). Two signals, no guesswork beyond them:
 * - letters of a script other than Latin (Arabic, Cyrillic, Ethiopic, …): certainly not German;
 * - in a submission made in another Latin-script language: at least two of that language's
 *   most common words and more of them than German ones. Codes and names the documents print
 *   ("Arbeitslosengeld I", "Berlin") contain neither, so they are never marked.
 */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

const COMMON_WORDS: Record<string, readonly string[]> = {
  de: ["der", "die", "das", "und", "ist", "ich", "wir", "nicht", "mit", "für", "von", "ein", "eine", "habe", "haben", "zu", "im", "auf", "den", "dem", "bin", "sind", "wird", "mein", "meine", "noch", "seit", "bei", "auch", "aber"],
  en: ["the", "and", "is", "are", "my", "i", "we", "have", "has", "with", "for", "not", "was", "will", "this", "that", "to", "of", "from", "since", "our"],
  fr: ["le", "la", "les", "et", "est", "je", "nous", "pas", "pour", "avec", "une", "des", "du", "dans", "mon", "ma", "mes", "depuis"],
  tr: ["ve", "bir", "bu", "için", "ile", "çok", "ama", "değil", "var", "yok", "ben", "biz", "da", "de", "mi", "benim"],
  pl: ["i", "w", "na", "nie", "jest", "się", "że", "z", "do", "to", "jak", "mam", "moja", "mój", "od"],
  ro: ["și", "în", "nu", "este", "sunt", "pe", "la", "cu", "de", "o", "un", "am", "care", "pentru", "mea", "meu"],
  so: ["iyo", "waa", "ka", "ku", "oo", "aan", "ay", "waxaan", "ayaa", "ma", "uu", "waxay"],
  kmr: ["û", "ji", "di", "de", "ez", "min", "em", "ku", "ne", "bi", "li", "vê", "wê"],
};

const words = (text: string) => text.toLocaleLowerCase("de").split(/[^\p{L}]+/u).filter(Boolean);

export function probablyNotGerman(text: string, submissionLanguage: string): boolean {
  if (NON_LATIN_LETTER.test(text)) return true;
  const own = COMMON_WORDS[submissionLanguage];
  if (!own) return false;
  const list = words(text);
  const count = (set: readonly string[]) => list.filter((w) => set.includes(w)).length;
  const foreign = count(own);
  return foreign >= 2 && foreign > count(COMMON_WORDS.de);
}
