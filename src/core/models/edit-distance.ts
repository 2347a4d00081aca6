/** Three rows reused by every call: the lookup runs on one thread and never re-enters. */
let rows = new Int32Array(3 * 128);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, as in "opsu" → "opus"),
 * computed only inside the band |i − j| ≤ max: returns max + 1 as soon as the distance must exceed `max`.
 * Work is at most |a| × (2·max + 1) cells, so a long text costs a bounded multiple of its length.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const over = max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  let before = 0;
  let previous = width;
  let current = 2 * width;
  rows.fill(over, 0, 3 * width);
  for (let j = 0; j < width && j <= max; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // only the band is computed; the cells just outside it are the only others read, so they are reset
    rows[current] = i <= max ? i : over;
    if (from > 1) rows[current + from - 1] = over;
    if (to + 1 < width) rows[current + to + 1] = over;
    let rowMin = rows[current]!;
    const charA = a.charCodeAt(i - 1);
    const lastA = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const charB = b.charCodeAt(j - 1);
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + (charA === charB ? 0 : 1));
      if (j > 1 && lastA === charB && charA === b.charCodeAt(j - 2)) value = Math.min(value, rows[before + j - 2]! + 1);
      if (value > over) value = over;
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(rows[previous + b.length]!, over);
}
