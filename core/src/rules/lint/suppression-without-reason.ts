import type { EngineRule } from '../types';

/** Findings come from core/src/config/policy.ts (waivers) and core/src/suppress (inline directives). */
export const suppressionWithoutReason: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-LINT-002',
    name: 'suppression-without-reason',
    severity: 'warning',
    impact: 'advice',
    tags: ['settings', 'suppression'],
    appliesTo: ['settings', 'mediapipe-graph', 'command-lines'],
    title: 'A waiver or inline suppression gives no reason',
    description:
      'Reports a waiver in `.ovms-lint.json` without a non-empty `reason`, and an inline `ovms-lint-disable` / `ovms-lint-disable-next-line` comment without a `-- reason` after the rule ids. The suppression still applies; the finding asks for the reason.',
    why:
      'A suppression hides a finding about a deployment that may fail to start, fail requests or be exposed. Without a written reason nobody can later tell whether the risk was understood and accepted or only silenced, and the reason is what SARIF shows as the justification of a suppressed alert.',
    example: {
      language: 'shell',
      invalid: '# ovms-lint-disable-next-line OVMS-SEC-013\novms --rest_port 8000 --rest_bind_address 0.0.0.0',
      valid: '# ovms-lint-disable-next-line OVMS-SEC-013 -- behind the cluster ingress, which checks the API key\novms --rest_port 8000 --rest_bind_address 0.0.0.0',
    },
    fix: 'Add the reason: `-- why this is acceptable` after the rule ids of an inline directive, or a `"reason"` to the waiver.',
  },
};
