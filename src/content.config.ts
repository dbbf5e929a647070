// Astro content collections: the taxonomy and help pages live in content/, validated by zod.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { accessibilityTermSchema, categoryTermSchema } from './lib/taxonomy/schema';
import { helpPageSchema } from './lib/help/schema';

const categories = defineCollection({
  loader: file('content/taxonomy/categories.json'),
  schema: categoryTermSchema,
});

const accessibility = defineCollection({
  loader: file('content/taxonomy/accessibility.json'),
  schema: accessibilityTermSchema,
});

const help = defineCollection({
  loader: glob({ pattern: '*.md', base: 'content/help' }),
  schema: helpPageSchema,
});

export const collections = { categories, accessibility, help };
