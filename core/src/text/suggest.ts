/**
 * "Did you mean" suggestions: the closest candidate by optimal-string-alignment distance,
 * accepted only when it is close relative to the word's length.
 */

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** The best suggestion for `word` among `candidates`, or undefined when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.min(4, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestDist = limit + 1;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === w) return c;
    // a candidate that the word is a prefix/suffix variant of (e.g. `--enable_prefix_cache`)
    const d = editDistance(w, cl, limit);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best;
}

/** " Did you mean `x`?" or the empty string, for appending to a message. */
export function didYouMeanSuffix(word: string, candidates: Iterable<string>, quote = '`'): string {
  const s = didYouMean(word, candidates);
  return s ? ` Did you mean ${quote}${s}${quote}?` : '';
}

/**
 * A did-you-mean source for many queries against one candidate set, with a bounded number of
 * queries: each query costs O(candidates), so a rule reporting thousands of names would be
 * quadratic. After `maxQueries` lookups it answers with no suggestion (linear overall).
 */
export function boundedSuggester(candidates: Iterable<string>, maxQueries = 50): (word: string) => string {
  const list = [...candidates];
  let left = maxQueries;
  return (word) => (left-- > 0 ? didYouMeanSuffix(word, list) : '');
}
