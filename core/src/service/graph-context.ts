import type { PbField, PbMessage } from '../pbtxt/ast';
import { fieldInfo } from './graph-schema';

export const GRAPH_TYPE = 'mediapipe.CalculatorGraphConfig';
export const NODE_TYPE = 'mediapipe.CalculatorGraphConfig.Node';
/** Inside `node_options { … }` (Any entries) or `options { … }` (extensions). */
export const ANY_CONTAINER = '<node_options>';
export const EXT_CONTAINER = '<options>';

/** Where the cursor is in a graph: the innermost message (and its type), the node, the field. */
export interface GraphCursor {
  message: PbMessage;
  type: string | undefined;
  /** The enclosing `node { … }` message, if any. */
  node?: PbMessage;
  /** The field of `message` under the cursor (its name or value), if any. */
  field?: PbField;
}

/** The message type named by a bracketed field: `[type.googleapis.com/a.B]` or `[a.B.ext]`. */
export function bracketType(f: PbField): string | undefined {
  if (!f.bracketed) return undefined;
  const name = f.name.replace(/\s+/g, '');
  if (f.bracketed === 'any') return name.slice(name.lastIndexOf('/') + 1);
  return name.endsWith('.ext') ? name.slice(0, -4) : name;
}

export function childType(type: string | undefined, f: PbField): string | undefined {
  if (f.bracketed) return bracketType(f);
  if (type === NODE_TYPE && f.name === 'node_options') return ANY_CONTAINER;
  if (type === NODE_TYPE && f.name === 'options') return EXT_CONTAINER;
  return type ? fieldInfo(type, f.name)?.message : undefined;
}

const inside = (m: PbMessage, offset: number) => m.span.start < offset && (!m.close || offset < m.span.end);

export function graphCursor(root: PbMessage, offset: number): GraphCursor {
  let message = root;
  let type: string | undefined = GRAPH_TYPE;
  let node: PbMessage | undefined;
  for (;;) {
    const f = message.fields.find((x) => x.span.start <= offset && offset <= x.span.end);
    if (!f) return { message, type, ...(node ? { node } : {}) };
    const v = f.value;
    const inner =
      v?.kind === 'message' && inside(v, offset)
        ? v
        : v?.kind === 'list'
          ? (v.items.find((i) => i.kind === 'message' && inside(i, offset)) as PbMessage | undefined)
          : undefined;
    if (!inner) return { message, type, field: f, ...(node ? { node } : {}) };
    type = childType(type, f);
    if (type === NODE_TYPE) node = inner;
    message = inner;
  }
}

/** The `calculator` of a node message. */
export function calculatorOf(node: PbMessage | undefined): string | undefined {
  const f = node?.fields.find((x) => x.name === 'calculator' && x.value?.kind === 'scalar');
  return f?.value?.kind === 'scalar' ? String(f.value.value) : undefined;
}
