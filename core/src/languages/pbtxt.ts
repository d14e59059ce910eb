import type { GraphDocument } from '../documents';
import type { SourceFile } from '../text/source';

/**
 * Graph files. The text-format parser (core/src/pbtxt) is being built in issue #3; until it
 * lands a graph is read as an empty tree and no graph rule runs on it.
 */
export function parseGraphDocument(file: SourceFile): GraphDocument {
  return {
    kind: 'mediapipe-graph',
    file,
    ast: { root: { kind: 'message', span: { start: 0, end: file.text.length }, fields: [] }, comments: [], errors: [] },
    syntax: [],
  };
}
