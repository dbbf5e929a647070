// What a service costs, in words and in bands (free, pay what you can, concessions), from its
// Open Referral cost options.

export const COST_BANDS = ['free', 'pwyc', 'concessions'] as const;
export type CostBand = (typeof COST_BANDS)[number];

export interface CostOptionLike {
  option?: string | null;
  amount?: number | null;
  amount_description?: string | null;
  currency?: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
}

const PWYC = /pay what you (can|feel|like)|pay as you feel|donation|pwyc/i;
const CONCESSION = /concession|reduced|unwaged|low income|on benefits|student|over 60|over-60|discount|free for|subsidi[sz]ed/i;
const FREE = /\bfree\b|no charge|no cost/i;

function wordsOf(option: CostOptionLike): string {
  return `${option.option ?? ''} ${option.amount_description ?? ''}`;
}

export function isPayWhatYouCan(option: CostOptionLike): boolean {
  return PWYC.test(wordsOf(option));
}

export function isFreeOption(option: CostOptionLike): boolean {
  if (isPayWhatYouCan(option)) return false;
  if (option.amount === 0) return true;
  return option.amount == null && FREE.test(option.option ?? '');
}

/** The cost options that apply today: started (valid_from) and not ended (valid_to). */
export function currentCostOptions<T extends CostOptionLike>(options: T[], today: string): T[] {
  return options.filter((option) => (!option.valid_from || option.valid_from <= today) && (!option.valid_to || option.valid_to >= today));
}

/** "£3", "£2.50". */
export function money(amount: number, currency?: string | null): string {
  const symbol = !currency || currency.toUpperCase() === 'GBP' ? '£' : `${currency.toUpperCase()} `;
  return Number.isInteger(amount) ? `${symbol}${amount}` : `${symbol}${amount.toFixed(2)}`;
}

export interface CostSummary {
  bands: CostBand[];
  /** The least a person has to pay for one go, in pounds; 0 when free or pay what you can; null if unknown. */
  lowest: number | null;
  /** Plain words, e.g. "£5 per session, £2.50 concessions". */
  text: string;
}

export function summariseCost(allOptions: CostOptionLike[], today: string, fees?: string | null): CostSummary {
  const options = currentCostOptions(allOptions, today);
  if (!options.length) {
    return { bands: [], lowest: null, text: fees?.trim() || 'Cost not given: please ask' };
  }
  const bands = new Set<CostBand>();
  const priced: CostOptionLike[] = [];
  for (const option of options) {
    if (isPayWhatYouCan(option)) bands.add('pwyc');
    else if (isFreeOption(option)) bands.add('free');
    else if (option.amount != null) {
      priced.push(option);
      if (CONCESSION.test(option.option ?? '')) bands.add('concessions');
    }
  }
  // The least to pay is in pounds; prices in another currency are shown but not compared.
  const amounts = [...new Set(priced.filter(inPounds).map((option) => option.amount!))].sort((a, b) => a - b);
  // Free for some people while others pay is a concession too; two prices alone (adult and
  // family tickets) are not.
  if (bands.has('free') && priced.length) bands.add('concessions');
  const lowest = bands.has('free') || bands.has('pwyc') ? 0 : amounts.length ? amounts[0]! : null;

  const parts: string[] = [];
  if (bands.has('free') && !priced.length && !bands.has('pwyc')) parts.push('Free');
  for (const option of options) {
    if (isPayWhatYouCan(option)) {
      const detail = option.amount_description?.trim();
      parts.push(detail ? `Pay what you can (${lowerFirst(detail)})` : 'Pay what you can');
    }
  }
  if (priced.length) {
    const main = priced.find((option) => !CONCESSION.test(option.option ?? '')) ?? priced[priced.length - 1]!;
    const unit = main.amount_description?.trim() ? ` ${shortUnit(main.amount_description)}` : '';
    parts.push(`${money(main.amount!, main.currency)}${unit}`);
    for (const option of priced) {
      if (option === main) continue;
      const label = option.option?.trim() ? lowerFirst(option.option.trim()) : 'other rate';
      parts.push(`${money(option.amount!, option.currency)} ${label}`);
    }
    if (bands.has('free')) parts.push('free for some people');
  }
  return { bands: COST_BANDS.filter((band) => bands.has(band)), lowest, text: parts.join(', ') || 'Free' };
}

function inPounds(option: CostOptionLike): boolean {
  return !option.currency || option.currency.toUpperCase() === 'GBP';
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** "per session, for people on benefits" -> "per session". */
function shortUnit(description: string): string {
  return description.split(/[,;(]/)[0]!.trim();
}

/**
 * One price option in words: "Adults: £3", "Concessions: £1.50, if you get benefits",
 * "Carers: free for carers" (never "£0", and "free" only once).
 */
export function costOptionText(option: CostOptionLike): string {
  const description = option.amount_description?.trim() || null;
  let price = option.amount == null ? null : option.amount === 0 ? 'free' : money(option.amount, option.currency);
  if (price === 'free' && description && /\bfree\b/i.test(description)) price = null;
  const detail = [price, description].filter(Boolean).join(', ');
  const label = option.option?.trim();
  if (!label) return detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : '';
  return detail ? `${label}: ${detail}` : label;
}
