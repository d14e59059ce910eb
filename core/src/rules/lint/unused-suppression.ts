import type { EngineRule } from '../types';

/** Findings come from core/src/config/policy.ts, only when unused directives are reported. */
export const unusedSuppression: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-LINT-004',
    name: 'unused-suppression',
    severity: 'warning',
    impact: 'advice',
    tags: ['suppression'],
    appliesTo: ['mediapipe-graph', 'command-lines'],
    title: 'An inline ovms-lint-disable directive suppresses nothing',
    description:
      'With `--report-unused-disable-directives` (or `"reportUnusedDisableDirectives": true` in `.ovms-lint.json`), reports every inline `ovms-lint-disable` / `ovms-lint-disable-next-line` directive, or rule id listed in one, that suppressed no finding in this run.',
    why:
      'A stale directive keeps hiding the problem it was written for if the problem comes back, and it misleads readers into thinking the line is known to be risky. Removing unused ones keeps suppressions meaningful.',
    example: {
      language: 'pbtxt',
      invalid: '# ovms-lint-disable-next-line OVMS-GRAPH-001 -- legacy stream name\ninput_stream: "HTTP_REQUEST_PAYLOAD:input"',
      valid: 'input_stream: "HTTP_REQUEST_PAYLOAD:input"',
    },
    fix: 'Remove the directive, or the rule id from its list.',
  },
};
