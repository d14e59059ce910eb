import type { CommandsDocument } from '../documents';
import { extractCommands } from '../sources';
import type { SourceFile } from '../text/source';

/** Files holding command lines: every OVMS invocation found in them (core/src/sources). */
export function parseCommandsDocument(file: SourceFile): CommandsDocument {
  const { commands, issues } = extractCommands(file.path, file.text);
  return { kind: 'command-lines', file, commands, syntax: issues };
}
