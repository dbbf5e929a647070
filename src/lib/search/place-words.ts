// The words of the directory's place names ("Felling", "Walker", "Heaton"), so that a typed word,
// or the stem it is cut to, is never matched as the start of a place name it is not: "walking"
// cut to "walk*" would find everything in Walker, "heating" cut to "heat*" everything in Heaton,
// "new*" everything in Newcastle.
import { getAreas } from '../geo/areas';
// query-text imports this module too; foldText is only called once both are loaded.
import { foldText as fold } from './query-text';

let placeWordSet: Set<string> | undefined;

/** Every word of three letters or more in an area's name or aliases, folded. */
export function placeWords(): Set<string> {
  placeWordSet ??= new Set(
    getAreas()
      .flatMap((area) => [area.name, ...area.aliases])
      .flatMap((name) => fold(name).split(/[^\p{L}\p{N}]+/u))
      .filter((word) => word.length >= 3),
  );
  return placeWordSet;
}

/** The place word that `word*` would reach though it is not that word or its plural, if any. */
export function placeReachedBy(word: string): string | undefined {
  for (const place of placeWords()) {
    if (place.length > word.length && place.startsWith(word) && place !== `${word}s` && place !== `${word}es`) return place;
  }
  return undefined;
}

/**
 * The usual forms of a word, to match exactly instead of as a prefix when the prefix would reach
 * a place name: "walk" -> walk, walks, walked, walking, walkers... but never "walker", which is
 * the place.
 */
export function exactForms(word: string): string[] {
  const vowel = (i: number) => 'aeiou'.includes(word[i] ?? '');
  const n = word.length;
  const forms = [word, ...['s', 'ed', 'ing', 'ings', 'er', 'ers'].map((ending) => word + ending)];
  if (/(s|x|z|ch|sh)$/.test(word)) forms.push(`${word}es`);
  // "run" -> "running", "shop" -> "shopping"; "care" -> "caring".
  if (n >= 3 && !vowel(n - 1) && vowel(n - 2) && !vowel(n - 3) && !'wxy'.includes(word[n - 1]!)) {
    forms.push(...['ing', 'ed', 'er', 'ers'].map((ending) => word + word[n - 1]! + ending));
  }
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`);
  const places = placeWords();
  return [...new Set(forms)].filter((form) => form === word || !places.has(form));
}
