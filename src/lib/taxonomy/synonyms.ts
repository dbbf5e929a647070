// Lay words, synonyms and feeling phrases from content/taxonomy/synonyms.json, checked against the
// categories once per process.
import { z } from 'zod';
import synonymsJson from '../../../content/taxonomy/synonyms.json';
import { synonymSchema, type Synonym } from './schema';
import { getTaxonomy } from './taxonomy';

let cached: Synonym[] | undefined;

export function getSynonyms(): Synonym[] {
  if (cached) return cached;
  const synonyms = z.array(synonymSchema).parse(synonymsJson);
  const taxonomy = getTaxonomy();
  for (const synonym of synonyms) {
    for (const code of synonym.categories) {
      if (!taxonomy.categoryByCode.has(code)) throw new Error(`Synonyms for "${synonym.means}" name a category "${code}" that does not exist.`);
    }
  }
  cached = synonyms;
  return cached;
}
