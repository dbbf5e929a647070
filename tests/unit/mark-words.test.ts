// Which words of a result's summary are marked as matching the search.
import { describe, expect, it } from 'vitest';
import { markWords } from '../../src/lib/search/mark-words';

const marked = (text: string, typed: string) =>
  markWords(text, typed)
    .filter((part) => part.marked)
    .map((part) => part.text);
const joined = (text: string, typed: string) =>
  markWords(text, typed)
    .map((part) => part.text)
    .join('');

describe('markWords', () => {
  it('marks the typed word and its other forms, whatever the case', () => {
    expect(marked('Walking group. We walk every week; walkers welcome.', 'walks')).toEqual(['Walking', 'walk', 'walkers']);
  });

  it('matches accents folded both ways', () => {
    expect(marked('A bereavement café in Heaton', 'cafe')).toEqual(['café']);
    expect(marked('A bereavement cafe in Heaton', 'café')).toEqual(['cafe']);
  });

  it('leaves filler words unmarked and marks every other word', () => {
    expect(marked('Free food for anyone who needs it', 'i need free food')).toEqual(['Free', 'food']);
  });

  it('marks both halves of a compound typed as one word', () => {
    expect(marked('The food bank opens on Fridays', 'foodbank')).toEqual(['food', 'bank']);
  });

  it('marks each word on its own, never the space between', () => {
    expect(markWords('free food here', 'free food')).toEqual([
      { text: 'free', marked: true },
      { text: ' ', marked: false },
      { text: 'food', marked: true },
      { text: ' here', marked: false },
    ]);
  });

  it('keeps the text whole and unchanged', () => {
    const text = 'Debt advice – “can’t pay” bills? Phone 0191 000 0000.';
    expect(joined(text, 'debt pay phone')).toBe(text);
    expect(marked(text, 'debt pay phone')).toEqual(['Debt', 'pay', 'Phone']);
  });

  it('marks nothing without words, or when no word is there', () => {
    expect(markWords('Walking group', '')).toEqual([{ text: 'Walking group', marked: false }]);
    expect(marked('Walking group', 'swimming')).toEqual([]);
    expect(markWords('', 'walk')).toEqual([]);
  });

  it('does not mark a word that only contains the typed word later on', () => {
    expect(marked('Sidewalk chalk art', 'walk')).toEqual([]);
  });

  it('marks the words of each search when searches follow one another (parsed words are reused only for the same words)', () => {
    const text = 'Walking group with food after';
    expect(marked(text, 'walk')).toEqual(['Walking']);
    expect(marked(text, 'walk')).toEqual(['Walking']);
    expect(marked(text, 'food')).toEqual(['food']);
    expect(marked(text, '')).toEqual([]);
    expect(marked(text, 'walk food')).toEqual(['Walking', 'food']);
  });
});
