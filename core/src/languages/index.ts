import type { ParsedDocument } from '../documents';
import type { SourceFile } from '../text/source';
import type { FileKind } from '../types';
import { parseConfigDocument, parseSettingsDocument } from './json-config';
import { parseGraphDocument } from './pbtxt';
import { parseCommandsDocument } from './commands';

/** Parse a file of a known kind into its document model. Never throws on bad input. */
export function parseDocument(file: SourceFile, kind: FileKind): ParsedDocument {
  switch (kind) {
    case 'ovms-config':
    case 'subconfig':
      return parseConfigDocument(file, kind);
    case 'settings':
      return parseSettingsDocument(file);
    case 'mediapipe-graph':
      return parseGraphDocument(file);
    case 'command-lines':
      return parseCommandsDocument(file);
  }
}
