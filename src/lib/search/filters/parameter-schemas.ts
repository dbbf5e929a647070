// How the search parameters are read from an address: each reads every value given for its
// name (a list of strings) and returns its value, or null for "not given". Bad values are
// reported in words for people, with the values allowed.
import { z } from 'zod';
import { getTaxonomy } from '../../taxonomy/taxonomy';
import { languageKey } from '../languages';

/** Reads all the values of one parameter; null means "not given" (its empty value stands). */
export type ParameterSchema<T> = z.ZodType<T | null, z.ZodTypeDef, string[]>;

export function oneOfList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

/** A repeatable choice from a fixed list, in any case, each value once. */
export function enumParam<T extends string>(values: readonly T[], what: string) {
  return z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
    const out: T[] = [];
    for (const value of list) {
      if (value === '') continue;
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not ${what}. Use one of ${oneOfList(values)}.`, params: { allowed: values } });
        continue;
      }
      if (!out.includes(value as T)) out.push(value as T);
    }
    return out;
  });
}

/** One choice from a fixed list: the last given. */
export function single<T extends string>(values: readonly T[], what: string) {
  return enumParam(values, what).transform((list) => list.at(-1) ?? null);
}

/** A number from min to max: the last given. */
export function numberParam(what: string, min: number, max: number, integer: boolean) {
  // "£5" and "5.00 " are what people type into a "most you can pay" box.
  return z.array(z.string().transform((v) => v.trim().replace(/^£\s*/, ''))).transform((list, ctx) => {
    const value = list.filter((v) => v !== '').at(-1);
    if (value === undefined) return null;
    const number = Number(value);
    const valid = /^\d+(\.\d+)?$/.test(value) && (!integer || Number.isInteger(number)) && number >= min && number <= max;
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 40)}" is not ${what}. Use ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`,
      });
      return null;
    }
    return number;
  });
}

interface TermVocabulary {
  byCode: Map<string, { id: string }>;
  byUuid: Map<string, { id: string }>;
  codes: string[];
}

/** A repeatable taxonomy term, given by code or uuid, read as its code. */
export function termParam(vocabulary: () => TermVocabulary, refusal: (value: string, codes: string[]) => string) {
  return z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
    const { byCode, byUuid, codes } = vocabulary();
    const out: string[] = [];
    for (const value of list) {
      if (value === '') continue;
      const term = byCode.get(value) ?? byUuid.get(value);
      if (!term) {
        ctx.addIssue({ code: 'custom', message: refusal(value.slice(0, 60), codes), params: { allowed: codes } });
        continue;
      }
      if (!out.includes(term.id)) out.push(term.id);
    }
    return out;
  });
}

export const categoryTerms = (): TermVocabulary => {
  const taxonomy = getTaxonomy();
  return { byCode: taxonomy.categoryByCode, byUuid: taxonomy.categoryByUuid, codes: taxonomy.categories.map((t) => t.id) };
};

export const accessibilityTerms = (): TermVocabulary => {
  const taxonomy = getTaxonomy();
  return { byCode: taxonomy.accessibilityByCode, byUuid: taxonomy.accessibilityByUuid, codes: taxonomy.accessibility.map((t) => t.id) };
};

/** A repeatable language, by ISO 639 code or by name in any case, read as its key. Whether the
 * directory has it is checked against the directory (src/lib/search/language-check.ts). */
export const languageParam = z.array(z.string().trim()).transform((list, ctx) => {
  const out: string[] = [];
  for (const value of list) {
    if (value === '') continue;
    if (value.length > 60 || !/^[\p{L}\p{M}][\p{L}\p{M} '()-]*$/u.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 40)}" is not a language. Choose a language from the list, or give its name (such as "Polish") or its code (such as "pl").`,
      });
      continue;
    }
    const key = languageKey(value);
    if (!out.includes(key)) out.push(key);
  }
  return out;
});

/** A switch: 1 (or true, yes, on) turns it on, 0 (false, no, off) off. */
export const flag = z.array(z.string().trim().toLowerCase()).transform((list, ctx) => {
  const value = list.filter((v) => v !== '').at(-1);
  if (value === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  ctx.addIssue({
    code: 'custom',
    message: `"${value.slice(0, 40)}" is not allowed. Use 1 to turn this on or 0 to turn it off.`,
    params: { allowed: ['1', '0'] },
  });
  return false;
});
