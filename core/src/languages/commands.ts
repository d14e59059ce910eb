import type { CommandsDocument } from '../documents';
import type { SourceFile } from '../text/source';

/**
 * Files holding command lines. Extraction (core/src/sources) is being built in issue #5; until
 * it lands no command line is found in them.
 */
export function parseCommandsDocument(file: SourceFile): CommandsDocument {
  return { kind: 'command-lines', file, commands: [], syntax: [] };
}
