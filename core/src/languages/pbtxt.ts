import type { GraphDocument } from '../documents';
import { parsePbtxt } from '../pbtxt/parser';
import { checkGraph } from '../proto/check';
import type { SourceFile } from '../text/source';

/**
 * Graph files: the protobuf text-format tree. Its syntax issues (OVMS-SYNTAX-PBTXT) are what
 * protobuf's TextFormat parser rejects: the grammar, and the value forms the schema does not
 * accept (wrong value type, unknown enum value, a non-repeated field given twice, ...). Unknown
 * fields, missing required fields and unknown option types are reported by their own rules
 * (core/src/rules/graph) from the same schema check.
 */
export function parseGraphDocument(file: SourceFile): GraphDocument {
  const ast = parsePbtxt(file.text);
  const syntax = ast.errors.map((e) => ({ span: e.span, message: e.message }));
  const schema = checkGraph(ast);
  for (const issue of schema.issues) if (issue.kind === 'type') syntax.push({ span: issue.span, message: issue.message });
  if (schema.issues.length) syntax.sort((a, b) => a.span.start - b.span.start);
  return { kind: 'mediapipe-graph', file, ast, syntax };
}
