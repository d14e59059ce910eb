import type { GraphDocument } from '../documents';
import type { PbDocument } from '../pbtxt/ast';
import { reparsePbtxt } from '../pbtxt/incremental';
import { parsePbtxt } from '../pbtxt/parser';
import { checkGraph, type SchemaCheck } from '../proto/check';
import type { SourceFile } from '../text/source';
import { checkByField, keepFieldChecks } from './pbtxt-check';

/**
 * Graph files: the protobuf text-format tree. Its syntax issues (OVMS-SYNTAX-PBTXT) are what
 * protobuf's TextFormat parser rejects: the grammar, and the value forms the schema does not
 * accept (wrong value type, unknown enum value, a non-repeated field given twice, ...). Unknown
 * fields, missing required fields and unknown option types are reported by their own rules
 * (core/src/rules/graph) from the same schema check.
 */
export function parseGraphDocument(file: SourceFile): GraphDocument {
  const ast = parsePbtxt(file.text);
  return graphDocument(file, ast, checkGraph(ast));
}

/**
 * The graph document of an open file, `file`, the edited text of `prev` when given (the language
 * service, on each edit): re-parses only the top-level field the edit lies in and re-checks only
 * the top-level fields that are new (pbtxt/incremental.ts, ./pbtxt-check.ts), else parses the
 * whole file (and keeps its check per field for the next edit). Equal to parseGraphDocument(file);
 * `prev` must not be used afterwards (its tree is reused).
 */
export function parseEditedGraph(prev: GraphDocument | undefined, file: SourceFile): GraphDocument {
  const ast = prev && reparsePbtxt(prev.ast, prev.file.text, file.text);
  if (ast) return graphDocument(file, ast, checkByField(ast, prev.ast) ?? keepFieldChecks(ast, checkGraph(ast)));
  const full = parsePbtxt(file.text);
  return graphDocument(file, full, keepFieldChecks(full, checkGraph(full)));
}

function graphDocument(file: SourceFile, ast: PbDocument, schema: SchemaCheck): GraphDocument {
  const syntax = ast.errors.map((e) => ({ span: e.span, message: e.message }));
  for (const issue of schema.issues) if (issue.kind === 'type') syntax.push({ span: issue.span, message: issue.message });
  if (schema.issues.length) syntax.sort((a, b) => a.span.start - b.span.start);
  return { kind: 'mediapipe-graph', file, ast, syntax };
}
