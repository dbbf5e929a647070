import { describe, expect, it } from 'vitest';
import { categoriesOfWords, meaningfulWords, withOneWordFewer } from '../../src/lib/search/ways-forward';

describe('ways forward when nothing is found', () => {
  it('tries the search with each meaningful word left out', () => {
    expect(withOneWordFewer('walking group in heaton')).toEqual(['group heaton', 'walking heaton', 'walking group']);
    expect(withOneWordFewer('chess')).toEqual([]);
    expect(withOneWordFewer('the chess')).toEqual([]);
    expect(meaningfulWords('i need a food bank')).toEqual(['food', 'bank']);
  });
  it('names the types of help the words stand for', () => {
    expect(categoriesOfWords('lonely')).toEqual(expect.arrayContaining(['loneliness-social', 'befriending']));
    expect(categoriesOfWords('skint in heaton')).toEqual(expect.arrayContaining(['money-benefits-debt']));
    expect(categoriesOfWords('xylophone')).toEqual([]);
  });
});
