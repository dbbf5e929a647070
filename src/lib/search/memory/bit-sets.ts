// Sets of values from a known list, a few 32-bit words per row, and counting them.

/** One set per row over a fixed list of values: bit i of a row's words is value i. */
export class BitSets {
  readonly width: number;
  readonly index: Map<string, number>;
  words = new Uint32Array(0);

  constructor(readonly values: readonly string[]) {
    this.width = Math.max(1, Math.ceil(values.length / 32));
    this.index = new Map(values.map((value, i) => [value, i]));
  }

  grow(rows: number): void {
    const fresh = new Uint32Array(rows * this.width);
    fresh.set(this.words.subarray(0, Math.min(this.words.length, fresh.length)));
    this.words = fresh;
  }

  /** Values not in the list are left out. */
  set(row: number, values: readonly string[]): void {
    this.words.fill(0, row * this.width, (row + 1) * this.width);
    for (const value of values) {
      const bit = this.index.get(value);
      if (bit !== undefined) this.words[row * this.width + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }

  /** The words of one set of values, as a row holds them. */
  mask(values: readonly string[]): Uint32Array {
    const words = new Uint32Array(this.width);
    for (const value of values) {
      const bit = this.index.get(value);
      if (bit !== undefined) words[bit >>> 5]! |= 1 << (bit & 31);
    }
    return words;
  }

  /** Does the row hold any of the mask's values? */
  anyTest(mask: Uint32Array): (row: number) => boolean {
    const words = this.words;
    if (this.width === 1) {
      const m = mask[0]!;
      return (row) => (words[row]! & m) !== 0;
    }
    const width = this.width;
    return (row) => {
      for (let w = 0; w < width; w++) if ((words[row * width + w]! & mask[w]!) !== 0) return true;
      return false;
    };
  }

  /** Does the row hold every one of the mask's values? */
  allTest(mask: Uint32Array): (row: number) => boolean {
    const words = this.words;
    if (this.width === 1) {
      const m = mask[0]!;
      return (row) => (words[row]! & m) === m;
    }
    const width = this.width;
    return (row) => {
      for (let w = 0; w < width; w++) if ((words[row * width + w]! & mask[w]!) !== mask[w]) return false;
      return true;
    };
  }

  /** Something that counts, for each value, the rows it is given that hold it. */
  counter(): BitCounter {
    return this.values.length <= 8 ? new SmallBitCounter(this) : new WideBitCounter(this);
  }
}

export interface BitCounter {
  add(rows: ArrayLike<number>, count: number): void;
  /** Counts in the order of the values. */
  counts(): Int32Array;
}

/** Up to 8 values: rows are counted by their whole set and spread over the values at the end. */
class SmallBitCounter implements BitCounter {
  private readonly sets: Int32Array;
  constructor(private readonly bits: BitSets) {
    this.sets = new Int32Array(1 << bits.values.length);
  }
  add(rows: ArrayLike<number>, count: number): void {
    const words = this.bits.words;
    const sets = this.sets;
    for (let i = 0; i < count; i++) sets[words[rows[i]!]!]!++;
  }
  counts(): Int32Array {
    return spread(this.sets, this.bits.values.length);
  }
}

/** Many values: each set bit of a row is counted. */
class WideBitCounter implements BitCounter {
  private readonly tally: Int32Array;
  constructor(private readonly bits: BitSets) {
    this.tally = new Int32Array(bits.width * 32);
  }
  add(rows: ArrayLike<number>, count: number): void {
    const { words, width } = this.bits;
    const tally = this.tally;
    for (let i = 0; i < count; i++) {
      const row = rows[i]!;
      for (let w = 0; w < width; w++) {
        let bits = words[row * width + w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          tally[w * 32 + 31 - Math.clz32(low)]!++;
          bits ^= low;
        }
      }
    }
  }
  counts(): Int32Array {
    return this.tally.subarray(0, this.bits.values.length);
  }
}

/** Counts per bit from counts per whole bit-set value. */
export function spread(sets: Int32Array, width: number): Int32Array {
  const counts = new Int32Array(width);
  for (let value = 1; value < sets.length; value++) {
    if (sets[value]) for (let bit = 0; bit < width; bit++) if (value & (1 << bit)) counts[bit]! += sets[value]!;
  }
  return counts;
}

/** A record of counts by key, in the keys' order. */
export function record(keys: readonly string[], counts: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(keys.map((key, i) => [key, counts[i] ?? 0]));
}
