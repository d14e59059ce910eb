/**
 * A config's JSON tree as OVMS sees it: the plain value the schema validator runs on, and an
 * index from JSON Pointer to the node (and its key node) for positioning findings. Built in
 * one linear walk.
 *
 * OVMS specifics reproduced here:
 * - duplicate keys: RapidJSON keeps every member; the C++ reads the first (`FindMember`).
 *   The value keeps the first copy; the later ones are listed in `duplicates`.
 * - numbers: RapidJSON types a number written with a fraction or exponent as a double, which
 *   fails `"type": "integer"` even when its value is whole (`2.0`). JavaScript cannot tell
 *   `2.0` from `2`, so such a number is nudged to the next double up: it stays a number with
 *   the same bounds behaviour but is no longer an integer for the validator.
 */
import type { ConfigDocument, JsonNode } from '../../documents';

export interface IndexedNode {
  node: JsonNode;
  /** The key node of the member holding this value (absent for the root and array items). */
  keyNode?: JsonNode;
}

export interface Duplicate {
  /** Pointer of the object holding the duplicated key. */
  objectPointer: string;
  name: string;
  keyNode: JsonNode;
  valueNode: JsonNode | undefined;
}

export interface JsonIndex {
  value: unknown;
  nodes: Map<string, IndexedNode>;
  duplicates: Duplicate[];
  /** Pointers of numbers written with a fraction or exponent whose value is whole. */
  wholeDoubles: Set<string>;
}

export function escapePointerSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * `later`: index the document as if this later copy of a duplicated key stood in place of the
 * first one (the value the schema validator also checks, §1.13); its duplicates are not listed.
 */
export function buildIndex(doc: ConfigDocument, later?: Duplicate): JsonIndex {
  const nodes = new Map<string, IndexedNode>();
  const duplicates: Duplicate[] = [];
  const wholeDoubles = new Set<string>();
  const text = doc.file.text;

  const walk = (node: JsonNode, pointer: string, keyNode: JsonNode | undefined): unknown => {
    nodes.set(pointer, keyNode ? { node, keyNode } : { node });
    switch (node.type) {
      case 'object': {
        const out: Record<string, unknown> = Object.create(null);
        for (const prop of node.children ?? []) {
          const k = prop.children?.[0];
          const v = prop.children?.[1];
          if (!k || typeof k.value !== 'string') continue;
          const name = k.value;
          const replaced = later !== undefined && pointer === later.objectPointer && name === later.name;
          if (Object.prototype.hasOwnProperty.call(out, name)) {
            if (!later) duplicates.push({ objectPointer: pointer, name, keyNode: k, valueNode: v });
            if (!replaced || k !== later.keyNode || !v) continue;
          }
          if (!v) continue; // a member without value: a syntax error already reported
          out[name] = walk(v, `${pointer}/${escapePointerSegment(name)}`, k);
        }
        return out;
      }
      case 'array':
        return (node.children ?? []).map((c, i) => walk(c, `${pointer}/${i}`, undefined));
      case 'number': {
        const v = node.value as number;
        if (Number.isInteger(v) && /[.eE]/.test(text.slice(node.offset, node.offset + node.length))) {
          wholeDoubles.add(pointer);
          return nextUp(v);
        }
        return v;
      }
      default:
        return node.value;
    }
  };

  const value = doc.root ? walk(doc.root, '', undefined) : undefined;
  return { value, nodes, duplicates, wholeDoubles };
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The next double above `v` (a whole number below 2^52 becomes a non-integer). */
function nextUp(v: number): number {
  if (v === 0) return Number.MIN_VALUE;
  f64[0] = v;
  u64[0] = v > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0]!;
}
