import type { ConfigDocument, ParsedDocument } from '../documents';
import { findRule } from '../rules';
import { docsUrl, type Finding } from '../types';
import { configCursor, rootShape } from './config-context';
import { keyDoc, shapeAt, type ValueShape } from './data/config-schema';
import { graphHover } from './graph-hover';
import { commandsHover } from './commands-hover';
import { toRange } from './positions';
import type { HoverTopic, ServiceHover } from './types';

/**
 * Hover: what the thing under the cursor means in OVMS (a config key, a value, a graph field,
 * a calculator, an option, a flag), followed by the documentation of any finding there.
 */
export function doHover(doc: ParsedDocument, offset: number, findings: Finding[]): ServiceHover | undefined {
  const parts: string[] = [];
  let span: { start: number; end: number } | undefined;
  const topic =
    doc.kind === 'ovms-config' || doc.kind === 'subconfig'
      ? configHover(doc, offset)
      : doc.kind === 'mediapipe-graph'
        ? graphHover(doc, offset)
        : doc.kind === 'command-lines'
          ? commandsHover(doc, offset)
          : undefined;
  if (topic) {
    parts.push(topic.markdown);
    span = topic.span;
  }
  const here = findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
  for (const f of here) {
    parts.push(findingMarkdown(f));
    span ??= f.span;
  }
  if (parts.length === 0) return undefined;
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(span ? { range: toRange(doc.file, span) } : {}) };
}

/** A finding explained: the rule's title, why it matters and how to fix it, with its docs link. */
export function findingMarkdown(f: Finding): string {
  const meta = findRule(f.ruleId)?.meta;
  const lines = [`**${f.ruleId}** \`${f.ruleName}\` (${f.severity}, impact: ${f.impact})${meta ? ` — ${meta.title}` : ''}`];
  if (meta?.why) lines.push('', `*Why:* ${meta.why}`);
  if (meta?.fix) lines.push('', `*Fix:* ${meta.fix}`);
  lines.push('', `[Rule documentation](${docsUrl(f.ruleId)})`);
  return lines.join('\n');
}

function configHover(doc: ConfigDocument, offset: number): HoverTopic | undefined {
  const cur = configCursor(doc, offset);
  if (!cur) return undefined;
  const root = rootShape(doc);
  if (cur.at === 'key') {
    const parent = shapeAt(root, cur.objectPath);
    const kd = parent ? keyDoc(parent, cur.key) : undefined;
    if (!kd) {
      const map = parent && parent.type === 'object' ? parent.mapDoc : undefined;
      return map ? { markdown: `\`${cur.key}\` — ${map}`, span: cur.span } : undefined;
    }
    return { markdown: `**\`${cur.key}\`** (${typeName(kd.shape)}${kd.required ? ', required' : ''})\n\n${kd.doc}`, span: cur.span };
  }
  const shape = shapeAt(root, cur.path);
  const node = cur.node;
  if (!shape || !node || (node.type !== 'string' && node.type !== 'number')) return undefined;
  const values = 'values' in shape ? shape.values : undefined;
  const v = values?.find((x) => String(x.value) === String(node.value));
  return v?.doc ? { markdown: `\`${String(v.value)}\` — ${v.doc}`, span: cur.span } : undefined;
}

export function typeName(s: ValueShape): string {
  switch (s.type) {
    case 'string-or-object':
      return 'string or object';
    case 'integer-or-string':
      return 'integer or string';
    case 'scalar':
      return 'string, number or boolean';
    default:
      return s.type;
  }
}
