import type { GraphDocument } from '../documents';
import { parsePbtxt } from '../pbtxt/parser';
import type { SourceFile } from '../text/source';

/** Graph files: the protobuf text-format tree, with its syntax errors as OVMS-SYNTAX-PBTXT issues. */
export function parseGraphDocument(file: SourceFile): GraphDocument {
  const ast = parsePbtxt(file.text);
  return {
    kind: 'mediapipe-graph',
    file,
    ast,
    syntax: ast.errors.map((e) => ({ span: e.span, message: e.message })),
  };
}
