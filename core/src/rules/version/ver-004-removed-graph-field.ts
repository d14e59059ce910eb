import { compareVersions } from '../../flags/table';
import { checkGraph } from '../../proto/check';
import type { GraphRule } from '../types';
import { describeVersion, servedVersion } from './served';

/**
 * Option fields OVMS removed from its calculator protos, by options type: the release that removed
 * them and what to do instead. The type checker (built from the current protos) sees them as unknown
 * fields; OVMS-GRAPH-001 leaves exactly these to VER-004, which knows whether the serving version
 * still had them.
 */
export const REMOVED_GRAPH_FIELDS: Readonly<Record<string, Readonly<Record<string, { removedIn: string; deprecatedIn: string; instead: string }>>>> = {
  'mediapipe.LLMCalculatorOptions': {
    block_size: { removedIn: '2025.0', deprecatedIn: '2024.5', instead: 'delete the field' },
  },
};

/** Whether VER-004 owns this unknown field (GRAPH-001 then stays silent about it). */
export function isRemovedGraphField(typeName: string, field: string | undefined): boolean {
  return field !== undefined && REMOVED_GRAPH_FIELDS[typeName]?.[field] !== undefined;
}

export const ver004: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-VER-004',
    name: 'removed-graph-feature',
    severity: 'error',
    impact: 'load',
    tags: ['version', 'deprecated', 'mediapipe'],
    appliesTo: ['mediapipe-graph'],
    title: 'Graph uses an option field the serving OVMS version removed',
    description:
      'Reports calculator option fields that OVMS removed, when the OVMS version serving the graph no longer has them: `block_size` in `LLMCalculatorOptions` (deprecated in 2024.5, removed in 2025.0). The version is the image tag of a command line in the project that serves the graph (through `--config_path` and the config\'s graph entries, or `--model_path` to the graph directory), else the `ovmsVersion` setting; on older versions the field is valid and nothing is reported. Split with the other rules, one finding per mistake: OVMS-GRAPH-001 (unknown field) leaves these fields to VER-004; the removed calculators `EmbeddingsCalculator` (gone in 2025.4) and `RerankCalculator` (gone in 2026.2) are reported by OVMS-GRAPH-012 alone, which takes the version the same way.',
    why:
      'OVMS parses graph.pbtxt with protobuf\'s TextFormat parser, which rejects a field the compiled proto no longer has; the graph is not loaded ("Trying to parse mediapipe graph definition … failed"). `block_size` left `src/llm/llm_calculator.proto` in commit b7b57e72e (v2025.0); issue #2770 is a GPU graph that still carried it. Graphs exported for older releases keep working only on those releases.',
    example: {
      language: 'pbtxt',
      invalid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n    cache_size: 8\n    block_size: 32\n  }\n}',
      valid: 'node_options: {\n  [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {\n    models_path: "./"\n    cache_size: 8\n  }\n}',
    },
    fix: 'Delete the field, or regenerate the graph with the OVMS version you serve (`ovms --configure` / `--task text_generation`, or export_model.py of that release).',
  },
  check(ctx) {
    let served: ReturnType<typeof servedVersion> | undefined;
    for (const issue of checkGraph(ctx.doc.ast).issues) {
      if (issue.kind !== 'unknown-field') continue;
      const removed = issue.field !== undefined ? REMOVED_GRAPH_FIELDS[issue.typeName]?.[issue.field] : undefined;
      if (!removed) continue;
      served ??= servedVersion(ctx.project, ctx.doc, ctx.options);
      if (compareVersions(served.version, removed.removedIn) < 0) return;
      ctx.report({
        span: issue.span,
        key: issue.field,
        ...(served.related ? { related: [served.related] } : {}),
        message: `\`${issue.field}\` was deprecated in OVMS ${removed.deprecatedIn} and removed from ${issue.typeName.replace('mediapipe.', '')} in ${removed.removedIn}; this graph is served by ${describeVersion(served)}, whose parser rejects the field, so OVMS does not load the graph. Fix: ${removed.instead}, or regenerate the graph with the version you serve.`,
      });
    }
  },
};
