// The words searched for, and whether to search them exactly as typed.
import { z } from 'zod';
import { parameter } from './definition';
import { flag } from './parameter-schemas';

/** Longer text is cut, never refused: people paste whole letters into search boxes. */
export const MAX_QUERY_LENGTH = 500;

export const wordParameters = {
  q: parameter({
    schema: z.array(z.string()).transform((list) => list.join(' ').slice(0, MAX_QUERY_LENGTH).trim()),
    empty: '',
    label: 'What you are looking for',
    role: 'words',
  }),
  /** Search the words exactly as typed, without correcting their spelling (src/lib/search/spelling.ts). */
  as_typed: parameter({ schema: flag, empty: false, label: 'Spelling', role: 'words' }),
};
