import type { GraphDocument } from '../documents';
import { BUILTIN_SIDE_PACKETS } from '../graph/calculators';
import { CALCULATORS } from './data/calculators';
import { enumTypeOf, enumValueDoc, fieldInfo, fieldsOf, messageDoc, type FieldInfo } from './graph-schema';
import { bracketType, graphCursor } from './graph-context';
import { graphOutline, STREAM_FIELDS } from './graph-outline';
import { contains } from './positions';
import type { HoverTopic } from './types';

/** Hover in a MediaPipe graph: graph and node fields, calculators, option fields, streams. */
export function graphHover(doc: GraphDocument, offset: number): HoverTopic | undefined {
  const cur = graphCursor(doc.ast.root, offset);
  const f = cur.field;
  if (!f) return undefined;
  if (contains(f.nameSpan, offset)) {
    if (f.bracketed) {
      const type = bracketType(f)!;
      const fields = fieldsOf(type);
      const users = Object.entries(CALCULATORS).filter(([, c]) => c.options === type).map(([n]) => `\`${n}\``);
      const lines = [`**\`${type}\`**${users.length ? ` — options of ${users.join(', ')}` : ''}`];
      const doc = messageDoc(type);
      if (doc) lines.push('', doc);
      if (fields.length) lines.push('', ...fields.map((d) => `- \`${d.name}\` (${typeLabel(d)})${d.required ? ' **required**' : ''}`));
      return { markdown: lines.join('\n'), span: f.nameSpan };
    }
    const d = cur.type ? fieldInfo(cur.type, f.name) : undefined;
    if (!d) return undefined;
    return { markdown: fieldMarkdown(d), span: f.nameSpan };
  }
  const v = f.value;
  if (v?.kind !== 'scalar' || !contains(v.span, offset)) return undefined;
  if (f.name === 'calculator') {
    const name = String(v.value);
    const c = CALCULATORS[name];
    return c ? { markdown: calculatorMarkdown(name), span: v.span } : undefined;
  }
  if ((STREAM_FIELDS as readonly string[]).includes(f.name)) return streamHover(doc, f.name, String(v.value), v.span);
  const enumType = cur.type ? enumTypeOf(cur.type, f.name) : undefined;
  if (enumType && v.token === 'identifier') {
    const value = String(v.value);
    const valueDoc = enumValueDoc(enumType, value);
    return { markdown: `\`${value}\` — a value of \`${enumType}\`${valueDoc ? `\n\n${valueDoc}` : ''}`, span: v.span };
  }
  return undefined;
}

function typeLabel(d: FieldInfo): string {
  return `${d.repeated ? 'repeated ' : ''}${d.type}${d.default !== undefined ? `, default ${d.default}` : ''}`;
}

export function fieldMarkdown(d: FieldInfo): string {
  const values = d.values ? `\n\nValues: ${d.values.map((x) => `\`${x}\``).join(', ')}` : '';
  return `**\`${d.name}\`** (${typeLabel(d)})${d.required ? ' — required' : ''}${d.doc ? `\n\n${d.doc}` : ''}${values}`;
}

export function calculatorMarkdown(name: string): string {
  const c = CALCULATORS[name]!;
  const lines = [`**\`${name}\`** — ${c.doc}`];
  if (c.options) lines.push('', `Options: \`${c.options}\``);
  if (c.inputs) lines.push('', `Input tags: ${c.inputs.map((t) => `\`${t}\``).join(', ')}`);
  if (c.outputs) lines.push('', `Output tags: ${c.outputs.map((t) => `\`${t}\``).join(', ')}`);
  if (c.sidePackets) lines.push('', `Side packets: ${c.sidePackets.map((t) => `\`${t}\``).join(', ')}`);
  if (c.outputSidePackets) lines.push('', `Output side packets: ${c.outputSidePackets.map((t) => `\`${t}\``).join(', ')}`);
  return lines.join('\n');
}

function streamHover(doc: GraphDocument, field: string, raw: string, span: { start: number; end: number }): HoverTopic {
  const name = raw.split(':').pop()!;
  const g = graphOutline(doc.ast.root);
  const side = field.endsWith('side_packet');
  const label = (n: { name?: string; calculator?: string }) => `\`${n.name ?? n.calculator ?? 'node'}\``;
  const producers: string[] = [];
  const consumers: string[] = [];
  if (!side) {
    if (g.inputs.some((s) => s.name === name)) producers.push('the graph input');
    if (g.outputs.some((s) => s.name === name)) consumers.push('the graph output');
  }
  for (const n of g.nodes) {
    for (const s of n.streams) {
      if (s.name !== name || s.field.endsWith('side_packet') !== side) continue;
      (s.field.startsWith('output') ? producers : consumers).push(label(n));
    }
  }
  if (side && producers.length === 0 && BUILTIN_SIDE_PACKETS.has(name)) producers.push('OVMS (supplied when the graph starts)');
  const what = side ? 'side packet' : 'stream';
  return {
    markdown: `${what} \`${name}\`\n\nProduced by: ${producers.length ? producers.join(', ') : '(nothing in this graph)'}\n\nConsumed by: ${consumers.length ? consumers.join(', ') : '(nothing)'}`,
    span,
  };
}
