// Reads UK postcodes as people type them ("ne45tg", " NE4 5TG ") and postcode districts ("ne4").

/** A whole postcode, normalised: "NE4 5TG", outward "NE4", inward "5TG". */
export interface FullPostcode {
  kind: 'full';
  postcode: string;
  outward: string;
  inward: string;
}

/** The first half of a postcode alone (the postcode district): "NE4", "NE10", "SW1A". */
export interface PostcodeDistrict {
  kind: 'district';
  outward: string;
}

export type ParsedPostcode = FullPostcode | PostcodeDistrict;

// The outward code takes the shapes A9, A99, AA9, AA99, A9A and AA9A; the inward code is 9AA.
const OUTWARD = '[A-Z]{1,2}[0-9][A-Z0-9]?';
const FULL = new RegExp(`^(${OUTWARD})([0-9][A-Z]{2})$`);
const DISTRICT = new RegExp(`^${OUTWARD}$`);

/**
 * A postcode (in any case and with any spacing) or a postcode district (any case, no space
 * inside), or null when the text is neither. "GIR 0AA" (Girobank) is the one postcode outside the usual shapes.
 */
export function parsePostcode(text: string): ParsedPostcode | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (compact === 'GIR0AA') return { kind: 'full', postcode: 'GIR 0AA', outward: 'GIR', inward: '0AA' };
  const full = FULL.exec(compact);
  if (full) {
    const outward = full[1]!;
    const inward = full[2]!;
    return { kind: 'full', postcode: `${outward} ${inward}`, outward, inward };
  }
  // A district alone has no space inside it: "NE4 5" is the start of a postcode, not district NE45.
  if (DISTRICT.test(compact) && !/\S\s+\S/.test(text)) return { kind: 'district', outward: compact };
  return null;
}

/** A whole postcode in its normal form ("NE4 5TG"), or null when the text is not one. */
export function normalisePostcode(text: string): string | null {
  const parsed = parsePostcode(text);
  return parsed?.kind === 'full' ? parsed.postcode : null;
}
