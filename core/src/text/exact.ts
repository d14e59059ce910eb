/**
 * A copy of `items[from, from + n)` at its exact size, for the short lists the syntax tree and the
 * graph model keep for a whole lint (the fields of a message, the ports of a node, its option
 * payloads). Up to four items the copy is an array literal: once a literal's copies keep
 * surviving, V8 allocates them straight in the old generation (allocation-site pretenuring), while
 * a `slice` always starts young and the collector copies it twice before it settles (on the
 * 10,000-node graph of bench/03, 2-4% of a lint in alternating runs).
 */
export function exactCopy<T>(items: readonly T[], from: number, n: number): T[] {
  switch (n) {
    case 1:
      return [items[from]!];
    case 2:
      return [items[from]!, items[from + 1]!];
    case 3:
      return [items[from]!, items[from + 1]!, items[from + 2]!];
    case 4:
      return [items[from]!, items[from + 1]!, items[from + 2]!, items[from + 3]!];
    default:
      return items.slice(from, from + n);
  }
}
