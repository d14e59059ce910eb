import type { CommandsDocument } from '../documents';
import { FLAG_BY_NAME, FLAGS } from '../flags/table';
import { flagMarkdown } from './commands-hover';
import { toRange } from './positions';
import { CompletionItemKind, type ServiceCompletionItem } from './types';

/**
 * Completion of OVMS flags in command lines: `--…` names (flags already given are left out,
 * except list flags, which accumulate) and the values of flags OVMS checks against a list.
 */
export function commandsCompletion(doc: CommandsDocument, offset: number): ServiceCompletionItem[] {
  const text = doc.file.text;
  // the command the cursor is in: within its span, or right after its last argument
  const cmd = doc.commands.find((c) => c.span.start <= offset && offset <= Math.max(c.span.end, c.appendAt ?? c.span.end) + 1);
  if (!cmd) return [];
  const lineStart = doc.file.lineStart(doc.file.positionAt(offset).line);
  const before = text.slice(lineStart, offset);
  const value = /--([A-Za-z0-9_-]+)(?:=|\s+)([A-Za-z0-9_.:-]*)$/.exec(before);
  const def = value ? FLAG_BY_NAME.get(value[1]!) : undefined;
  if (value && def?.values?.length) {
    const range = toRange(doc.file, { start: offset - value[2]!.length, end: offset });
    return def.values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: `--${def.name}`, textEdit: { range, newText: v } }));
  }
  const flag = /(?:^|[\s'"])(-{1,2}[A-Za-z0-9_-]*)$/.exec(before);
  if (!flag) return [];
  const range = toRange(doc.file, { start: offset - flag[1]!.length, end: offset });
  const present = new Set(cmd.args.uses.filter((u) => u.def && u.def.type !== 'list' && !(u.nameSpan.start <= offset && offset <= u.nameSpan.end)).map((u) => u.name));
  return FLAGS.filter((f) => !present.has(f.name)).map((f) => ({
    label: `--${f.name}`,
    kind: CompletionItemKind.Property,
    detail: `${f.type}, default ${f.default}`,
    documentation: { kind: 'markdown' as const, value: flagMarkdown(f) },
    textEdit: { range, newText: `--${f.name}` },
    filterText: `--${f.name}`,
  }));
}
