import type { EngineRule } from '../types';

/** Findings come from core/src/config/parse.ts and resolve.ts (the settings reader). */
export const settingsInvalid: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-LINT-001',
    name: 'settings-invalid',
    severity: 'error',
    impact: 'advice',
    tags: ['settings'],
    appliesTo: ['settings'],
    title: 'The .ovms-lint.json settings file has a mistake',
    description:
      'Reports every part of a `.ovms-lint.json` that ovms-lint cannot use: an unknown key, a value of the wrong type, a severity other than off/info/warning/error, a rule id or name that does not exist, an `extends` that names a missing file or forms a cycle, a waiver without a rule, a malformed expiry date.',
    why:
      'A mistake in the settings file silently changes what is checked: a misspelt rule id leaves the rule at its default, a misspelt key is ignored, a waiver that names no rule waives nothing. ovms-lint reports these in the settings file itself, at the position of the mistake, instead of failing the run.',
    example: {
      language: 'json',
      invalid: '{\n  "rules": { "OVMS-SEC-13": "of" },\n  "ignore": ["build/**"]\n}',
      valid: '{\n  "rules": { "OVMS-SEC-013": "off" },\n  "ignores": ["build/**"]\n}',
    },
    fix: 'Correct the key, value or rule id as the message says (it suggests the closest valid name). The settings JSON Schema (schemas/ovms-lint-settings.schema.json) gives completion and checks in editors.',
  },
};
