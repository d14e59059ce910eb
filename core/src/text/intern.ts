/**
 * One string per distinct piece of text. Graphs repeat the same identifiers and tags on every
 * node; interning a range of a text finds its string by hashing the characters in place, so a
 * repeat costs no slice of the text.
 */
export class Interner {
  private readonly buckets = new Map<number, string[]>();
  private size = 0;
  // Most lookups repeat a string seen just before (the same field names and tags on every node):
  // a small cache keyed by length and first and last character answers them with one comparison,
  // without hashing.
  private readonly recent: (string | undefined)[] = new Array(256).fill(undefined);

  /** At most `max` distinct strings are kept; later new ones are sliced but not kept. */
  constructor(private readonly max = Infinity) {}

  /** The string of `text[start, end)`. */
  range(text: string, start: number, end: number): string {
    const len = end - start;
    const slot = (len * 7 + text.charCodeAt(start) * 3 + text.charCodeAt(end - 1)) & 255;
    const hit = this.recent[slot];
    if (hit !== undefined && hit.length === len && text.startsWith(hit, start)) return hit;
    const str = this.find(text, start, end);
    this.recent[slot] = str;
    return str;
  }

  private find(text: string, start: number, end: number): string {
    const len = end - start;
    let h = len;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    let bucket = this.buckets.get(h);
    if (bucket) {
      for (const c of bucket) if (c.length === len && text.startsWith(c, start)) return c;
    }
    const str = internalize(text.slice(start, end));
    if (this.size < this.max) {
      if (!bucket) this.buckets.set(h, (bucket = []));
      bucket.push(str);
      this.size++;
    }
    return str;
  }
}

/**
 * V8's own copy of a string from its string table (where the engine keeps the literals and
 * property names of the code): comparing two such strings is one pointer comparison, equal or
 * not. Field names, enum values and tags are compared with the code's literals (`f.name ===
 * 'node_options'`) and looked up in maps keyed by the descriptor's names throughout the type check,
 * the graph model and the rules; a sliced copy is compared character by character each time.
 */
function internalize(s: string): string {
  for (const k in { [s]: 0 }) return k;
  return s;
}
