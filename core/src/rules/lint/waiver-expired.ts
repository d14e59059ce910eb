import type { EngineRule } from '../types';

/** Findings come from core/src/config/policy.ts. */
export const waiverExpired: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-LINT-003',
    name: 'waiver-expired',
    severity: 'warning',
    impact: 'advice',
    tags: ['settings', 'suppression'],
    appliesTo: ['settings'],
    title: 'A waiver in .ovms-lint.json is past its expiry date',
    description:
      'Reports a waiver whose `expires` date (YYYY-MM-DD, the last day it applies) has passed. An expired waiver no longer suppresses anything: the findings it covered are reported again.',
    why:
      'Waivers with an expiry date are how a team accepts a risk for a while (until a proxy is in place, until the next OVMS release) without forgetting it. When the date passes the decision has to be made again.',
    example: {
      language: 'json',
      invalid: '{\n  "waivers": [{ "rule": "OVMS-SEC-013", "files": "deploy/*.sh", "reason": "until the gateway lands", "expires": "2024-01-31" }]\n}',
      valid: '{\n  "waivers": [{ "rule": "OVMS-SEC-013", "files": "deploy/*.sh", "reason": "until the gateway lands", "expires": "2099-01-31" }]\n}',
    },
    fix: 'Fix the underlying findings and remove the waiver, or decide again and move the expiry date.',
  },
};
