import type { CommandsDocument } from '../documents';
import type { FlagDef } from '../flags/table';
import { contains } from './positions';
import type { HoverTopic } from './types';

/** Hover on an OVMS flag in a command line: its type, default, allowed values and meaning. */
export function commandsHover(doc: CommandsDocument, offset: number): HoverTopic | undefined {
  for (const cmd of doc.commands) {
    if (!contains(cmd.span, offset)) continue;
    const use = cmd.args.uses.find((u) => contains(u.nameSpan, offset));
    if (use?.def) return { markdown: flagMarkdown(use.def), span: use.nameSpan };
  }
  return undefined;
}

export function flagMarkdown(def: FlagDef): string {
  const facts = [`${def.type}`, `default: ${def.default}`, `since ${def.since}`];
  if (def.tasks?.length) facts.push(`tasks: ${def.tasks.join(', ')}`);
  if (def.build) facts.push(`build: ${def.build}`);
  const lines = [`**\`--${def.name}\`** (${facts.join('; ')})`, '', def.help];
  if (def.values?.length) lines.push('', `Values: ${def.values.map((v) => `\`${v}\``).join(', ')}${def.caseInsensitive ? ' (case-insensitive)' : ''}`);
  if (def.min !== undefined || def.max !== undefined) lines.push('', `Range: ${def.min ?? '…'}–${def.max ?? '…'}`);
  return lines.join('\n');
}
