// Astro content collections: the taxonomy and help pages live in content/, validated by zod.
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { accessibilityTermSchema, categoryTermSchema } from './lib/taxonomy/schema';

const categories = defineCollection({
  loader: file('content/taxonomy/categories.json'),
  schema: categoryTermSchema,
});

const accessibility = defineCollection({
  loader: file('content/taxonomy/accessibility.json'),
  schema: accessibilityTermSchema,
});

export const collections = { categories, accessibility };
