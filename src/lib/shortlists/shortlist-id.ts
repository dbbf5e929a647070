// A shortlist's id, which is also its short link (/l/<id>): 12 characters from a 32-symbol
// alphabet, so 60 random bits (too many to guess), and easy to copy from paper.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Digits 2 to 9 and the lower-case letters except i and l. With 0, 1, i and l all left out, no
 * two symbols look alike, so "o" stays (nothing in the alphabet looks like it). 32 symbols:
 * each is exactly 5 random bits, so there is no bias.
 */
export const SHORTLIST_ID_ALPHABET = '23456789abcdefghjkmnopqrstuvwxyz';
export const SHORTLIST_ID_LENGTH = 12;

/** A new, random id (60 bits from the operating system's secure random source). */
export function newShortlistId(): string {
  const bytes = randomBytes(SHORTLIST_ID_LENGTH);
  let id = '';
  for (const byte of bytes) id += SHORTLIST_ID_ALPHABET[byte & 31];
  return id;
}

/**
 * An id as a person may type it from paper: capitals read as small letters, a zero as "o".
 * Anything else not in the alphabet makes it invalid.
 */
export const shortlistIdSchema = z
  .string()
  .trim()
  .max(40)
  .transform((value) => value.toLowerCase().replace(/0/g, 'o'))
  .pipe(z.string().regex(new RegExp(`^[${SHORTLIST_ID_ALPHABET}]{${SHORTLIST_ID_LENGTH}}$`)));

/** The id in its stored form, or null when it cannot be a shortlist's id. */
export function parseShortlistId(value: unknown): string | null {
  const parsed = shortlistIdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
