import type { SeverityOrOff } from '../../core/src/types';

/** The `ovmsLint` settings section (client/package.json declares the same keys). */
export interface EditorSettings {
  enable: boolean;
  /** Severity overrides by rule id or name. */
  rules: Record<string, SeverityOrOff>;
  /**
   * Debounce of validation while typing (ms), on both edges: an edit to an idle document is
   * validated at once; edits within this delay of the previous one wait until it has been quiet this long.
   */
  validateDelay: number;
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {}, validateDelay: 15 };

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Settings as the client sent them, checked: a wrong value falls back to the default. */
export function readSettings(raw: unknown): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeverityOrOff> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v as SeverityOrOff;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    validateDelay: typeof r.validateDelay === 'number' && r.validateDelay >= 0 ? r.validateDelay : DEFAULT_SETTINGS.validateDelay,
  };
}
