import { findNodeAtLocation, findNodeAtOffset, getLocation, getNodePath, type Node as JsonNode } from 'jsonc-parser';
import type { ConfigDocument } from '../documents';
import type { Span } from '../types';
import { CONFIG_ROOT, SUBCONFIG_ROOT, type ValueShape } from './data/config-schema';

/** Where the cursor is in a config.json, in terms hover and completion need. */
export type ConfigCursor =
  | { at: 'key'; key: string; objectPath: (string | number)[]; span: Span; present: Set<string>; node?: JsonNode }
  | { at: 'value'; path: (string | number)[]; span: Span; node?: JsonNode };

export function rootShape(doc: ConfigDocument): ValueShape {
  return doc.kind === 'subconfig' ? SUBCONFIG_ROOT : CONFIG_ROOT;
}

/** The cursor at `offset`: on (or typing) a property key, or on (or typing) a value. */
export function configCursor(doc: ConfigDocument, offset: number): ConfigCursor | undefined {
  const text = doc.file.text;
  const loc = getLocation(text, offset);
  const node = doc.root ? findNodeAtOffset(doc.root, offset, true) : undefined;
  const onString = node && node.type === 'string' && node.offset < offset && offset <= node.offset + node.length ? node : undefined;
  const span = onString ? { start: onString.offset, end: onString.offset + onString.length } : wordAt(text, offset);
  if (loc.isAtPropertyKey) {
    const objectPath = loc.path.slice(0, -1);
    const key = String(loc.path[loc.path.length - 1] ?? '');
    const object = doc.root ? findNodeAtLocation(doc.root, objectPath) : undefined;
    const present = new Set<string>();
    for (const p of object?.type === 'object' ? (object.children ?? []) : []) {
      const k = p.children?.[0];
      if (k && k !== onString && typeof k.value === 'string') present.add(k.value);
    }
    return { at: 'key', key, objectPath, span, present, ...(onString ? { node: onString } : {}) };
  }
  if (node && node.parent?.type === 'property' && node.parent.children?.[0] === node) {
    // on a complete key (getLocation reports keys only while they are being typed)
    const path = getNodePath(node.parent);
    return { at: 'key', key: String(node.value), objectPath: path.slice(0, -1), span, present: new Set(), node };
  }
  return { at: 'value', path: loc.path, span, ...(node ? { node } : {}) };
}

/** The bare word (letters, digits, `_`, `-`, `.`) around an offset, as a span. */
export function wordAt(text: string, offset: number): Span {
  let s = offset;
  let e = offset;
  while (s > 0 && /[\w.\-"]/.test(text[s - 1]!)) s--;
  while (e < text.length && /[\w.\-"]/.test(text[e]!)) e++;
  return { start: s, end: e };
}
