/**
 * "Did you mean" suggestions: the closest candidate by optimal-string-alignment distance,
 * accepted only when it is close relative to the word's length.
 */

// Three DP rows, reused across calls (grown on demand): suggestions run thousands of times per
// lint on large graphs, and three fresh arrays per comparison made the garbage collector the cost.
let rows = new Int32Array(3 * 64);

export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const w = m + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w * 2);
  // prev2 / prev / cur are row offsets into `rows`, rotated each line
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= m; j++) {
    rows[prev + j] = j;
    rows[prev2 + j] = 0;
  }
  for (let i = 1; i <= n; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = rows[prev + j]! + 1;
      const ins = rows[cur + j - 1]! + 1;
      if (ins < v) v = ins;
      const sub = rows[prev + j - 1]! + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && ai1 === bj) {
        const tr = rows[prev2 + j - 2]! + 1;
        if (tr < v) v = tr;
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + m]!;
}

/** The closest candidate seen so far for one word, within its edit limit. */
class Best {
  readonly w: string;
  readonly limit: number;
  best: string | undefined;
  dist: number;
  /** Position of `best` among all candidates: ties go to the earliest, as in a plain scan. */
  pos = Infinity;
  constructor(word: string) {
    this.w = word.toLowerCase();
    this.limit = Math.max(1, Math.min(4, Math.floor(this.w.length / 3)));
    this.dist = this.limit + 1;
  }
  /** Returns true on an exact (case-insensitive) match: nothing can beat it. */
  consider(c: string, pos: number, lower?: string): boolean {
    const cl = lower ?? c.toLowerCase();
    if (cl === this.w) {
      this.best = c;
      return true;
    }
    const d = editDistance(this.w, cl, this.limit);
    if (d <= this.limit && (d < this.dist || (d === this.dist && pos < this.pos))) {
      this.dist = d;
      this.best = c;
      this.pos = pos;
    }
    return false;
  }
}

/** The best suggestion for `word` among `candidates`, or undefined when none is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const b = new Best(word);
  let i = 0;
  for (const c of candidates) if (b.consider(c, i++)) break;
  return b.best;
}

/** " Did you mean `x`?" or the empty string, for appending to a message. */
export function didYouMeanSuffix(word: string, candidates: Iterable<string>, quote = '`'): string {
  const s = didYouMean(word, candidates);
  return s ? ` Did you mean ${quote}${s}${quote}?` : '';
}

/**
 * A did-you-mean source for many queries against one candidate set, with bounded work: each
 * query costs O(candidates), so a rule reporting thousands of names would be quadratic. It
 * answers at most `maxQueries` lookups and makes at most `maxComparisons` comparisons in all;
 * a query that the rest of that budget cannot cover gets no suggestion (linear overall).
 * Candidates are grouped by length, so a query only compares those within its edit limit.
 */
export function boundedSuggester(candidates: Iterable<string>, maxQueries = 50, maxComparisons = 10_000): (word: string) => string {
  let byLength: Map<number, { c: string; lc: string; pos: number }[]> | undefined;
  let left = maxQueries;
  let work = maxComparisons;
  return (word) => {
    if (left-- <= 0 || work <= 0) return '';
    if (!byLength) {
      byLength = new Map();
      let pos = 0;
      for (const c of candidates) {
        let list = byLength.get(c.length);
        if (!list) byLength.set(c.length, (list = []));
        list.push({ c, lc: c.toLowerCase(), pos: pos++ });
      }
    }
    const b = new Best(word);
    const n = b.w.length;
    let cost = 0;
    for (let len = Math.max(0, n - b.limit); len <= n + b.limit; len++) cost += byLength.get(len)?.length ?? 0;
    if (cost > work) {
      work = 0;
      return '';
    }
    work -= cost;
    search: for (let len = Math.max(0, n - b.limit); len <= n + b.limit; len++) {
      const list = byLength.get(len);
      if (list) for (const e of list) if (b.consider(e.c, e.pos, e.lc)) break search;
    }
    return b.best ? ` Did you mean \`${b.best}\`?` : '';
  };
}
