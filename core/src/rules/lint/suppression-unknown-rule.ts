import type { EngineRule } from '../types';

/** Findings come from core/src/config/policy.ts (inline directives naming no known rule). */
export const suppressionUnknownRule: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-LINT-005',
    name: 'suppression-unknown-rule',
    severity: 'warning',
    impact: 'advice',
    tags: ['suppression'],
    appliesTo: ['mediapipe-graph', 'command-lines'],
    title: 'An inline ovms-lint-disable directive names a rule that does not exist',
    description:
      'Reports a rule id or name in an inline `ovms-lint-disable` / `ovms-lint-disable-next-line` comment that is not an ovms-lint rule id, alias or name, and suggests the closest one.',
    why:
      'A misspelt rule id suppresses nothing, so the finding it was meant for is still reported, or, worse, the author thinks a different rule is silenced than the one that is.',
    example: {
      language: 'shell',
      invalid: '# ovms-lint-disable-next-line OVMS-SEC-13 -- internal network only\novms --rest_port 8000',
      valid: '# ovms-lint-disable-next-line OVMS-SEC-013 -- internal network only\novms --rest_port 8000',
    },
    fix: 'Use the id shown in the finding (or `ovms-lint rules` for the list).',
  },
};
