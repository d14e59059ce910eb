import type { ConfigDocument, ParsedDocument } from '../documents';
import { configCursor, rootShape } from './config-context';
import { shapeAt, type KeyDoc, type ValueShape } from './data/config-schema';
import { graphCompletion } from './graph-completion';
import { commandsCompletion } from './commands-completion';
import { typeName } from './hover';
import { toRange } from './positions';
import { CompletionItemKind, InsertTextFormat, type ServiceCompletionItem, type ServiceCompletionList } from './types';

/** Completion: config keys and values, graph fields/calculators/options/streams, OVMS flags. */
export function doComplete(doc: ParsedDocument, offset: number): ServiceCompletionList {
  switch (doc.kind) {
    case 'ovms-config':
    case 'subconfig':
      return { isIncomplete: false, items: configCompletion(doc, offset) };
    case 'mediapipe-graph':
      return { isIncomplete: false, items: graphCompletion(doc, offset) };
    case 'command-lines':
      return { isIncomplete: false, items: commandsCompletion(doc, offset) };
    default:
      return { isIncomplete: false, items: [] };
  }
}

function configCompletion(doc: ConfigDocument, offset: number): ServiceCompletionItem[] {
  const cur = configCursor(doc, offset);
  if (!cur) return [];
  const root = rootShape(doc);
  const range = toRange(doc.file, cur.span);
  if (cur.at === 'key') {
    const parent = shapeAt(root, cur.objectPath);
    if (!parent || parent.type !== 'object') return [];
    return Object.entries(parent.props)
      .filter(([k]) => !cur.present.has(k))
      .map(([k, kd], i) => ({
        label: k,
        kind: CompletionItemKind.Property,
        detail: typeName(kd.shape) + (kd.required ? ' (required)' : ''),
        documentation: { kind: 'markdown', value: kd.doc },
        textEdit: { range, newText: `"${k}": ${skeleton(kd)}` },
        insertTextFormat: InsertTextFormat.Snippet,
        filterText: `"${k}"`,
        sortText: `${kd.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      }));
  }
  const shape = shapeAt(root, cur.path);
  if (!shape) return [];
  return valueItems(shape).map((v) => ({ ...v, textEdit: { range, newText: v.textEdit!.newText } }));
}

/** A snippet for the value of a key, from its shape. */
function skeleton(kd: KeyDoc): string {
  const s = kd.shape;
  switch (s.type) {
    case 'object':
      return '{$1}';
    case 'array':
      return s.items.type === 'object' ? '[{$1}]' : '[$1]';
    case 'boolean':
      return '${1|true,false|}';
    case 'integer':
      return '${1:1}';
    case 'string':
    case 'string-or-object':
    case 'integer-or-string':
      return s.values?.length ? `"\${1|${s.values.map((v) => String(v.value).replace(/[,|]/g, '\\$&')).join(',')}|}"` : '"$1"';
    default:
      return '$1';
  }
}

function valueItems(shape: ValueShape): ServiceCompletionItem[] {
  const placeholder = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' };
  if (shape.type === 'boolean') {
    return ['true', 'false'].map((b) => ({ label: b, kind: CompletionItemKind.Value, textEdit: { ...placeholder, newText: b } }));
  }
  const values = 'values' in shape ? (shape.values ?? []) : [];
  return values.map((v) => {
    const text = typeof v.value === 'string' ? JSON.stringify(v.value) : String(v.value);
    return {
      label: text,
      kind: CompletionItemKind.EnumMember,
      documentation: { kind: 'markdown' as const, value: v.doc },
      textEdit: { ...placeholder, newText: text },
      filterText: text,
    };
  });
}
