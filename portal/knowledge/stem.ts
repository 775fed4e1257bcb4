/**
 * A deliberately light English stemmer: it folds the inflections users and writers mix up ("upgrade", "upgrades",
 * "upgrading", "upgraded"; "policy", "policies") onto one term and leaves derivations alone ("installer" stays apart
 * from "install", "configuration" from "configure"), because a full Porter stemmer merged unrelated product words in
 * the quality set (e.g. "general" and "generate") and bought no better hit rate.
 */

const VOWEL = /[aeiouy]/;
/** Doubled final consonants undone after -ing/-ed ("stopped" → "stop"), except the ones English keeps doubled. */
const DOUBLED = /([b-df-hj-np-rtv-xz])\1$/;

function undouble(stem: string): string {
  return DOUBLED.test(stem) && !/(ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** The stem of one lowercased Latin word; words with digits, and short words, are returned unchanged. */
export function stem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|as)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  // the silent e goes too, so that "upgrade" and "upgrading" meet at "upgrad"
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
