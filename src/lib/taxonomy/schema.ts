// Zod schemas for the taxonomy kept in content/taxonomy: categories and accessibility features.
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase code such as "food-banks"');
const layWord = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .transform((word) => word.toLowerCase());

export const categoryTermSchema = z.object({
  id: code,
  uuid: z.string().uuid(),
  name: z.string().min(1),
  description: z.string().min(1),
  parent: code.nullable(),
  urgent: z.boolean().default(false),
  lay_words: z.array(layWord).default([]),
});

export const accessibilityTermSchema = z.object({
  id: code,
  uuid: z.string().uuid(),
  name: z.string().min(1),
  description: z.string().min(1),
  lay_words: z.array(layWord).default([]),
});

export type CategoryTerm = z.output<typeof categoryTermSchema>;
export type AccessibilityTerm = z.output<typeof accessibilityTermSchema>;

/**
 * Words that mean the same to a person looking for help: when a search has one of `when` (the
 * longest such phrase wins), it also matches the words `also` in any service's text, whatever its
 * taxonomy, and the `categories` (with everything below them).
 */
export const synonymSchema = z.object({
  means: z.string().min(1),
  when: z.array(layWord).min(1),
  also: z.array(layWord).min(1),
  categories: z.array(code).default([]),
});

export type Synonym = z.output<typeof synonymSchema>;
