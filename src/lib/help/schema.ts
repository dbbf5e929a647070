// The front matter every help page in content/help/ must have.
import { z } from 'astro/zod';

export const helpPageSchema = z.object({
  title: z.string().min(1),
  /** One sentence for search engines and the list of help pages. */
  description: z.string().min(1),
  /** A short version for other pages to show (the "Talk to someone" panel uses it). */
  summary: z.string().optional(),
  /** Place in the list of help pages and the footer, lowest first. */
  order: z.number().int(),
});

export type HelpPage = z.infer<typeof helpPageSchema>;
