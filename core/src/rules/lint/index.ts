import type { Rule } from '../types';
import { settingsInvalid } from './settings-invalid';
import { suppressionUnknownRule } from './suppression-unknown-rule';
import { suppressionWithoutReason } from './suppression-without-reason';
import { unusedSuppression } from './unused-suppression';
import { waiverExpired } from './waiver-expired';

/** OVMS-LINT-*: findings about ovms-lint's own settings and suppressions. */
export const lintRules: Rule[] = [settingsInvalid, suppressionWithoutReason, waiverExpired, unusedSuppression, suppressionUnknownRule];
export { settingsInvalid, suppressionWithoutReason, waiverExpired, unusedSuppression, suppressionUnknownRule };
