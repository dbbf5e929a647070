// The directory's taxonomy (categories tree and accessibility vocabulary), read from content/.
import { uuidFor } from '../ids';
import categoriesJson from '../../../content/taxonomy/categories.json';
import accessibilityJson from '../../../content/taxonomy/accessibility.json';
import { accessibilityTermSchema, categoryTermSchema, type AccessibilityTerm, type CategoryTerm } from './schema';
import { z } from 'zod';

export const CATEGORY_TAXONOMY = {
  id: uuidFor('taxonomy', 'categories'),
  code: 'categories',
  name: 'Community directory categories',
  description: 'What people come to the directory for, medical and social, in plain words.',
  version: '1',
} as const;

export const ACCESSIBILITY_TAXONOMY = {
  id: uuidFor('taxonomy', 'accessibility'),
  code: 'accessibility',
  name: 'Accessibility features',
  description: 'Features of a place that help disabled people and others use it.',
  version: '1',
} as const;

export interface Taxonomy {
  categories: CategoryTerm[];
  accessibility: AccessibilityTerm[];
  categoryByCode: Map<string, CategoryTerm>;
  categoryByUuid: Map<string, CategoryTerm>;
  accessibilityByCode: Map<string, AccessibilityTerm>;
  accessibilityByUuid: Map<string, AccessibilityTerm>;
  /** A category's code followed by the codes of all its ancestors, nearest first. */
  ancestorsOf(code: string): string[];
  /** A category's code and the codes of all its descendants. */
  descendantsOf(code: string): string[];
}

export function buildTaxonomy(categories: CategoryTerm[], accessibility: AccessibilityTerm[]): Taxonomy {
  const categoryByCode = new Map(categories.map((term) => [term.id, term]));
  const children = new Map<string, string[]>();
  for (const term of categories) {
    if (term.parent && !categoryByCode.has(term.parent)) {
      throw new Error(`Category "${term.id}" names a parent "${term.parent}" that does not exist.`);
    }
    if (term.parent) children.set(term.parent, [...(children.get(term.parent) ?? []), term.id]);
  }
  const ancestorsOf = (code: string): string[] => {
    const chain: string[] = [];
    let current = categoryByCode.get(code);
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parent ? categoryByCode.get(current.parent) : undefined;
    }
    return chain;
  };
  const descendantsOf = (code: string): string[] => {
    const found: string[] = [];
    const queue = [code];
    while (queue.length) {
      const next = queue.shift()!;
      if (found.includes(next)) continue;
      found.push(next);
      queue.push(...(children.get(next) ?? []));
    }
    return found;
  };
  return {
    categories,
    accessibility,
    categoryByCode,
    categoryByUuid: new Map(categories.map((term) => [term.uuid, term])),
    accessibilityByCode: new Map(accessibility.map((term) => [term.id, term])),
    accessibilityByUuid: new Map(accessibility.map((term) => [term.uuid, term])),
    ancestorsOf,
    descendantsOf,
  };
}

let cached: Taxonomy | undefined;

/** The taxonomy from content/taxonomy, validated once per process. */
export function getTaxonomy(): Taxonomy {
  cached ??= buildTaxonomy(z.array(categoryTermSchema).parse(categoriesJson), z.array(accessibilityTermSchema).parse(accessibilityJson));
  return cached;
}
