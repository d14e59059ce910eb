import type { Rule } from '../types';
import { syntaxCmd } from './cmd';
import { syntaxJson } from './json';
import { syntaxPbtxt } from './pbtxt';

// OVMS-SYNTAX-PBTXT and OVMS-SYNTAX-CMD join the registry with their parsers (issues #3 and #5).
export const syntaxRules: Rule[] = [syntaxJson];

/** The syntax rule whose findings a parser of this document kind produces. */
export const syntaxRuleFor = {
  'ovms-config': syntaxJson,
  subconfig: syntaxJson,
  settings: syntaxJson,
  'mediapipe-graph': syntaxPbtxt,
  'command-lines': syntaxCmd,
} as const;
