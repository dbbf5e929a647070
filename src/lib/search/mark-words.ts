// Marks the words of a piece of text that a search matched, for showing in a result:
// "<mark>Walking</mark> group for beginners". The same rules as the search: folded accents,
// word starts for the stem of each typed word, both forms of a known compound; not the synonyms
// a search also matches, which would mark words the person never typed.
import { foldText, parseTextQuery, typedOnly } from './query-text';

export interface TextPart {
  text: string;
  marked: boolean;
}

interface TypedWords {
  exact: Set<string>;
  starts: string[];
}

/** The words typed, parsed once for a page of results: the same words mark every result on it. */
let lastTyped: { typed: string; words: TypedWords } | null = null;

function typedWords(typed: string): TypedWords {
  if (lastTyped?.typed === typed) return lastTyped.words;
  const exact = new Set<string>();
  const starts: string[] = [];
  for (const group of typedOnly(parseTextQuery(typed)).groups) {
    for (const phrase of group) {
      if (phrase.kind !== 'words') continue;
      phrase.words.forEach((word, index) => {
        for (const part of word.split(/\s+/).filter(Boolean)) {
          if (phrase.prefix && index === phrase.words.length - 1) starts.push(part);
          else exact.add(part);
        }
      });
    }
  }
  lastTyped = { typed, words: { exact, starts } };
  return lastTyped.words;
}

export function markWords(text: string, typed: string): TextPart[] {
  const { exact, starts } = typedWords(typed);
  if (!exact.size && !starts.length) return text ? [{ text, marked: false }] : [];

  const parts: TextPart[] = [];
  const push = (piece: string, marked: boolean) => {
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += piece;
    else parts.push({ text: piece, marked });
  };
  let position = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = foldText(match[0]);
    const marked = exact.has(folded) || starts.some((start) => folded.startsWith(start));
    push(text.slice(position, match.index), false);
    // A space between two marked words stays outside the marks, so each word is marked alone.
    if (marked && parts[parts.length - 1]?.marked) parts.push({ text: match[0], marked: true });
    else push(match[0], marked);
    position = match.index + match[0].length;
  }
  push(text.slice(position), false);
  return parts;
}
