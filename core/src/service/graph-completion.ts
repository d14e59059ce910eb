import type { GraphDocument } from '../documents';
import type { PbMessage } from '../pbtxt/ast';
import type { Span } from '../types';
import { CALCULATORS, OPTIONS_MESSAGES } from './data/calculators';
import { enumTypeOf, enumValueDoc, fieldInfo, fieldsOf, type FieldInfo } from './graph-schema';
import { ANY_CONTAINER, calculatorOf, EXT_CONTAINER, graphCursor, NODE_TYPE } from './graph-context';
import { calculatorMarkdown, fieldMarkdown } from './graph-hover';
import { graphOutline } from './graph-outline';
import { toRange } from './positions';
import { CompletionItemKind, InsertTextFormat, type ServiceCompletionItem } from './types';

/** Completion in a MediaPipe graph: field names, calculators, options, stream tags and names. */
export function graphCompletion(doc: GraphDocument, offset: number): ServiceCompletionItem[] {
  const text = doc.file.text;
  const cur = graphCursor(doc.ast.root, offset);
  // `name: |` — the field ends at its colon; the cursor is after it on the same line
  const f =
    cur.field ??
    cur.message.fields.find((x) => x.colon && !x.value && x.colon.end <= offset && /^[ \t]*$/.test(text.slice(x.colon.end, offset)));
  const range = (span: Span) => toRange(doc.file, span);
  // typing a field name: an identifier without a colon or value yet, or blank space in a message
  const typingName = f && !f.bracketed && !f.colon && !f.value && f.nameSpan.start <= offset && offset <= f.nameSpan.end;
  if (!f || typingName) {
    const span = typingName ? f!.nameSpan : wordSpan(text, offset);
    return fieldItems(cur.type, cur.message, cur.node, range(span));
  }
  // a value: after the colon
  if (f.colon && offset > f.colon.start) {
    const v = f.value?.kind === 'scalar' && f.value.span.start <= offset && offset <= f.value.span.end ? f.value : undefined;
    const span = v ? v.span : wordSpan(text, offset);
    return valueItems(doc, cur.type, f.name, cur.node, range(span));
  }
  return [];
}

function wordSpan(text: string, offset: number): Span {
  let s = offset;
  while (s > 0 && /\w/.test(text[s - 1]!)) s--;
  return { start: s, end: offset };
}

function fieldItems(type: string | undefined, message: PbMessage, node: PbMessage | undefined, range: ReturnType<typeof toRange>): ServiceCompletionItem[] {
  if (type === ANY_CONTAINER || type === EXT_CONTAINER) {
    const own = CALCULATORS[calculatorOf(node) ?? '']?.options;
    return (own ? [own] : OPTIONS_MESSAGES).map((m) => ({
      label: type === ANY_CONTAINER ? `[type.googleapis.com/${m}]` : `[${m}.ext]`,
      kind: CompletionItemKind.Class,
      detail: 'options',
      textEdit: { range, newText: type === ANY_CONTAINER ? `[type.googleapis.com/${m}]: {\n\t$0\n}` : `[${m}.ext] {\n\t$0\n}` },
      insertTextFormat: InsertTextFormat.Snippet,
    }));
  }
  if (!type) return [];
  const present = new Set(message.fields.map((x) => x.name));
  return fieldsOf(type)
    .filter((d) => d.repeated || d.type.startsWith('map<') || !present.has(d.name))
    .map((d, i) => ({
      label: d.name,
      kind: CompletionItemKind.Field,
      detail: `${d.repeated ? 'repeated ' : ''}${d.type}`,
      documentation: { kind: 'markdown' as const, value: fieldMarkdown(d) },
      textEdit: { range, newText: `${d.name}${skeleton(d)}` },
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `${d.required ? 0 : 1}${String(i).padStart(3, '0')}`,
    }));
}

function skeleton(d: FieldInfo): string {
  if (d.message) return ' {\n\t$0\n}';
  if (d.type === 'bool') return ': ${1|true,false|}';
  if (d.values && d.enumValues) return `: \${1|${d.values.join(',')}|}`;
  if (d.type === 'string') return d.values ? `: "\${1|${d.values.join(',')}|}"` : ': "$1"';
  return ': $1';
}

function valueItems(doc: GraphDocument, type: string | undefined, field: string, node: PbMessage | undefined, range: ReturnType<typeof toRange>): ServiceCompletionItem[] {
  const item = (label: string, kind: CompletionItemKind, extra: Partial<ServiceCompletionItem> = {}): ServiceCompletionItem => ({
    label,
    kind,
    textEdit: { range, newText: label },
    filterText: label,
    ...extra,
  });
  if (type === NODE_TYPE && field === 'calculator') {
    return Object.keys(CALCULATORS).map((name) => item(`"${name}"`, CompletionItemKind.Class, { documentation: { kind: 'markdown', value: calculatorMarkdown(name) } }));
  }
  if (type === NODE_TYPE && (field === 'input_stream' || field === 'output_stream' || field === 'input_side_packet' || field === 'output_side_packet')) {
    const calc = CALCULATORS[calculatorOf(node) ?? ''];
    const tags =
      field === 'input_stream' ? calc?.inputs : field === 'output_stream' ? calc?.outputs : field === 'input_side_packet' ? calc?.sidePackets : calc?.outputSidePackets;
    const out: ServiceCompletionItem[] = (tags ?? []).map((t) =>
      t.includes(':')
        ? item(`"${t}"`, CompletionItemKind.EnumMember, { detail: 'tag and side packet' })
        : item(`"${t}:"`, CompletionItemKind.EnumMember, { detail: 'tag', textEdit: { range, newText: `"${t}:$1"` }, insertTextFormat: InsertTextFormat.Snippet }),
    );
    if (field === 'input_stream') {
      // streams produced in this graph, with their tag, for wiring a consumer
      const g = graphOutline(doc.ast.root);
      const seen = new Set<string>();
      for (const s of [...g.inputs, ...g.nodes.flatMap((n) => n.streams.filter((x) => x.field === 'output_stream'))]) {
        if (seen.has(s.raw)) continue;
        seen.add(s.raw);
        out.push(item(`"${s.raw}"`, CompletionItemKind.Variable, { detail: 'stream produced in this graph' }));
      }
    }
    return out;
  }
  const d = type ? fieldInfo(type, field) : undefined;
  if (!d) return [];
  if (d.type === 'bool') return ['true', 'false'].map((b) => item(b, CompletionItemKind.Value));
  if (!d.values) return [];
  const enumType = d.enumValues ? enumTypeOf(type!, field) : undefined;
  return d.values.map((v) => {
    const doc = enumType ? enumValueDoc(enumType, v) : undefined;
    return item(d.enumValues ? v : `"${v}"`, CompletionItemKind.EnumMember, doc ? { documentation: { kind: 'markdown', value: doc } } : {});
  });
}
