// Languages spoken, as the language filter reads them. Records give Open Referral `languages`
// with an ISO 639 code, a name, or both; search keeps one key for each language (its ISO 639-1
// code where it has one we know, else the stored name in lower case) and shows a plain English name.

/** Plain English names of the ISO 639 codes the directory's data uses (and a few more common in the UK). */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic',
  bfi: 'British Sign Language',
  bn: 'Bengali',
  cs: 'Czech',
  cy: 'Welsh',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fa: 'Persian (Farsi)',
  fr: 'French',
  gu: 'Gujarati',
  hi: 'Hindi',
  it: 'Italian',
  ku: 'Kurdish',
  lt: 'Lithuanian',
  lv: 'Latvian',
  pa: 'Punjabi',
  pl: 'Polish',
  ps: 'Pashto',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  sk: 'Slovak',
  so: 'Somali',
  sq: 'Albanian',
  ta: 'Tamil',
  ti: 'Tigrinya',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  yue: 'Cantonese',
  zh: 'Chinese',
};

/** Other codes and names for the same languages: ISO 639-2/3 codes, "BSL", other names people use. */
const ALIASES: Readonly<Record<string, string>> = {
  ara: 'ar',
  bsl: 'bfi',
  ben: 'bn',
  ces: 'cs',
  cze: 'cs',
  cym: 'cy',
  wel: 'cy',
  deu: 'de',
  ger: 'de',
  eng: 'en',
  spa: 'es',
  fas: 'fa',
  per: 'fa',
  farsi: 'fa',
  persian: 'fa',
  fra: 'fr',
  fre: 'fr',
  guj: 'gu',
  hin: 'hi',
  ita: 'it',
  kur: 'ku',
  lit: 'lt',
  lav: 'lv',
  pan: 'pa',
  pol: 'pl',
  pus: 'ps',
  por: 'pt',
  ron: 'ro',
  rum: 'ro',
  rus: 'ru',
  slk: 'sk',
  slo: 'sk',
  som: 'so',
  sqi: 'sq',
  alb: 'sq',
  tam: 'ta',
  tir: 'ti',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  zho: 'zh',
  chi: 'zh',
  mandarin: 'zh',
  sylheti: 'bn',
  'sign language': 'bfi',
};

const BY_NAME: ReadonlyMap<string, string> = new Map(Object.entries(LANGUAGE_NAMES).map(([code, name]) => [plain(name), code]));

/** Lower case, single spaces, without a bracketed part: "British Sign Language (BSL)" is "british sign language". */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key of a language given by code or by name, in any case: "pl", "POL", "Polish", "pl-PL"
 * are all "pl"; "British Sign Language (BSL)" and "BSL" are "bfi". A language we have no name
 * for keeps its own words in lower case ("tagalog"). Empty for nothing.
 */
export function languageKey(value: string): string {
  const text = value.toLowerCase().replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const code = /^[a-z]{2,3}-[a-z0-9-]+$/.test(text) ? text.split('-')[0]! : text;
  if (LANGUAGE_NAMES[code]) return code;
  if (ALIASES[code]) return ALIASES[code]!;
  const name = plain(text);
  return BY_NAME.get(name) ?? ALIASES[name] ?? (name || text);
}

/** The key of a stored language: by its code when we know the code, else by its name, else its code. */
export function storedLanguageKey(language: { code?: string | null; name?: string | null }): string {
  const byCode = language.code ? languageKey(language.code) : '';
  if (byCode && LANGUAGE_NAMES[byCode]) return byCode;
  return (language.name ? languageKey(language.name) : '') || byCode;
}

/** The plain English name for a key: "Polish", "British Sign Language"; otherwise its own words, capitalised. */
export function languageName(key: string): string {
  return LANGUAGE_NAMES[key] ?? key.replace(/(^|[\s-])(\p{L})/gu, (_, start: string, letter: string) => start + letter.toUpperCase());
}
