// The k rows with the smallest keys, in order, without sorting them all: a page of 20 from
// 100,000 results sorted by distance is a bounded heap pass, not a full sort.

/**
 * Rows with the k smallest keys (key(row)), smallest first; equal keys are ordered by tie(row)
 * when given, then by the rows' given order.
 */
export function smallestK(rows: ArrayLike<number>, key: (row: number) => number, k: number, tie: (row: number) => number = () => 0): number[] {
  const n = rows.length;
  if (k <= 0 || n === 0) return [];
  // A max-heap of the best k seen so far, by (key, position): its root is the worst of them.
  const size = Math.min(k, n);
  const heapKeys = new Float64Array(size);
  const heapTies = new Float64Array(size);
  const heapPositions = new Int32Array(size);
  let count = 0;
  const worse = (a: number, b: number) =>
    heapKeys[a]! > heapKeys[b]! ||
    (heapKeys[a] === heapKeys[b] && (heapTies[a]! > heapTies[b]! || (heapTies[a] === heapTies[b] && heapPositions[a]! > heapPositions[b]!)));
  const swap = (a: number, b: number) => {
    const key = heapKeys[a]!;
    heapKeys[a] = heapKeys[b]!;
    heapKeys[b] = key;
    const tied = heapTies[a]!;
    heapTies[a] = heapTies[b]!;
    heapTies[b] = tied;
    const position = heapPositions[a]!;
    heapPositions[a] = heapPositions[b]!;
    heapPositions[b] = position;
  };
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < count && worse(left, largest)) largest = left;
      if (right < count && worse(right, largest)) largest = right;
      if (largest === i) return;
      swap(i, largest);
      i = largest;
    }
  };
  for (let position = 0; position < n; position++) {
    const row = rows[position]!;
    const value = key(row);
    if (count < size) {
      heapKeys[count] = value;
      heapTies[count] = tie(row);
      heapPositions[count] = position;
      let i = count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (value <= heapKeys[0]!) {
      const tied = tie(row);
      if (value === heapKeys[0] && tied >= heapTies[0]!) continue; // no better than the worst kept
      heapKeys[0] = value;
      heapTies[0] = tied;
      heapPositions[0] = position;
      siftDown(0);
    }
  }
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => heapKeys[a]! - heapKeys[b]! || heapTies[a]! - heapTies[b]! || heapPositions[a]! - heapPositions[b]!,
  );
  return order.map((i) => rows[heapPositions[i]!]!);
}
